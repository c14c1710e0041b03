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

    /** Sets every output of the bar to {@code NaN}. */
    static void none(double[] out) {
        Arrays.fill(out, Double.NaN);
    }
}
