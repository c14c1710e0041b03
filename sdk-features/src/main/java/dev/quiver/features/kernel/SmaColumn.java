package dev.quiver.features.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The simple moving average over rows of a column, with TA-Lib's running sum ({@code TA_INT_SMA}): add the new
 * value, divide by {@code n}, subtract the value leaving the window. A missing value ({@code NaN} or ±∞) outputs
 * {@code NaN} and restarts the sum, so every window that holds one outputs {@code NaN}. Shared by {@code sma} and
 * the batch kernels that smooth a column they computed ({@code stoch}, {@code stochf}); an incremental state that
 * keeps the window in a ring and adds, divides and subtracts in this order gives the same bits.
 *
 * <p>The seed (the first {@code n − 1} values after the start or a missing value) runs in a loop apart from the
 * steady one, which thus holds no counter and one predictable branch: on {@code AllIndicatorsBenchmark} that is what
 * brings the loop to TA-Lib's speed.
 *
 * <p>Thread-safety: stateless.
 */
public final class SmaColumn {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private SmaColumn() {
    }

    /**
     * Writes rows {@code [from, to)} of {@code out}: row {@code i} gets the mean of rows {@code i − n + 1 .. i} of
     * {@code in} when all are finite and at or after {@code from}, else {@code NaN}.
     *
     * @param out not {@code in}: the value leaving the window is read back from {@code in}
     * @throws IndexOutOfBoundsException if the rows are not within both segments
     */
    public static void compute(MemorySegment in, MemorySegment out, int from, int to, int n) {
        int i = from;
        while (i < to) {
            double partial = 0.0; // the sum of the window's values but the newest
            int seen = 0;
            for (; i < to; i++) { // the seed: n values since the start or the last missing one
                double x = in.getAtIndex(D, i);
                if (!Double.isFinite(x)) {
                    seen = 0;
                    partial = 0.0;
                    out.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                double total = partial + x;
                if (++seen == n) {
                    out.setAtIndex(D, i, total / n);
                    partial = total - in.getAtIndex(D, i - n + 1);
                    i++;
                    break;
                }
                partial = total;
                out.setAtIndex(D, i, Double.NaN);
            }
            for (; i < to; i++) { // the steady loop, until a missing value
                double x = in.getAtIndex(D, i);
                if (!Double.isFinite(x)) {
                    out.setAtIndex(D, i, Double.NaN);
                    i++;
                    break;
                }
                double total = partial + x;
                out.setAtIndex(D, i, total / n);
                partial = total - in.getAtIndex(D, i - n + 1);
            }
        }
    }

    /**
     * The incremental form of {@link #compute}: the window in a ring, added, divided and subtracted in the same order,
     * so that it gives the same bits. Used by {@code sma}'s incremental state and by {@code bbands}'.
     *
     * <p>Thread-safety: not thread-safe; one instance per series.
     */
    public static final class Running {
        private final int n;
        private final double[] ring;
        private int next;
        private double partial;
        private int run;

        /** An empty window of {@code n} values. */
        public Running(int n) {
            this.n = n;
            this.ring = new double[n];
        }

        /** Consumes one value: the mean of the last {@code n}, or {@code NaN} until they are all finite. */
        public double step(double x) {
            if (!Double.isFinite(x)) {
                clear();
                return Double.NaN;
            }
            double total = partial + x;
            ring[next] = x;
            next = next + 1 == n ? 0 : next + 1;
            if (run < n) {
                run++;
            }
            if (run == n) {
                partial = total - ring[next]; // the oldest value of the window, which leaves it next
                return total / n;
            }
            partial = total;
            return Double.NaN;
        }

        /** Empties the window. */
        public void clear() {
            partial = 0.0;
            run = 0;
            next = 0;
        }
    }
}
