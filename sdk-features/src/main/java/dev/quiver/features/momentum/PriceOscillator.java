package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The shared kernel of {@link Apo} and {@link Ppo}: a fast and a slow moving average of one column, each seeded on
 * its own (TA-Lib's {@code TA_INT_PO}), combined as a difference or a percentage.
 *
 * <p>Thread-safety: the kernel is immutable; its states are single-threaded.
 */
final class PriceOscillator {
    static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.ofInt("fast", 12, 2, 100_000, "fast average length in bars"),
            ParamSpec.ofInt("slow", 26, 2, 100_000, "slow average length in bars, at least fast"),
            ParamSpec.ofChoice("ma", "sma", MovingAverage.METHODS, "averaging method (TA-Lib's default is sma)"));

    private PriceOscillator() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int fast;
        private final int slow;
        private final String ma;
        private final boolean percent;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, boolean percent) {
            super(descriptor, params, inputs, params.getInt("slow") - 1);
            this.fast = params.getInt("fast");
            this.slow = params.getInt("slow");
            this.ma = params.getChoice("ma");
            this.percent = percent;
            if (fast > slow) {
                throw new IllegalArgumentException(descriptor.name() + ": fast " + fast + " > slow " + slow
                        + "; give the shorter length first");
            }
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(MovingAverage.of(ma, fast), MovingAverage.of(ma, slow), ma.equals("sma"), percent);
            MemorySegment x = in[0];
            MemorySegment result = out[0];
            for (int i = from; i < to; i++) {
                result.setAtIndex(D, i, state.next(x.getAtIndex(D, i)));
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(MovingAverage.of(ma, fast), MovingAverage.of(ma, slow), ma.equals("sma"), percent);
        }
    }

    private static final class State extends MultiInputState {
        private final MovingAverage fast;
        private final MovingAverage slow;
        private final boolean restartOnMissing;
        private final boolean percent;

        State(MovingAverage fast, MovingAverage slow, boolean restartOnMissing, boolean percent) {
            super(1, 1);
            this.fast = fast;
            this.slow = slow;
            this.restartOnMissing = restartOnMissing;
            this.percent = percent;
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = next(in[0]);
        }

        /** One bar: the arithmetic both forms share. */
        double next(double x) {
            double result = Double.NaN;
            if (!Double.isFinite(x)) {
                if (restartOnMissing) { // a window that holds a missing value has no average
                    clear();
                }
                return result;
            }
            double f = fast.next(x);
            double s = slow.next(x);
            if (Double.isNaN(s)) {
                return result;
            }
            if (!percent) {
                result = f - s;
            } else {
                result = s == 0.0 ? 0.0 : ((f - s) / s) * 100.0;
            }
            return result;
        }

        @Override
        protected void clear() {
            fast.clear();
            slow.clear();
        }
    }
}
