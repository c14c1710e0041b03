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

    /** The change from {@code old} to {@code x}, as {@code kind} expresses it. */
    static double change(Kind kind, double x, double old) {
        return kind == Kind.DIFFERENCE ? x - old : old == 0.0 ? 0.0 : ((x / old) - 1.0) * 100.0;
    }

    /**
     * The batch kernel: the earlier value read from the input instead of the state's ring, and the warm-up after
     * each missing value apart from the steady loop; the state's {@code next} in a loop ran at 0.5x to 0.7x TA-Lib's
     * speed on {@code AllIndicatorsBenchmark}. Immutable.
     */
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
            MemorySegment x = in[0];
            MemorySegment result = out[0];
            final int n = this.n;
            final Kind kind = this.kind;
            int start = from; // the first row of the current run of finite values
            int i = from;
            while (i < to) {
                for (; i < to && i - start < n; i++) { // the warm-up: n finite values
                    result.setAtIndex(D, i, Double.NaN);
                    if (!Double.isFinite(x.getAtIndex(D, i))) {
                        start = i + 1;
                    }
                }
                for (; i < to; i++) { // the steady loop, until a missing value
                    double v = x.getAtIndex(D, i);
                    if (!Double.isFinite(v)) {
                        result.setAtIndex(D, i, Double.NaN);
                        start = i + 1;
                        i++;
                        break;
                    }
                    result.setAtIndex(D, i, change(kind, v, x.getAtIndex(D, i - n)));
                }
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
            return change(kind, x, old);
        }

        @Override
        protected void clear() {
            lag.clear();
        }
    }
}
