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
 * Stochastic RSI, {@code stochrsi(n, fastk, fastd)}, parts {@code k} and {@code d}: the fast stochastic
 * ({@code stochf(fastk, fastd)}) applied to {@code rsi(n)}, the RSI serving as high, low and close.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n} (RSI length) 2 to 100,000, default 14; {@code fastk} 1 to 100,000, default 5;
 *       {@code fastd} 1 to 100,000, default 3 (TA-Lib's). %D is a simple average, TA-Lib's default.</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n + (fastk − 1) + (fastd − 1)} rows (TA-Lib's lookback), for both parts.</li>
 *   <li><b>Output scale.</b> 0 to 100; %K is 0 when the RSI was constant over the window, as TA-Lib. R TTR has no
 *       stochastic RSI.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_STOCHRSI}: {@code RSI}, then {@code STOCHF}); the outputs equal
 *       TA-Lib's bit for bit, except where TA-Lib's RSI reads an average gain + loss below 1e-8 as flat (see
 *       {@code rsi}).</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): the bar outputs {@code NaN} and is skipped, as in {@code rsi}: the
 *       outputs at finite bars are those of the series with the missing bars removed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class StochRsi {
    /** The published description of {@code stochrsi}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("stochrsi", "momentum",
            OperatorKind.TIME_SERIES, "Stochastic RSI: fast stochastic %K and %D (SMA) of rsi(n), 0..100",
            List.of(ParamSpec.ofInt("n", 14, 2, 100_000, "RSI smoothing length in bars"),
                    ParamSpec.ofInt("fastk", 5, 1, 100_000, "%K window in bars"),
                    ParamSpec.ofInt("fastd", 3, 1, 100_000, "%D simple-average length in bars")),
            List.of("close"), List.of("k", "d"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private StochRsi() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;
        private final int fastK;
        private final int fastD;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs,
                    params.getInt("n") + params.getInt("fastk") - 1 + params.getInt("fastd") - 1);
            this.n = params.getInt("n");
            this.fastK = params.getInt("fastk");
            this.fastD = params.getInt("fastd");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(n, fastK, fastD);
            MemorySegment x = in[0];
            MemorySegment k = out[0];
            MemorySegment d = out[1];
            for (int i = from; i < to; i++) {
                state.next(x.getAtIndex(D, i));
                k.setAtIndex(D, i, state.outK);
                d.setAtIndex(D, i, state.outD);
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(n, fastK, fastD);
        }
    }

    private static final class State extends MultiInputState {
        private final WilderGainLoss rsi;
        private final ExtremeWindow window;
        private final MovingAverage d;

        State(int n, int fastK, int fastD) {
            super(1, 2);
            this.rsi = new WilderGainLoss(n);
            this.window = new ExtremeWindow(fastK);
            this.d = new MovingAverage.Sma(fastD);
        }

        double outK; // the last bar's outputs
        double outD;

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0]);
            out[0] = outK;
            out[1] = outD;
        }

        /** One bar, into {@link #outK} and {@link #outD}: the arithmetic both forms share. */
        void next(double x) {
            outK = Double.NaN;
            outD = Double.NaN;
            if (!Double.isFinite(x) || !rsi.next(x)) {
                return;
            }
            double r = Rsi.index(rsi.gain(), rsi.loss());
            window.push(r, r);
            if (!window.full()) {
                return;
            }
            double k = RangePosition.percentK(r, window.high(), window.low());
            double dv = d.next(k);
            if (!Double.isNaN(dv)) {
                outK = k;
                outD = dv;
            }
        }

        @Override
        protected void clear() {
            rsi.clear();
            window.clear();
            d.clear();
        }
    }
}
