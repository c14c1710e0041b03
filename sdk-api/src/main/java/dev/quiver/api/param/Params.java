package dev.quiver.api.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parameter values bound to a list of {@link ParamSpec declarations}: every declared parameter has a value (given or
 * defaulted), each checked against its declaration. Its canonical text ({@link #canonical()}) lists the values in
 * declaration order, e.g. {@code 12,26,9}, and names feature columns and sweep runs.
 *
 * <p>Thread-safety: immutable.
 */
public final class Params {
    private final List<ParamSpec> specs;
    private final Map<String, Object> values;

    private Params(List<ParamSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /** No parameters. */
    public static Params none() {
        return new Params(List.of(), Map.of());
    }

    /**
     * Binds values given as text, by name, to these declarations; missing ones take their defaults.
     *
     * @throws IllegalArgumentException naming an unknown parameter, a value that does not parse or is out of range,
     *     or a required parameter without a value
     */
    public static Params bind(List<ParamSpec> specs, Map<String, String> given) {
        Map<String, String> remaining = new LinkedHashMap<>(given);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            String text = remaining.remove(s.name());
            if (text == null) {
                if (!s.hasDefault()) {
                    throw new IllegalArgumentException("parameter '" + s.name() + "' is required");
                }
                text = s.defaultValue();
            }
            values.put(s.name(), s.parse(text));
        }
        if (!remaining.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (ParamSpec s : specs) {
                names.add(s.name());
            }
            throw new IllegalArgumentException("unknown parameter '" + remaining.keySet().iterator().next()
                    + "'; the parameters are " + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return new Params(List.copyOf(specs), Collections.unmodifiableMap(values));
    }

    /**
     * Binds values given by position (as in {@code macd(12,26,9)}), then by name; missing ones take defaults.
     *
     * @throws IllegalArgumentException if there are more positional values than parameters, a parameter is given
     *     twice, or {@link #bind(List, Map)} rejects a value
     */
    public static Params bind(List<ParamSpec> specs, List<String> positional, Map<String, String> named) {
        if (positional.size() > specs.size()) {
            throw new IllegalArgumentException("too many parameters: " + positional.size() + " given, at most "
                    + specs.size() + " expected");
        }
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            all.put(specs.get(i).name(), positional.get(i));
        }
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' is given twice");
            }
        }
        return bind(specs, all);
    }

    /** The declarations, in order. */
    public List<ParamSpec> specs() {
        return specs;
    }

    /**
     * An {@code INT} parameter's value.
     *
     * @throws IllegalArgumentException if there is no such parameter or it is of another type
     */
    public int getInt(String name) {
        return typed(name, Integer.class);
    }

    /**
     * A {@code DOUBLE} parameter's value ({@code INT} values widen).
     *
     * @throws IllegalArgumentException if there is no such parameter or it is not numeric
     */
    public double getDouble(String name) {
        Object v = value(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("parameter '" + name + "' is not numeric");
    }

    /**
     * A {@code BOOLEAN} parameter's value.
     *
     * @throws IllegalArgumentException if there is no such parameter or it is of another type
     */
    public boolean getBoolean(String name) {
        return typed(name, Boolean.class);
    }

    /**
     * A {@code CHOICE} parameter's value.
     *
     * @throws IllegalArgumentException if there is no such parameter or it is of another type
     */
    public String getChoice(String name) {
        return typed(name, String.class);
    }

    private <T> T typed(String name, Class<T> type) {
        Object v = value(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not of type " + type.getSimpleName());
        }
        return type.cast(v);
    }

    private Object value(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; the parameters are " + values.keySet());
        }
        return v;
    }

    /** The values by name, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * The values in declaration order, comma-separated, without spaces: {@code 12,26,9}. Whole-valued doubles print
     * without a fraction ({@code 2.0} prints as {@code 2}).
     */
    public String canonical() {
        List<String> parts = new ArrayList<>(values.size());
        for (Object v : values.values()) {
            parts.add(format(v));
        }
        return String.join(",", parts);
    }

    private static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && values.equals(p.values) && specs.equals(p.specs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(specs, values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
