package dev.quiver.api.param;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The declaration of one parameter: its name, type, default, allowed range and meaning.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the parameter's name, lower case
 * @param type its type
 * @param defaultValue its default as canonical text ({@code "14"}, {@code "2.0"}, {@code "true"}, {@code "sma"}),
 *     or {@code null} if it must be given
 * @param min the smallest allowed value ({@code INT}, {@code DOUBLE}); {@code -Infinity} if unbounded
 * @param max the largest allowed value ({@code INT}, {@code DOUBLE}); {@code +Infinity} if unbounded
 * @param choices the allowed words ({@code CHOICE}); empty otherwise
 * @param description what the parameter means, one line
 */
public record ParamSpec(String name, ParamType type, String defaultValue, double min, double max,
                        List<String> choices, String description) {

    /** @throws IllegalArgumentException if the name is blank or the default is outside the declaration */
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = choices.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (name.isBlank()) {
            throw new IllegalArgumentException("a parameter name must not be blank");
        }
        if (min > max) {
            throw new IllegalArgumentException("parameter '" + name + "': min " + min + " > max " + max);
        }
        if (defaultValue != null) {
            defaultValue = new ParamSpec(name, type, null, min, max, choices, description).parse(defaultValue)
                    .toString();
        }
    }

    /** A whole-number parameter with a default and an inclusive range. */
    public static ParamSpec ofInt(String name, int defaultValue, int min, int max, String description) {
        return new ParamSpec(name, ParamType.INT, Integer.toString(defaultValue), min, max, List.of(), description);
    }

    /** A real-number parameter with a default and an inclusive range. */
    public static ParamSpec ofDouble(String name, double defaultValue, double min, double max, String description) {
        return new ParamSpec(name, ParamType.DOUBLE, Double.toString(defaultValue), min, max, List.of(), description);
    }

    /** A yes/no parameter with a default. */
    public static ParamSpec ofBoolean(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, Boolean.toString(defaultValue), 0, 1, List.of(), description);
    }

    /** A parameter that takes one of these words, with a default. */
    public static ParamSpec ofChoice(String name, String defaultValue, List<String> choices, String description) {
        return new ParamSpec(name, ParamType.CHOICE, defaultValue, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                choices, description);
    }

    /** Whether the parameter has a default (else it must be given). */
    public boolean hasDefault() {
        return defaultValue != null;
    }

    /**
     * Parses and checks a value given as text.
     *
     * @return an {@link Integer}, {@link Double}, {@link Boolean} or {@link String} for the four types
     * @throws IllegalArgumentException naming the parameter, the value and what was expected
     */
    public Object parse(String text) {
        String t = text.trim();
        switch (type) {
            case INT -> {
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw invalid(text, "a whole number");
                }
                if (v < min || v > max) {
                    throw invalid(text, "a whole number in " + range());
                }
                if (v != (int) v) {
                    throw invalid(text, "a whole number in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
                }
                return (int) v;
            }
            case DOUBLE -> {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw invalid(text, "a number");
                }
                if (Double.isNaN(v) || v < min || v > max) {
                    throw invalid(text, "a number in " + range());
                }
                return v;
            }
            case BOOLEAN -> {
                String lower = t.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return Boolean.valueOf(lower);
                }
                throw invalid(text, "true or false");
            }
            case CHOICE -> {
                String lower = t.toLowerCase(Locale.ROOT);
                if (choices.contains(lower)) {
                    return lower;
                }
                throw invalid(text, "one of " + String.join(", ", choices));
            }
            default -> throw new AssertionError(type);
        }
    }

    private String range() {
        String lo = min == Double.NEGATIVE_INFINITY ? "(-inf" : "[" + fmt(min);
        String hi = max == Double.POSITIVE_INFINITY ? "+inf)" : fmt(max) + "]";
        return lo + ", " + hi;
    }

    private String fmt(double v) {
        return type == ParamType.INT ? Long.toString((long) v) : Double.toString(v);
    }

    private IllegalArgumentException invalid(String text, String expected) {
        return new IllegalArgumentException("parameter '" + name + "': '" + text + "' is not " + expected);
    }
}
