package dev.quiver.features.crosssection;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Work arrays for one date's cross-section, sized for the widest date of a panel and reused for every date of a
 * chunk, so that computing a date allocates nothing.
 *
 * <p>Thread-safety: not thread-safe; each chunk of dates has its own.
 */
final class Scratch {
    static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE;

    /** The date's finite values, in symbol order. */
    final double[] values;
    /** The table row of each value. */
    final int[] rows;
    /** The values sorted ascending. */
    final double[] sorted;
    /** Per sorted position: a counter (ordinal ranks) or the dense rank. */
    final int[] counts;
    /** Per sorted position: the dense rank of the value there. */
    final int[] dense;
    /** Per group: the sum of its values. */
    final double[] groupSums;
    /** A second per-value array of doubles (group keys). */
    final double[] keys;

    Scratch(int width) {
        values = new double[width];
        rows = new int[width];
        sorted = new double[width];
        counts = new int[width];
        dense = new int[width];
        groupSums = new double[width];
        keys = new double[width];
    }

    /**
     * Sorts {@code values[0, m)} into {@code sorted[0, m)} with a primitive sort (no boxing).
     */
    void sort(int m) {
        System.arraycopy(values, 0, sorted, 0, m);
        java.util.Arrays.sort(sorted, 0, m);
    }

    /** The first sorted position whose value is not less than {@code v}. */
    int lowerBound(int m, double v) {
        int lo = 0;
        int hi = m;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first sorted position whose value is greater than {@code v}. */
    int upperBound(int m, double v) {
        int lo = 0;
        int hi = m;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v < sorted[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The mean of {@code values[0, m)}, computed as R's {@code mean} does: the plain mean, then corrected by the
     * mean of the residuals, which makes the mean of equal values exactly that value.
     */
    double mean(int m) {
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += values[i];
        }
        double mean = sum / m;
        double residual = 0;
        for (int i = 0; i < m; i++) {
            residual += values[i] - mean;
        }
        return mean + residual / m;
    }

    /**
     * The standard deviation of {@code values[0, m)} about {@code mean}, with divisor {@code m - ddof}: two-pass
     * sum of squared deviations. {@code NaN} when {@code m - ddof < 1}; exactly 0 when every value is equal.
     */
    double sd(int m, double mean, int ddof) {
        if (m - ddof < 1) {
            return Double.NaN;
        }
        double ss = 0;
        boolean allEqual = true;
        double first = m > 0 ? values[0] : 0;
        for (int i = 0; i < m; i++) {
            double dev = values[i] - mean;
            ss += dev * dev;
            allEqual &= values[i] == first;
        }
        return allEqual ? 0.0 : Math.sqrt(ss / (m - ddof));
    }

    /** Whether a segment may be read from threads other than its owner's. */
    static boolean shareable(MemorySegment s) {
        return s.isAccessibleBy(NO_OWNER);
    }

    /** A thread that owns nothing: memory it may access is accessible from every thread. */
    private static final Thread NO_OWNER = Thread.ofVirtual().unstarted(() -> { });
}
