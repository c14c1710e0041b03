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
 * The shared shape of the return operators: an output from the current value and the value {@code n} rows earlier,
 * {@code n} warm-up rows.
 *
 * <p>Thread-safety: immutable; its incremental states are single-threaded.
 */
abstract class Lag extends SingleInputKernel {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    final int n;

    Lag(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        super(descriptor, params, inputs, params.getInt("n"));
        this.n = params.getInt("n");
    }

    /** The output from the current value and the one {@code n} rows before; either may be missing. */
    abstract double apply(double current, double earlier);

    @Override
    protected final void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
        int first = (int) Math.min((long) from + n, to);
        for (int i = from; i < first; i++) {
            out.setAtIndex(D, i, Double.NaN);
        }
        for (int i = first; i < to; i++) {
            out.setAtIndex(D, i, apply(in.getAtIndex(D, i), in.getAtIndex(D, i - n)));
        }
    }

    @Override
    public final IncrementalKernel incremental() {
        return new State(this);
    }

    /** The last {@code n} values, missing ones included, in a ring. */
    private static final class State extends SingleInputState {
        private final Lag kernel;
        private final RollingWindow window;

        State(Lag kernel) {
            this.kernel = kernel;
            this.window = new RollingWindow(kernel.n + 1);
        }

        @Override
        protected double step(double x) {
            return window.add(x) ? kernel.apply(x, window.get(0)) : Double.NaN;
        }

        @Override
        protected void clear() {
            window.clear();
        }
    }
}
