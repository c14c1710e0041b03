package dev.quiver.features.statistics;

/**
 * The last {@code n} values of a series in a ring, oldest first once full. The batch kernels and the incremental
 * states of the windowed statistics both keep their window here, so that they visit the same values in the same
 * order and agree bit for bit. The ring is mirrored (each value is stored at its slot and {@code n} slots further),
 * so that the window, oldest first, is always the contiguous run {@code ring[next .. next + n)}: the O(n) scans of
 * the statistics read it without a wrap-around test per value.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
final class RollingWindow {
    final int n;
    /** {@code 2n} slots: {@code ring[j + n] == ring[j]}. */
    final double[] ring;
    /** The slot the next value goes to; once the window is full, the slot of its oldest value. */
    int next;
    /** Values in the window, up to {@code n}. */
    int run;

    RollingWindow(int n) {
        this.n = n;
        this.ring = new double[2 * n];
    }

    /** Appends a value, dropping the oldest once full; returns whether the window holds {@code n} values. */
    boolean add(double x) {
        ring[next] = x;
        ring[next + n] = x;
        next = next + 1 == n ? 0 : next + 1;
        if (run < n) {
            run++;
        }
        return run == n;
    }

    /** The {@code k}-th value of a full window, 0 the oldest. */
    double get(int k) {
        return ring[next + k];
    }

    /** The newest value. */
    double newest() {
        return ring[next + n - 1];
    }

    /** Empties the window (after a missing value, or on reset). */
    void clear() {
        next = 0;
        run = 0;
    }
}
