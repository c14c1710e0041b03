package dev.quiver.bench.report;

import java.util.Locale;

/**
 * How the report writes rates, times and ratios: three significant digits with an SI prefix (587 M values/s,
 * 45.2 ms, 1.14x), so figures of very different sizes read at a glance.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class Quantities {
    private static final String[] PREFIXES = {"", "k", "M", "G", "T"};

    private Quantities() {
    }

    /** A rate: {@code 587 M values/s}. */
    static String rate(double perSecond, String unit) {
        if (!Double.isFinite(perSecond)) {
            return String.valueOf(perSecond);
        }
        int p = 0;
        double v = perSecond;
        while (Math.abs(v) >= 1000 && p < PREFIXES.length - 1) {
            v /= 1000;
            p++;
        }
        return digits(v) + " " + (p == 0 ? "" : PREFIXES[p] + " ") + unit + "/s";
    }

    /** A duration: {@code 45.2 ms}, {@code 3.10 µs}, {@code 1.25 s}. */
    static String time(double seconds) {
        if (!Double.isFinite(seconds)) {
            return String.valueOf(seconds);
        }
        double a = Math.abs(seconds);
        if (a >= 1 || a == 0) {
            return digits(seconds) + " s";
        } else if (a >= 1e-3) {
            return digits(seconds * 1e3) + " ms";
        } else if (a >= 1e-6) {
            return digits(seconds * 1e6) + " µs";
        }
        return digits(seconds * 1e9) + " ns";
    }

    /** A ratio: {@code 1.14x}, {@code 0.012x}. */
    static String ratio(double r) {
        return Double.isFinite(r) ? digits(r) + "x" : "-";
    }

    /** A fraction as a percentage: {@code 23%}. */
    static String percent(double f) {
        return Double.isFinite(f) ? String.format(Locale.ROOT, f >= 0.1 ? "%.0f%%" : "%.1f%%", f * 100) : "-";
    }

    /** Three significant digits, thousands grouped, no exponent. */
    static String digits(double v) {
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 || a == 0 ? "%.2f" : a >= 0.01 ? "%.3f"
                : "%.2g";
        return String.format(Locale.ROOT, pattern, v);
    }
}
