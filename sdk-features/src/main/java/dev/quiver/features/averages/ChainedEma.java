package dev.quiver.features.averages;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.SingleInputKernel;
import dev.quiver.features.kernel.SingleInputState;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The kernel of {@link Dema} ({@code depth} 2) and {@link Tema} ({@code depth} 3): EMAs of EMAs, each seeded with
 * the mean of the first {@code n} outputs of the one before, combined in TA-Lib's order.
 *
 * <p>Thread-safety: immutable; its incremental states are single-threaded.
 */
final class ChainedEma extends SingleInputKernel {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private final int n;
    private final int depth;

    ChainedEma(OperatorDescriptor descriptor, Params params, List<String> inputs, int depth) {
        super(descriptor, params, inputs, depth * (params.getInt("n") - 1));
        this.n = params.getInt("n");
        this.depth = depth;
    }

    @Override
    protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
        State state = new State(n, depth);
        for (int i = from; i < to; i++) {
            out.setAtIndex(D, i, state.step(in.getAtIndex(D, i)));
        }
    }

    @Override
    public IncrementalKernel incremental() {
        return new State(n, depth);
    }

    private static final class State extends SingleInputState {
        private final EmaRecursion first;
        private final EmaRecursion second;
        private final EmaRecursion third;

        State(int n, int depth) {
            this.first = new EmaRecursion(n);
            this.second = new EmaRecursion(n);
            this.third = depth == 3 ? new EmaRecursion(n) : null;
        }

        @Override
        protected double step(double x) {
            if (!Double.isFinite(x)) {
                return Double.NaN; // recursive: the missing bar is skipped
            }
            double e1 = first.add(x);
            if (Double.isNaN(e1)) {
                return Double.NaN;
            }
            double e2 = second.add(e1);
            if (Double.isNaN(e2)) {
                return Double.NaN;
            }
            if (third == null) {
                return (2.0 * e1) - e2;
            }
            double e3 = third.add(e2);
            if (Double.isNaN(e3)) {
                return Double.NaN;
            }
            return e3 + ((3.0 * e1) - (3.0 * e2));
        }

        @Override
        protected void clear() {
            first.clear();
            second.clear();
            if (third != null) {
                third.clear();
            }
        }
    }
}
