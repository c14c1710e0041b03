package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.Operator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * TRIX, {@code trix(n)}: the one-bar rate of change, in percent, of a triple exponential moving average
 * {@code e3 = ema(ema(ema(x, n), n), n)}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the EMA span in bars, 1 to 100,000; default 30 (TA-Lib's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up.</b> Each EMA ({@code α = 2/(n+1)}) is seeded with the mean of the first {@code n}
 *       values of its input (the previous EMA's outputs); the rate of change needs one more row:
 *       {@code 3·(n − 1) + 1} warm-up rows (TA-Lib's lookback). R TTR's {@code TRIX(x, n)} seeds and scales the same
 *       way and agrees to rounding (its signal line, {@code TRIX(...)$signal}, is not provided: apply
 *       {@code ema(9)} to this column).</li>
 *   <li><b>Output scale.</b> Percent: {@code ((e3 / e3[previous]) − 1)·100}; 0 where the previous value is exactly
 *       0, as TA-Lib.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_TRIX}); the outputs equal TA-Lib's bit for bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): the bar outputs {@code NaN} and is skipped, as for {@code ema}; the
 *       next rate of change is measured from the last finite bar's {@code e3}.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Trix {
    /** The published description of {@code trix}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("trix", "momentum",
            OperatorKind.TIME_SERIES, "TRIX: one-bar rate of change in percent of a triple EMA",
            List.of(ParamSpec.ofInt("n", 30, 1, 100_000, "EMA span in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Trix() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, 3 * (params.getInt("n") - 1) + 1);
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(n);
            MemorySegment x = in[0];
            MemorySegment result = out[0];
            for (int i = from; i < to; i++) {
                result.setAtIndex(D, i, state.next(x.getAtIndex(D, i)));
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(n);
        }
    }

    private static final class State extends MultiInputState {
        private final MovingAverage first;
        private final MovingAverage second;
        private final MovingAverage third;
        private double previous = Double.NaN;

        State(int n) {
            super(1, 1);
            this.first = new MovingAverage.Ema(n);
            this.second = new MovingAverage.Ema(n);
            this.third = new MovingAverage.Ema(n);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = next(in[0]);
        }

        /** One bar: the arithmetic both forms share. */
        double next(double x) {
            double result = Double.NaN;
            if (!Double.isFinite(x)) {
                return result;
            }
            double e1 = first.next(x);
            if (Double.isNaN(e1)) {
                return result;
            }
            double e2 = second.next(e1);
            if (Double.isNaN(e2)) {
                return result;
            }
            double e3 = third.next(e2);
            if (Double.isNaN(e3)) {
                return result;
            }
            if (!Double.isNaN(previous)) {
                result = previous != 0.0 ? ((e3 / previous) - 1.0) * 100.0 : 0.0;
            }
            previous = e3;
            return result;
        }

        @Override
        protected void clear() {
            first.clear();
            second.clear();
            third.clear();
            previous = Double.NaN;
        }
    }
}
