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
 * Chande momentum oscillator as TA-Lib computes it, {@code cmo(n)}: {@code 100 · (G − L) / (G + L)}, where
 * {@code G} and {@code L} are the Wilder-smoothed average gain and loss of {@code rsi(n)}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the smoothing length in bars, 2 to 100,000; default 14 (TA-Lib's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up.</b> As {@code rsi}: {@code G} and {@code L} start as the means of the first
 *       {@code n} changes, then {@code G = (G·(n−1) + gain)/n}; {@code n} warm-up rows. It equals
 *       {@code 2·rsi(n) − 100}.</li>
 *   <li><b>Difference from TTR.</b> Chande's definition, which R TTR's {@code CMO(x, n)} follows, uses plain sums
 *       of the gains and losses of the last {@code n} changes, not Wilder averages; the two do not converge, so
 *       this kernel is compared with TA-Lib only. TTR's first value is also at row {@code n}.</li>
 *   <li><b>Output scale.</b> −100 to 100; 0 when the window is flat ({@code G = L = 0}). TA-Lib treats
 *       {@code G + L} below 1e-8 as flat; this kernel tests for exactly 0, as {@code rsi} does, because that
 *       threshold depends on the price scale.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's order of operations ({@code 100·((G−L)/(G+L))}); the outputs equal TA-Lib's
 *       {@code CMO} bit for bit whenever {@code G + L} is 0 or at least 1e-8.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): as {@code rsi}: the bar outputs {@code NaN}, the state is left
 *       unchanged, and the next change is measured from the last finite value.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Cmo {
    /** The published description of {@code cmo}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("cmo", "momentum",
            OperatorKind.TIME_SERIES, "Chande momentum oscillator with Wilder smoothing (TA-Lib), -100..100",
            List.of(ParamSpec.ofInt("n", 14, 2, 100_000, "smoothing length in bars; alpha = 1/n")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Cmo() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n"));
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
        private final WilderGainLoss averages;

        State(int n) {
            super(1, 1);
            this.averages = new WilderGainLoss(n);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = next(in[0]);
        }

        /** One bar: the arithmetic both forms share. */
        double next(double x) {
            double result = Double.NaN;
            if (Double.isFinite(x) && averages.next(x)) {
                double gain = averages.gain();
                double loss = averages.loss();
                double total = gain + loss;
                result = total == 0.0 ? 0.0 : 100.0 * ((gain - loss) / total);
            }
            return result;
        }

        @Override
        protected void clear() {
            averages.clear();
        }
    }
}
