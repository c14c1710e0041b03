package dev.quiver.backtest.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A grid of parameter values: named axes, each a list of values, and their cartesian product. An axis is written
 * {@code name=v1,v2,v3} (a list) or {@code name=start:end:step} (an inclusive range: {@code fast=5:50:5} is 5, 10,
 * ..., 50). Combinations come in a fixed order: the first axis varies slowest, the last fastest.
 *
 * <p>Thread-safety: immutable.
 */
public final class ParamGrid {
    private final Map<String, List<String>> axes;

    private ParamGrid(Map<String, List<String>> axes) {
        this.axes = axes;
    }

    /** A grid with no axes: one combination, the empty one. */
    public static ParamGrid empty() {
        return new ParamGrid(Map.of());
    }

    /**
     * A grid of these axes, in order.
     *
     * @throws IllegalArgumentException if an axis is empty or named twice
     */
    public static ParamGrid of(Map<String, List<String>> axes) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        axes.forEach((name, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("parameter grid axis '" + name + "' has no values");
            }
            copy.put(name.strip().toLowerCase(Locale.ROOT), List.copyOf(values));
        });
        return new ParamGrid(java.util.Collections.unmodifiableMap(copy));
    }

    /**
     * Parses axes such as {@code fast=5:50:5} and {@code slow=20,50,100}; one string may hold several axes separated
     * by {@code ;}.
     *
     * @throws IllegalArgumentException quoting the axis text and saying what is wrong
     */
    public static ParamGrid parse(List<String> axisTexts) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (String text : axisTexts) {
            for (String axis : text.split(";")) {
                if (axis.isBlank()) {
                    continue;
                }
                int eq = axis.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("parameter grid '" + axis.strip()
                            + "': expected name=v1,v2,... or name=start:end:step");
                }
                String name = axis.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String values = axis.substring(eq + 1).strip();
                if (axes.containsKey(name)) {
                    throw new IllegalArgumentException("parameter grid: '" + name + "' is given twice");
                }
                axes.put(name, values.contains(":") ? range(axis.strip(), values) : list(axis.strip(), values));
            }
        }
        return of(axes);
    }

    private static List<String> list(String axis, String values) {
        List<String> out = new ArrayList<>();
        for (String v : values.split(",")) {
            if (v.isBlank()) {
                throw new IllegalArgumentException("parameter grid '" + axis + "': an empty value");
            }
            out.add(v.strip());
        }
        return out;
    }

    /** Most values one range axis may expand to. */
    private static final BigDecimal MAX_VALUES = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e15");
    private static final int MAX_DECIMALS = 15;

    private static List<String> range(String axis, String values) {
        String[] parts = values.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("parameter grid '" + axis + "': a range is start:end:step");
        }
        BigDecimal start;
        BigDecimal end;
        BigDecimal step;
        try {
            // decimal arithmetic, so 0.1:0.5:0.1 gives 0.1, 0.2, ..., 0.5 exactly
            // without trailing zeros: 0e-10000005 is 0 (scale 0), not a zero of ten million decimals that the
            // arithmetic below would expand (end - start, to that scale, took minutes)
            start = new BigDecimal(parts[0].strip()).stripTrailingZeros();
            end = new BigDecimal(parts[1].strip()).stripTrailingZeros();
            step = new BigDecimal(parts[2].strip()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter grid '" + axis + "': start, end and step must be numbers");
        }
        if (step.signum() <= 0 || end.compareTo(start) < 0) {
            throw new IllegalArgumentException("parameter grid '" + axis + "': needs start <= end and a positive step");
        }
        for (BigDecimal v : new BigDecimal[] {start, end, step}) {
            // a short text can hold an enormous number (1e999999999) or scale (1e-999999999)
            if (v.abs().compareTo(MAX_MAGNITUDE) > 0 || v.scale() > MAX_DECIMALS) {
                throw new IllegalArgumentException("parameter grid '" + axis + "': range values must lie within "
                        + "+-1e15 with at most " + MAX_DECIMALS + " decimals");
            }
        }
        if (end.subtract(start).divide(step, 0, RoundingMode.FLOOR).compareTo(MAX_VALUES) >= 0) {
            throw new IllegalArgumentException("parameter grid '" + axis + "': more than " + MAX_VALUES.toPlainString()
                    + " values");
        }
        List<String> out = new ArrayList<>();
        for (BigDecimal v = start; v.compareTo(end) <= 0; v = v.add(step)) {
            out.add(v.stripTrailingZeros().toPlainString());
        }
        return out;
    }

    /** The axes, in order. */
    public Map<String, List<String>> axes() {
        return axes;
    }

    /** The number of combinations (1 for no axes). */
    public long size() {
        long n = 1;
        for (List<String> values : axes.values()) {
            n = Math.multiplyExact(n, values.size());
        }
        return n;
    }

    /** This grid restricted to the axes whose names are in {@code names}. */
    public ParamGrid restrictedTo(java.util.Collection<String> names) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        axes.forEach((name, values) -> {
            if (names.contains(name)) {
                kept.put(name, values);
            }
        });
        return new ParamGrid(java.util.Collections.unmodifiableMap(kept));
    }

    /**
     * Every combination, as parameter name to value text, in order (first axis slowest).
     *
     * @throws ArithmeticException if there are more than {@link Integer#MAX_VALUE} combinations
     */
    public List<Map<String, String>> combinations() {
        int total = Math.toIntExact(size());
        List<String> names = new ArrayList<>(axes.keySet());
        List<Map<String, String>> out = new ArrayList<>(total);
        int[] at = new int[names.size()];
        for (int c = 0; c < total; c++) {
            Map<String, String> combination = new LinkedHashMap<>();
            for (int a = 0; a < names.size(); a++) {
                combination.put(names.get(a), axes.get(names.get(a)).get(at[a]));
            }
            out.add(combination);
            for (int a = names.size() - 1; a >= 0; a--) {
                if (++at[a] < axes.get(names.get(a)).size()) {
                    break;
                }
                at[a] = 0;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamGrid g && axes.equals(g.axes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(axes);
    }

    @Override
    public String toString() {
        return "ParamGrid" + axes;
    }
}
