package dev.quiver.features.momentum;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.kernel.SingleInputKernel;
import dev.quiver.features.kernel.SingleInputState;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Wilder's relative strength index, {@code rsi(n)}: {@code 100 · G / (G + L)}, where {@code G} and {@code L} are
 * Wilder-smoothed ({@code α = 1/n}) averages of the one-bar gains and losses (losses as positive numbers).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the smoothing length in bars, 1 to 100,000; default 14 (TA-Lib's and
 *       Wilder's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up.</b> {@code G} and {@code L} start as the simple means of the first {@code n}
 *       changes (rows 1 to {@code n}); the first value is at row {@code n}: {@code n} warm-up rows. Then
 *       {@code G = (G·(n−1) + gain)/n}, likewise {@code L}. TA-Lib (no unstable period) and R TTR
 *       ({@code RSI(x, n)}) agree on this.</li>
 *   <li><b>Output scale.</b> 0 to 100. 100 when there are only gains ({@code L = 0}); <b>0 when the window is flat</b>
 *       ({@code G = L = 0}), as TA-Lib returns. (TTR gives {@code NaN} there, and some libraries 50.) TA-Lib treats
 *       {@code G + L} below 1e-8 as flat; this kernel tests for exactly 0, because that threshold depends on the
 *       price scale (a series quoted in units of 1e-6 would read as flat).</li>
 *   <li><b>Arithmetic.</b> TA-Lib's order of operations ({@code G = (G·(n−1) + gain)/n}, {@code 100·(G/(G+L))}),
 *       with the gain/loss split done without a branch; the outputs equal TA-Lib's {@code RSI} bit for bit whenever
 *       {@code G + L} is 0 or at least 1e-8.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): the bar outputs {@code NaN} and the state, including the previous
 *       price, is left unchanged; the next change is measured from the last finite value. Outputs at finite bars are
 *       therefore those of the series with the missing bars removed, and leading missing values delay the first
 *       output, as in TTR.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Rsi {
    /** TA-Lib's (and Wilder's) default smoothing length. */
    public static final int DEFAULT_N = 14;

    /** The published description of {@code rsi}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("rsi", "momentum",
            OperatorKind.TIME_SERIES, "Wilder's relative strength index, 0..100",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "smoothing length in bars; alpha = 1/n")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Rsi() {
    }

    /** {@code 100 · gain / (gain + loss)}, and 0 for a flat window, as TA-Lib computes it. */
    static double index(double gain, double loss) {
        double total = gain + loss;
        return total == 0.0 ? 0.0 : 100.0 * (gain / total);
    }

    /**
     * The change if it is a gain, else 0. Branch-free (rises and falls alternate at random, and a mispredicted
     * branch costs more than the arithmetic), yet bit-identical to TA-Lib's {@code if (change < 0) ... else ...}:
     * adding or subtracting a zero leaves a non-negative average unchanged.
     */
    static double gainOf(double change) {
        return Math.max(change, 0.0);
    }

    /** The change if it is a loss (a negative number), else 0. See {@link #gainOf}. */
    static double lossOf(double change) {
        return Math.min(change, 0.0);
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends SingleInputKernel {
        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n"));
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            final int n = this.n;
            final double keep = n - 1;
            double previous = Double.NaN; // the last finite value; NaN until there is one
            int changes = 0;              // changes seen, up to n
            double gain = 0.0;            // during the seed: the sums; after it: the averages
            double loss = 0.0;
            int i = from;
            // the seed, then the recursion: two loops keep the hot one free of the seed's branches
            for (; i < to && changes < n; i++) {
                double x = in.getAtIndex(D, i);
                double y = Double.NaN;
                if (Double.isFinite(x)) {
                    if (!Double.isNaN(previous)) {
                        double change = x - previous;
                        gain += gainOf(change);
                        loss -= lossOf(change);
                        changes++;
                        if (changes == n) {
                            loss /= n;
                            gain /= n;
                            y = index(gain, loss);
                        }
                    }
                    previous = x;
                }
                out.setAtIndex(D, i, y);
            }
            for (; i < to; i++) {
                double x = in.getAtIndex(D, i);
                if (Double.isFinite(x)) {
                    double change = x - previous;
                    previous = x;
                    loss = (loss * keep - lossOf(change)) / n;
                    gain = (gain * keep + gainOf(change)) / n;
                    out.setAtIndex(D, i, index(gain, loss));
                } else {
                    out.setAtIndex(D, i, Double.NaN);
                }
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }
    }

    /** The incremental state: the same arithmetic as {@link Kernel}, in {@link WilderGainLoss}. */
    private static final class State extends SingleInputState {
        private final WilderGainLoss averages;

        State(int n) {
            this.averages = new WilderGainLoss(n);
        }

        @Override
        protected double step(double x) {
            if (!Double.isFinite(x) || !averages.next(x)) {
                return Double.NaN;
            }
            return index(averages.gain(), averages.loss());
        }

        @Override
        protected void clear() {
            averages.clear();
        }
    }
}
