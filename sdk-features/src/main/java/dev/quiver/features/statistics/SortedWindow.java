package dev.quiver.features.statistics;

import java.util.Arrays;

/**
 * The last {@code n} values kept twice: in arrival order (a ring, to know which value leaves) and sorted (a plain
 * {@code double[]}, to read order statistics). Once the window is full, each new value costs one binary search (for
 * the leaving value) and a shift of the values ranked between the leaving and the new value: O(log n) comparisons
 * and at most n moved doubles per row, usually a few, which beats the pointer-chasing of a balanced tree or two
 * heaps (and allocates nothing per value). Shared by the batch and incremental forms of
 * {@code median}.
 *
 * <p>Ordering is {@link Arrays#binarySearch(double[], int, int, double)}'s, i.e. {@link Double#compare}'s, so a
 * value is always found where it was inserted.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
final class SortedWindow {
    private final int n;
    private final double[] ring;
    private final double[] sorted;
    private int next;
    private int size;

    SortedWindow(int n) {
        this.n = n;
        this.ring = new double[n];
        this.sorted = new double[n];
    }

    /** Adds a finite value, dropping the oldest once full; returns whether the window holds {@code n} values. */
    boolean add(double x) {
        if (size == n) {
            // replace the leaving value in place and move the new one to its rank: one short shift instead of a
            // removal and an insertion; Double.compare's order, as Arrays.binarySearch's, so the array is the same
            double old = ring[next];
            int j = Arrays.binarySearch(sorted, 0, size, old);
            if (Double.compare(x, old) > 0) {
                while (j + 1 < size && Double.compare(sorted[j + 1], x) < 0) {
                    sorted[j] = sorted[j + 1];
                    j++;
                }
            } else {
                while (j > 0 && Double.compare(sorted[j - 1], x) > 0) {
                    sorted[j] = sorted[j - 1];
                    j--;
                }
            }
            sorted[j] = x;
            ring[next] = x;
            next = next + 1 == n ? 0 : next + 1;
            return true;
        }
        int at = Arrays.binarySearch(sorted, 0, size, x);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = x;
        size++;
        ring[next] = x;
        next = next + 1 == n ? 0 : next + 1;
        return size == n;
    }

    /** The median of a full window: the middle value, or the mean of the two middle values for even {@code n}. */
    double median() {
        int half = n >>> 1;
        return (n & 1) == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) * 0.5;
    }

    /** Empties the window (after a missing value, or on reset). */
    void clear() {
        next = 0;
        size = 0;
    }
}
