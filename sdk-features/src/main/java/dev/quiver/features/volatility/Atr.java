package dev.quiver.features.volatility;

import dev.quiver.api.feature.IncrementalKernel;
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
 * Wilder's average true range, {@code atr(n)}, and its normalised form {@code natr(n)} = {@code 100 · atr / close}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the smoothing length in bars, 1 to 100,000; default 14 (TA-Lib's and
 *       Wilder's).</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Seeding and warm-up.</b> The {@link TrueRange true range} starts at row 1; the ATR is seeded with the
 *       simple mean of the first {@code n} true ranges (rows 1 to {@code n}), its first value at row {@code n}:
 *       {@code n} warm-up rows. Then {@code atr = (atr·(n−1) + tr)/n} (Wilder smoothing, {@code α = 1/n}). TA-Lib
 *       ({@code ATR}, {@code NATR}, no unstable period) and R TTR ({@code ATR(HLC, n)[, "atr"]}) agree.</li>
 *   <li><b>Output scale.</b> {@code atr}: the price's units. {@code natr}: percent of the bar's close (TA-Lib's
 *       scale); 0 when the close is exactly 0, as TA-Lib returns (TA-Lib tests {@code |close| < 1e-8}, which depends
 *       on the price scale; this kernel tests for exactly 0).</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: the seed {@code ((0 + tr₁) + tr₂ + …)/n}, each step
 *       {@code ((atr·(n−1)) + tr)/n}, {@code natr = (atr/close)·100}; the outputs equal TA-Lib's {@code ATR} and
 *       {@code NATR} bit for bit, except TA-Lib's {@code NATR} with {@code n = 1}, which returns the true range
 *       itself (its shortcut for {@code n = 1} skips the normalisation); {@code natr(1)} here is
 *       {@code 100·tr/close}.</li>
 *   <li><b>Missing values.</b> A bar with a missing high, low or close outputs {@code NaN} and leaves the state
 *       unchanged (as {@link TrueRange} does): outputs at complete bars equal those of the series with the incomplete
 *       bars removed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Atr {
    /** TA-Lib's (and Wilder's) default smoothing length. */
    public static final int DEFAULT_N = 14;

    private static final ParamSpec N = ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000,
            "smoothing length in bars; alpha = 1/n");

    /** The published description of {@code atr}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("atr", "volatility",
            OperatorKind.TIME_SERIES, "Wilder's average true range, seeded with the mean of the first n true ranges",
            List.of(N), List.of("high", "low", "close"), List.of(""));

    /** The published description of {@code natr}. */
    public static final OperatorDescriptor NATR_DESCRIPTOR = new OperatorDescriptor("natr", "volatility",
            OperatorKind.TIME_SERIES, "Normalised average true range: 100 * atr(n) / close, in percent",
            List.of(N), List.of("high", "low", "close"), List.of(""));

    /** The {@code atr} operator. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, (d, p, in) -> new Kernel(d, p, in, false));

    /** The {@code natr} operator. */
    public static final Operator NATR_OPERATOR = Operator.of(NATR_DESCRIPTOR,
            (d, p, in) -> new Kernel(d, p, in, true));

    private Atr() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;
        private final boolean normalized;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, boolean normalized) {
            super(descriptor, params, inputs, params.getInt("n"));
            this.n = params.getInt("n");
            this.normalized = normalized;
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(n, normalized);
            MemorySegment in0 = in[0];
            MemorySegment in1 = in[1];
            MemorySegment in2 = in[2];
            MemorySegment result0 = out[0];
            for (int i = from; i < to; i++) {
                state.next(in0.getAtIndex(D, i), in1.getAtIndex(D, i), in2.getAtIndex(D, i));
                result0.setAtIndex(D, i, state.out0);
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n, normalized);
        }
    }

    /** The incremental state. */
    private static final class State extends MultiInputState {
        private final Wilder atr;
        private final boolean normalized;
        private double previousClose = Double.NaN;

        State(int n, boolean normalized) {
            super(3, 1);
            this.atr = new Wilder(n);
            this.normalized = normalized;
        }

        double out0; // the last bar's outputs

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0], in[1], in[2]);
            out[0] = out0;
        }

        /** One bar, into the {@code out} fields: the arithmetic both forms share. */
        void next(double h, double l, double c) {
            out0 = Double.NaN;
            if (!TrueRange.complete(h, l, c)) {
                out0 = Double.NaN;
                return;
            }
            double value = Double.NaN;
            if (!Double.isNaN(previousClose)) {
                value = atr.add(TrueRange.of(h, l, previousClose));
                if (normalized && !Double.isNaN(value)) {
                    value = c == 0.0 ? 0.0 : (value / c) * 100.0;
                }
            }
            previousClose = c;
            out0 = value;
        }

        @Override
        protected void clear() {
            previousClose = Double.NaN;
            atr.clear();
        }
    }
}
