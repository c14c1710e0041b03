package dev.quiver.features.statistics;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.SingleInputKernel;
import dev.quiver.features.kernel.SingleInputState;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The rolling extreme of the last {@code n} values over a {@link MonotonicDeque}: one kernel and one state shared by
 * {@link RollingMax} and {@link RollingMin}. The batch kernel runs the deque's steps with its indices in local
 * variables; the incremental state runs the deque itself.
 *
 * <p>Thread-safety: the kernel is immutable; a state is single-threaded.
 */
final class RollingExtreme {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private RollingExtreme() {
    }

    /** The batch kernel. Immutable. */
    static final class Kernel extends SingleInputKernel {
        private final int n;
        private final boolean max;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, boolean max) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
            this.max = max;
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            if (max) {
                computeMax(in, out, from, to);
            } else {
                computeMin(in, out, from, to);
            }
        }

        /*
         * MonotonicDeque.add with the deque's head, size and run in locals (the JIT keeps them in registers; fields
         * are read and written through memory every value): the same comparisons in the same order, one loop per
         * direction, so the outputs equal the incremental state's. Here the ring has a power-of-two length (an index
         * mask, no wrap test) and holds each candidate's row in the segment, not its count since the last clear: the
         * deque empties at a missing value, so both expire a candidate at the same row.
         */

        private void computeMax(MemorySegment in, MemorySegment out, int from, int to) {
            int mask = Integer.highestOneBit(Math.max(1, n - 1)) * 2 - 1; // a power-of-two ring of at least n slots
            double[] values = new double[mask + 1];
            int[] positions = new int[mask + 1];
            int head = 0;
            int size = 0;
            int run = 0;
            for (int i = from; i < to; i++) {
                double x = in.getAtIndex(D, i);
                if (!Double.isFinite(x)) {
                    head = 0;
                    size = 0;
                    run = 0;
                    out.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                if (size > 0 && positions[head] <= i - n) {
                    head = (head + 1) & mask;
                    size--;
                }
                while (size > 0 && values[(head + size - 1) & mask] <= x) {
                    size--;
                }
                int slot = (head + size) & mask;
                values[slot] = x;
                positions[slot] = i;
                size++;
                if (run < n) {
                    run++;
                }
                out.setAtIndex(D, i, run == n ? values[head] : Double.NaN);
            }
        }

        private void computeMin(MemorySegment in, MemorySegment out, int from, int to) {
            int mask = Integer.highestOneBit(Math.max(1, n - 1)) * 2 - 1; // a power-of-two ring of at least n slots
            double[] values = new double[mask + 1];
            int[] positions = new int[mask + 1];
            int head = 0;
            int size = 0;
            int run = 0;
            for (int i = from; i < to; i++) {
                double x = in.getAtIndex(D, i);
                if (!Double.isFinite(x)) {
                    head = 0;
                    size = 0;
                    run = 0;
                    out.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                if (size > 0 && positions[head] <= i - n) {
                    head = (head + 1) & mask;
                    size--;
                }
                while (size > 0 && values[(head + size - 1) & mask] >= x) {
                    size--;
                }
                int slot = (head + size) & mask;
                values[slot] = x;
                positions[slot] = i;
                size++;
                if (run < n) {
                    run++;
                }
                out.setAtIndex(D, i, run == n ? values[head] : Double.NaN);
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n, max);
        }
    }

    /** The incremental state. */
    static final class State extends SingleInputState {
        private final MonotonicDeque deque;

        State(int n, boolean max) {
            this.deque = new MonotonicDeque(n, max);
        }

        @Override
        protected double step(double x) {
            return deque.add(x);
        }

        @Override
        protected void clear() {
            deque.clear();
        }
    }
}
