package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.kernel.SmaColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Fast stochastic oscillator, {@code stochf(fastk, fastd)}, parts {@code k} (where the close lies in the range of
 * the last {@code fastk} bars) and {@code d} (its simple moving average over {@code fastd} bars).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code fastk} 1 to 100,000, default 5; {@code fastd} 1 to 100,000, default 3
 *       (TA-Lib's). The smoothing is TA-Lib's default, a simple average; TA-Lib's other averages are not
 *       offered.</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Warm-up.</b> {@code (fastk − 1) + (fastd − 1)} rows (TA-Lib's lookback), for both parts: {@code k} is
 *       held back until {@code d} exists, as TA-Lib outputs them.</li>
 *   <li><b>Output scale.</b> 0 to 100: {@code k = (close − LL)/((HH − LL)/100)} with {@code HH}, {@code LL} the
 *       highest high and lowest low of the window; 0 when {@code HH = LL}, as TA-Lib. R TTR's
 *       {@code stoch(HLC, nFastK, nFastD)} gives fractions in [0, 1] ({@code fastK}, {@code fastD}) and 0.5 when
 *       {@code HH = LL}; its values times 100 agree to rounding.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_STOCHF}, SMA by running sum); the outputs equal TA-Lib's bit for
 *       bit.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): a window operator: the bar outputs {@code NaN}, the
 *       state restarts, and output resumes after a full warm-up, so every output whose windows hold a missing bar
 *       is {@code NaN}.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class StochF {
    /** The published description of {@code stochf}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("stochf", "momentum",
            OperatorKind.TIME_SERIES, "Fast stochastic %K and %D (SMA), 0..100",
            List.of(ParamSpec.ofInt("fastk", 5, 1, 100_000, "%K window in bars"),
                    ParamSpec.ofInt("fastd", 3, 1, 100_000, "%D simple-average length in bars")),
            List.of("high", "low", "close"), List.of("k", "d"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private StochF() {
    }

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    /** The batch kernel: the incremental state's arithmetic, its running values in locals. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private final int fastK;
        private final int fastD;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("fastk") - 1 + params.getInt("fastd") - 1);
            this.fastK = params.getInt("fastk");
            this.fastD = params.getInt("fastd");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            // TA-Lib's passes: the fast %K of every bar into the k column, then its average
            MemorySegment k = out[0];
            MemorySegment d = out[1];
            RangePosition.compute(in[0], in[1], in[2], from, to, fastK, false, k);
            SmaColumn.compute(k, d, from, to, fastD);
            MovingAverage.maskNaN(k, d, from, to); // k is held back until d exists
        }

        @Override
        public MultiInputState incremental() {
            return new State(fastK, fastD);
        }
    }

    private static final class State extends MultiInputState {
        private final ExtremeWindow window;
        private final MovingAverage d;

        State(int fastK, int fastD) {
            super(3, 2);
            this.window = new ExtremeWindow(fastK);
            this.d = new MovingAverage.Sma(fastD);
        }

        double outK; // the last bar's outputs
        double outD;

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0], in[1], in[2]);
            out[0] = outK;
            out[1] = outD;
        }

        /** One bar, into {@link #outK} and {@link #outD}: the arithmetic both forms share. */
        void next(double h, double l, double c) {
            outK = Double.NaN;
            outD = Double.NaN;
            if (Bars.anyMissing(h, l, c)) {
                clear();
                return;
            }
            window.push(h, l);
            if (window.full()) {
                smooth(RangePosition.percentK(c, window.high(), window.low()));
            }
        }

        /**
         * A bar's fast %K, into {@link #outK} and {@link #outD}; {@code NaN} (a missing bar or the window's warm-up)
         * restarts the average.
         */
        void smooth(double k) {
            outK = Double.NaN;
            outD = Double.NaN;
            if (Double.isNaN(k)) {
                d.clear();
                return;
            }
            double dv = d.next(k);
            if (!Double.isNaN(dv)) {
                outK = k;
                outD = dv;
            }
        }

        @Override
        protected void clear() {
            window.clear();
            d.clear();
        }
    }
}
