package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The change of a value over {@code n} bars, as a difference ({@code mom}) or a percentage ({@code roc}): one kernel
 * and one state shared by both operators, so their batch and incremental forms run the same arithmetic.
 *
 * <p>Thread-safety: the kernel is immutable; a state is single-threaded.
 */
final class LagChange {
    /** How the change is expressed. */
    enum Kind {
        /** {@code x − x[i−n]}, as TA-Lib's {@code MOM}. */
        DIFFERENCE,
        /** {@code ((x / x[i−n]) − 1)·100}, 0 where the earlier value is exactly 0, as TA-Lib's {@code ROC}. */
        PERCENT
    }

    private LagChange() {
    }

    /** The batch kernel: the state's per-bar method in a loop over the segments. Immutable. */
    static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;
        private final Kind kind;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, Kind kind) {
            super(descriptor, params, inputs, params.getInt("n"));
            this.n = params.getInt("n");
            this.kind = kind;
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(n, kind);
            MemorySegment x = in[0];
            MemorySegment result = out[0];
            for (int i = from; i < to; i++) {
                result.setAtIndex(D, i, state.next(x.getAtIndex(D, i)));
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(n, kind);
        }
    }

    /** The incremental state. */
    static final class State extends MultiInputState {
        private final Lag lag;
        private final Kind kind;

        State(int n, Kind kind) {
            super(1, 1);
            this.lag = new Lag(n);
            this.kind = kind;
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = next(in[0]);
        }

        /** One bar: the arithmetic both forms share. A missing value restarts the window. */
        double next(double x) {
            if (!Double.isFinite(x)) {
                lag.clear();
                return Double.NaN;
            }
            double old = lag.push(x);
            if (Double.isNaN(old)) {
                return Double.NaN;
            }
            return switch (kind) {
                case DIFFERENCE -> x - old;
                case PERCENT -> old == 0.0 ? 0.0 : ((x / old) - 1.0) * 100.0;
            };
        }

        @Override
        protected void clear() {
            lag.clear();
        }
    }
}
