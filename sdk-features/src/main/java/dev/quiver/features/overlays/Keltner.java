package dev.quiver.features.overlays;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.volatility.TrueRange;
import dev.quiver.features.volatility.Wilder;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Keltner channel, {@code keltner(n, k)}, as R TTR's {@code keltnerChannels}: the EMA of the typical price
 * {@code (high + low + close)/3} ({@code middle}) and {@code k} average true ranges above and below it
 * ({@code upper}, {@code lower}).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, 1 to 100,000, default 20, the span of the EMA ({@code α = 2/(n+1)}) and the
 *       length of the ATR's Wilder smoothing; {@code k}, 0 to 1,000, default 2, the width in ATRs. TA-Lib has no
 *       Keltner channel; these are TTR's defaults. (Other definitions use the SMA, or Chester Keltner's original
 *       10-day average of the typical price ± the average high − low range.)</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Seeding and warm-up.</b> The EMA is seeded with the mean of the first {@code n} typical prices (first
 *       value at row {@code n − 1}), the ATR with the mean of the first {@code n} true ranges (rows 1 to {@code n};
 *       first value at row {@code n}), as {@code ema} and {@code atr}. All three outputs start at row {@code n}:
 *       {@code n} warm-up rows. <b>Difference from TTR:</b> TTR's {@code mavg} column starts a row earlier, at
 *       {@code n − 1}; the middle band is left blank there so that a row has all three bands or none.</li>
 *   <li><b>Output scale.</b> The price's units.</li>
 *   <li><b>Arithmetic.</b> The typical price {@code (h + l + c)/3}; EMA and ATR in TA-Lib's order (as {@code ema}
 *       and {@code atr}); {@code middle ± k·atr}. Within 1e-13 relative of TTR (R averages the three prices with a
 *       long-double mean).</li>
 *   <li><b>Missing values.</b> A bar with a missing high, low or close outputs {@code NaN} and leaves the state
 *       unchanged; the next true range uses the last complete bar's close.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Keltner {
    /** TTR's default span. */
    public static final int DEFAULT_N = 20;

    /** The published description of {@code keltner}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("keltner", "overlays",
            OperatorKind.TIME_SERIES, "Keltner channel: EMA(n) of the typical price and k ATR(n) around it (TTR)",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "EMA span and ATR smoothing length in bars"),
                    ParamSpec.ofDouble("k", 2.0, 0.0, 1_000.0, "band width in average true ranges")),
            List.of("high", "low", "close"), List.of("upper", "middle", "lower"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Keltner() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;
        private final double k;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n"));
            this.n = params.getInt("n");
            this.k = params.getDouble("k");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(n, k);
            MemorySegment in0 = in[0];
            MemorySegment in1 = in[1];
            MemorySegment in2 = in[2];
            MemorySegment result0 = out[0];
            MemorySegment result1 = out[1];
            MemorySegment result2 = out[2];
            for (int i = from; i < to; i++) {
                state.next(in0.getAtIndex(D, i), in1.getAtIndex(D, i), in2.getAtIndex(D, i));
                result0.setAtIndex(D, i, state.out0);
                result1.setAtIndex(D, i, state.out1);
                result2.setAtIndex(D, i, state.out2);
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n, k);
        }
    }

    /** The incremental state: the EMA of the typical price and the ATR. */
    private static final class State extends MultiInputState {
        private final int n;
        private final double k;
        private final double alpha;
        private final Wilder atr;
        private double ema;
        private int seen;
        private double previousClose = Double.NaN;

        State(int n, double k) {
            super(3, 3);
            this.n = n;
            this.k = k;
            this.alpha = 2.0 / ((double) (n + 1));
            this.atr = new Wilder(n);
        }

        double out0; // the last bar's outputs
        double out1;
        double out2;

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0], in[1], in[2]);
            out[0] = out0;
            out[1] = out1;
            out[2] = out2;
        }

        /** One bar, into the {@code out} fields: the arithmetic both forms share. */
        void next(double h, double l, double c) {
            out0 = out1 = out2 = Double.NaN;
            out0 = out1 = out2 = Double.NaN;
            if (!Double.isFinite(h) || !Double.isFinite(l) || !Double.isFinite(c)) {
                return;
            }
            double typical = (h + l + c) / 3;
            if (seen == n) {
                ema = ((typical - ema) * alpha) + ema;
            } else {
                ema += typical;
                if (++seen == n) {
                    ema = ema / n;
                }
            }
            double range = Double.isNaN(previousClose) ? Double.NaN : atr.add(TrueRange.of(h, l, previousClose));
            previousClose = c;
            if (!Double.isNaN(range) && seen == n) {
                double width = k * range;
                out0 = ema + width;
                out1 = ema;
                out2 = ema - width;
            }
        }

        @Override
        protected void clear() {
            ema = 0.0;
            seen = 0;
            previousClose = Double.NaN;
            atr.clear();
        }
    }
}
