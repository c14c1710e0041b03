package dev.quiver.backtest.strategy;

/**
 * The maximum (or minimum) of the last {@code n} values pushed, in amortised constant time: a monotonic deque of
 * (position, value) pairs held in primitive rings.
 *
 * <p>sdk-features has the same deque ({@code statistics.MonotonicDeque}, behind the {@code max} and {@code min}
 * kernels), but not exported, and its kernels' incremental form empties the window at a missing value, where the
 * breakout channel leaves a bar with a missing high or low out and keeps the window: so this one stays.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class RollingExtreme {
    private final int n;
    private final boolean max;
    private final double[] values;
    private final long[] positions;
    private int head;
    private int size;
    private long pushed;

    RollingExtreme(int n, boolean max) {
        this.n = n;
        this.max = max;
        this.values = new double[n];
        this.positions = new long[n];
    }

    void push(double x) {
        // drop the tail while it can never be the extreme again
        while (size > 0) {
            int tail = (head + size - 1) % n;
            if (max ? values[tail] <= x : values[tail] >= x) {
                size--;
            } else {
                break;
            }
        }
        if (size > 0 && positions[head] <= pushed - n) {
            head = (head + 1) % n;
            size--;
        }
        int at = (head + size) % n;
        values[at] = x;
        positions[at] = pushed;
        size++;
        pushed++;
    }

    /** Whether {@code n} values have been pushed. */
    boolean full() {
        return pushed >= n;
    }

    /** The extreme of the last {@code n} values. */
    double value() {
        return values[head];
    }
}
