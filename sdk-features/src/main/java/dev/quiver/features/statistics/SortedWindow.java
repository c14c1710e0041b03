package dev.quiver.features.statistics;

import java.util.Arrays;

/**
 * The last {@code n} values kept twice: in arrival order (a ring, to know which value leaves) and sorted (a plain
 * {@code double[]}, to read order statistics). Each new value costs two binary searches and two
 * {@link System#arraycopy} shifts of at most {@code n} doubles: O(log n) comparisons and O(n) moved bytes per row,
 * which for windows up to a few hundred is a few nanoseconds of {@code memmove} and beats the pointer-chasing of a
 * balanced tree or two heaps (and allocates nothing per value). Shared by the batch and incremental forms of
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
            int at = Arrays.binarySearch(sorted, 0, size, ring[next]);
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
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
