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

    /** Radix-sort buffers: the keys (sorted in place) and a spare, the value indices and a spare, histograms. */
    private final long[] keys64;
    private final long[] spareKeys;
    private final int[] spareOrder;
    private final int[] histogram = new int[2 * RadixOrder.BUCKETS];
    /**
     * After {@link #sortIndexed}: the indices of {@code values} in ascending order of value, ties in index order.
     */
    final int[] order;
    /** After {@link #sortIndexed}: the {@link RadixOrder#key keys} of the values in that order. */
    final long[] sortedKeys;

    /** The block buffer and date (offset) that {@link #values} and {@link #rows} hold, or {@code null}. */
    private double[] gatheredFrom;
    private int gatheredOffset;
    private int gatheredCount;
    /** Whether {@link #order} and {@link #sortedKeys} are those of the gathered values. */
    private boolean ordered;

    Scratch(int width) {
        keys64 = new long[width];
        spareKeys = new long[width];
        order = new int[width];
        spareOrder = new int[width];
        sortedKeys = keys64;
        values = new double[width];
        rows = new int[width];
        sorted = new double[width];
        counts = new int[width];
        dense = new int[width];
        groupSums = new double[width];
        keys = new double[width];
    }

    /**
     * The number of values {@link CrossSectionKernel#gather} left from {@code x[offset, ...)}, if
     * {@link #values} and {@link #rows} still hold them, else -1. The kernels of a block compute date by date, so the
     * kernels of one date that read the same column gather it once.
     */
    int gathered(double[] x, int offset) {
        return x == gatheredFrom && offset == gatheredOffset ? gatheredCount : -1;
    }

    /** Records that {@link #values} and {@link #rows} hold the {@code m} values gathered from {@code x[offset, ...)}. */
    void gathered(double[] x, int offset, int m) {
        gatheredFrom = x;
        gatheredOffset = offset;
        gatheredCount = m;
        ordered = false;
    }

    /**
     * Forgets what {@link #values} holds: called before each date (a block buffer is refilled for the next block,
     * at the same offsets) and by a kernel that overwrites {@link #values} with something else.
     */
    void forget() {
        gatheredFrom = null;
        ordered = false;
    }

    /**
     * Sorts {@code values[0, m)} into {@code sorted[0, m)}, ascending: the {@link #sortIndexed} order, decoded.
     */
    void sort(int m) {
        sortIndexed(m);
        for (int i = 0; i < m; i++) {
            sorted[i] = RadixOrder.value(sortedKeys[i]);
        }
    }

    /**
     * Sorts the indices of {@code values[0, m)} by value into {@link #order}, stably, so that equal values keep
     * their (symbol) order, with their keys into {@link #sortedKeys} ({@link RadixOrder}). Done once per gathered
     * date: kernels of the date that need the order share it. The values must be finite, with {@code -0.0} stored
     * as {@code 0.0} (as {@link CrossSectionKernel#gather} stores them), so that equal values have equal keys.
     */
    void sortIndexed(int m) {
        if (ordered && gatheredFrom != null) {
            return;
        }
        for (int i = 0; i < m; i++) {
            keys64[i] = RadixOrder.key(values[i]);
            order[i] = i;
        }
        RadixOrder.sort(keys64, order, spareKeys, spareOrder, histogram, 0, m);
        ordered = true;
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

    /** Whether a segment may be read from threads other than its owner's. */
    static boolean shareable(MemorySegment s) {
        return s.isAccessibleBy(NO_OWNER);
    }

    /** A thread that owns nothing: memory it may access is accessible from every thread. */
    private static final Thread NO_OWNER = Thread.ofVirtual().unstarted(() -> { });
}
