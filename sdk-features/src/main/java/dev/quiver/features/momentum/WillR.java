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
 * Williams' %R, {@code willr(n)}: where the close lies below the highest high of the last {@code n} bars, as a
 * fraction of their range, from 0 (at the high) to −100 (at the low).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 2 to 100,000; default 14 (TA-Lib's).</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows (TA-Lib's lookback, and R TTR's).</li>
 *   <li><b>Output scale.</b> −100 to 0, as TA-Lib: {@code (HH − close)/((HH − LL)/(−100))}; 0 when
 *       {@code HH = LL}, as TA-Lib. R TTR's {@code WPR(HLC, n)} is {@code (HH − close)/(HH − LL)} in [0, 1] (0.5
 *       when {@code HH = LL}): this is −100 × TTR's value, to rounding.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_WILLR}); the outputs equal TA-Lib's bit for bit.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): a window operator: every window that holds a
 *       missing bar outputs {@code NaN}; output resumes {@code n} bars after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class WillR {
    /** The published description of {@code willr}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("willr", "momentum",
            OperatorKind.TIME_SERIES, "Williams' %R, -100..0",
            List.of(ParamSpec.ofInt("n", 14, 2, 100_000, "window in bars")),
            List.of("high", "low", "close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private WillR() {
    }

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    /** The batch kernel: the incremental state's arithmetic, its running values in locals. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            RangePosition.compute(in[0], in[1], in[2], from, to, n, true, out[0]);
        }

        @Override
        public MultiInputState incremental() {
            return new State(n);
        }
    }

    private static final class State extends MultiInputState {
        private final ExtremeWindow window;

        State(int n) {
            super(3, 1);
            this.window = new ExtremeWindow(n);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = next(in[0], in[1], in[2]);
        }

        /** One bar: the arithmetic both forms share. */
        double next(double h, double l, double c) {
            if (Bars.anyMissing(h, l, c)) {
                clear();
                return Double.NaN;
            }
            window.push(h, l);
            if (!window.full()) {
                return Double.NaN;
            }
            return RangePosition.percentR(c, window.high(), window.low());
        }

        @Override
        protected void clear() {
            window.clear();
        }
    }
}
