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
 * Slow stochastic oscillator, {@code stoch(fastk, slowk, slowd)}, parts {@code k} (the fast %K smoothed over
 * {@code slowk} bars) and {@code d} (that smoothed again over {@code slowd} bars).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code fastk} 1 to 100,000, default 5; {@code slowk} 1 to 100,000, default 3;
 *       {@code slowd} 1 to 100,000, default 3 (TA-Lib's). Both smoothings are simple averages, TA-Lib's default;
 *       its other averages are not offered.</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Warm-up.</b> {@code (fastk − 1) + (slowk − 1) + (slowd − 1)} rows (TA-Lib's lookback), for both
 *       parts.</li>
 *   <li><b>Output scale.</b> 0 to 100, from TA-Lib's fast %K {@code (close − LL)/((HH − LL)/100)}, 0 when
 *       {@code HH = LL}. R TTR's {@code stoch(HLC, nFastK = fastk, nFastD = slowk, nSlowD = slowd)} gives
 *       fractions: this {@code k} is 100 × its {@code fastD} and this {@code d} 100 × its {@code slowD} (TTR names
 *       the first smoothing "fast %D"); they agree to rounding, except that TTR gives 0.5 where {@code HH = LL}.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_STOCH}, SMAs by running sums); the outputs equal TA-Lib's bit for
 *       bit.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): a window operator: the bar outputs {@code NaN}, the
 *       state restarts, and output resumes after a full warm-up.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Stoch {
    /** The published description of {@code stoch}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("stoch", "momentum",
            OperatorKind.TIME_SERIES, "Slow stochastic %K and %D (SMA smoothing), 0..100",
            List.of(ParamSpec.ofInt("fastk", 5, 1, 100_000, "fast %K window in bars"),
                    ParamSpec.ofInt("slowk", 3, 1, 100_000, "slow %K simple-average length in bars"),
                    ParamSpec.ofInt("slowd", 3, 1, 100_000, "slow %D simple-average length in bars")),
            List.of("high", "low", "close"), List.of("k", "d"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Stoch() {
    }

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    /** The batch kernel: the incremental state's arithmetic, its running values in locals. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private final int fastK;
        private final int slowK;
        private final int slowD;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs,
                    params.getInt("fastk") - 1 + params.getInt("slowk") - 1 + params.getInt("slowd") - 1);
            this.fastK = params.getInt("fastk");
            this.slowK = params.getInt("slowk");
            this.slowD = params.getInt("slowd");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            // TA-Lib's passes: the fast %K of every bar, then each average over the column before
            MemorySegment k = out[0];
            MemorySegment d = out[1];
            RangePosition.compute(in[0], in[1], in[2], from, to, fastK, false, d); // d holds the fast %K at first
            SmaColumn.compute(d, k, from, to, slowK);
            SmaColumn.compute(k, d, from, to, slowD);
            MovingAverage.maskNaN(k, d, from, to); // k is held back until d exists
        }

        @Override
        public MultiInputState incremental() {
            return new State(fastK, slowK, slowD);
        }
    }

    private static final class State extends MultiInputState {
        private final ExtremeWindow window;
        private final MovingAverage k;
        private final MovingAverage d;

        State(int fastK, int slowK, int slowD) {
            super(3, 2);
            this.window = new ExtremeWindow(fastK);
            this.k = new MovingAverage.Sma(slowK);
            this.d = new MovingAverage.Sma(slowD);
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
         * restarts both averages.
         */
        void smooth(double fastK) {
            outK = Double.NaN;
            outD = Double.NaN;
            if (Double.isNaN(fastK)) {
                k.clear();
                d.clear();
                return;
            }
            double kv = k.next(fastK);
            if (Double.isNaN(kv)) {
                return;
            }
            double dv = d.next(kv);
            if (!Double.isNaN(dv)) {
                outK = kv;
                outD = dv;
            }
        }

        @Override
        protected void clear() {
            window.clear();
            k.clear();
            d.clear();
        }
    }
}
