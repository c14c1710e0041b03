package dev.quiver.features.statistics;

/**
 * The extreme (largest or smallest) of the last {@code n} values in amortised O(1) per value: a deque of the
 * window's candidates, each newer and more extreme than the ones behind it, with their row numbers; the front is
 * the answer. The incremental form of {@code min} and {@code max} runs it; their batch kernel
 * ({@link RollingExtreme.Kernel}) runs the same steps with the indices in local variables.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
final class MonotonicDeque {
    private final int n;
    private final boolean max;
    private final double[] values;
    private final long[] rows;
    private int head;
    private int size;
    private long row;  // values added since the last clear
    private int run;   // finite values in a row, up to n

    MonotonicDeque(int n, boolean max) {
        this.n = n;
        this.max = max;
        this.values = new double[n];
        this.rows = new long[n];
    }

    /** Adds a value; returns the extreme of the window ending with it, or {@code NaN} until it is full. */
    double add(double x) {
        if (!Double.isFinite(x)) {
            clear();
            return Double.NaN;
        }
        row++;
        if (size > 0 && rows[head] <= row - n) {
            head = head + 1 == n ? 0 : head + 1;
            size--;
        }
        // a candidate no more extreme than the new value can never be the answer again; one loop per direction, so
        // that the pop loop tests one comparison
        if (max) {
            while (size > 0) {
                int back = head + size - 1;
                if (values[back >= n ? back - n : back] <= x) {
                    size--;
                } else {
                    break;
                }
            }
        } else {
            while (size > 0) {
                int back = head + size - 1;
                if (values[back >= n ? back - n : back] >= x) {
                    size--;
                } else {
                    break;
                }
            }
        }
        int slot = head + size;
        slot = slot >= n ? slot - n : slot;
        values[slot] = x;
        rows[slot] = row;
        size++;
        if (run < n) {
            run++;
        }
        return run == n ? values[head] : Double.NaN;
    }

    void clear() {
        head = 0;
        size = 0;
        row = 0;
        run = 0;
    }
}
