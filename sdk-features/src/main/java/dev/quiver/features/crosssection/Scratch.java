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

    /** Radix-sort buffers: keys and value indices, two of each, and one histogram. */
    private final long[] keysA;
    private final long[] keysB;
    private final int[] orderA;
    private final int[] orderB;
    private final int[] histogram = new int[256];
    /** After {@link #sortIndexed}: the indices of {@code values} in ascending order of value, ties in index order. */
    int[] order;

    Scratch(int width) {
        keysA = new long[width];
        keysB = new long[width];
        orderA = new int[width];
        orderB = new int[width];
        order = orderA;
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

    /**
     * Sorts the indices of {@code values[0, m)} by value into {@link #order}, stably, so that equal values keep
     * their (symbol) order: a least-significant-digit radix sort of the values' order-preserving 64-bit keys, byte
     * by byte, skipping the bytes all keys share. No comparisons, so no mispredicted branches; primitive arrays
     * only. Small cross-sections use an insertion sort. The values must be finite, with {@code -0.0} stored as
     * {@code 0.0} (as {@link CrossSectionKernel#gather} stores them), so that equal values have equal keys.
     */
    void sortIndexed(int m) {
        if (m <= 32) {
            int[] o = orderA;
            for (int i = 0; i < m; i++) {
                double v = values[i];
                int j = i - 1;
                while (j >= 0 && values[o[j]] > v) {
                    o[j + 1] = o[j];
                    j--;
                }
                o[j + 1] = i;
            }
            order = o;
            return;
        }
        long[] k = keysA;
        long[] k2 = keysB;
        int[] o = orderA;
        int[] o2 = orderB;
        for (int i = 0; i < m; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            // negative values: flip every bit; others: flip the sign bit; then unsigned order is numeric order
            k[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            o[i] = i;
        }
        int[] count = histogram;
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < m; i++) {
                count[(int) (k[i] >>> shift) & 0xFF]++;
            }
            if (count[(int) (k[0] >>> shift) & 0xFF] == m) {
                continue; // every key has this byte: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < m; i++) {
                int pos = count[(int) (k[i] >>> shift) & 0xFF]++;
                k2[pos] = k[i];
                o2[pos] = o[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] to = o;
            o = o2;
            o2 = to;
        }
        order = o;
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
