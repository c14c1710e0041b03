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
 * {@link RollingMax} and {@link RollingMin}, so both operators and both forms run the same code.
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
            MonotonicDeque deque = new MonotonicDeque(n, max);
            for (int i = from; i < to; i++) {
                out.setAtIndex(D, i, deque.add(in.getAtIndex(D, i)));
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
