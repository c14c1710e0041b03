package dev.quiver.features.momentum;

import java.util.Arrays;

/**
 * Small helpers the momentum states share for missing values.
 *
 * <p>Thread-safety: stateless.
 */
final class Bars {
    private Bars() {
    }

    /** Whether any value of the bar is missing ({@code NaN} or infinite). */
    static boolean anyMissing(double[] bar) {
        for (double v : bar) {
            if (!Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the two values is missing ({@code NaN} or infinite): the batch loops' form of the check. */
    static boolean anyMissing(double a, double b) {
        return !(Double.isFinite(a) && Double.isFinite(b));
    }

    /** Whether any of the three values is missing. */
    static boolean anyMissing(double a, double b, double c) {
        return !(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c));
    }

    /** Whether any of the four values is missing. */
    static boolean anyMissing(double a, double b, double c, double d) {
        return !(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d));
    }

    /** Sets every output of the bar to {@code NaN}. */
    static void none(double[] out) {
        Arrays.fill(out, Double.NaN);
    }
}
