package dev.quiver.features.averages;

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
 * Kaufman's adaptive moving average, {@code kama(n)}: {@code kama = kama + sc·(x − kama)} with
 * {@code sc = (ER·(2/3 − 2/31) + 2/31)²} and the efficiency ratio {@code ER = |x − x₋ₙ| / Σ|xᵢ − xᵢ₋₁|} over the
 * last {@code n} changes (the fastest and slowest EMA spans are 2 and 30, as in TA-Lib).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the efficiency-ratio length, 1 to 100,000; default 30 (TA-Lib's;
 *       Kaufman's own is 10).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up.</b> TA-Lib's: the previous KAMA starts as {@code x[n−1]} and the first value, at
 *       row {@code n}, is one step from it: {@code n} warm-up rows.</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: the sum of absolute changes is a running sum, {@code ER = 1} when that sum
 *       does not exceed {@code x − x₋ₙ} or the window is flat, {@code sc = (ER·0.6021505376344085 +
 *       0.06451612903225806)²}, {@code kama = ((x − kama)·sc) + kama}. The outputs equal TA-Lib's {@code KAMA} bit
 *       for bit, except where TA-Lib calls a window flat: TA-Lib treats a sum of changes below 1e-8 (absolute) as
 *       zero, which depends on the price scale; this kernel treats it as zero below 1e-12 of the price, above the
 *       rounding residue of the running sum and far below any real movement. (Not in the TTR oracle.)</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): as {@link Ema}, a recursive indicator: the bar outputs {@code NaN}
 *       and is skipped, the window holding the last {@code n + 1} finite values; outputs at finite bars equal those
 *       of the series with the missing bars removed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Kama {
    /** TA-Lib's default length. */
    public static final int DEFAULT_N = 30;

    /** The smoothing constant of the slowest EMA (span 30), computed as TA-Lib does. */
    static final double SLOWEST = 2.0 / (30.0 + 1.0);
    /** The fastest EMA's constant (span 2) less the slowest's, computed as TA-Lib does. */
    static final double RANGE = 2.0 / (2.0 + 1.0) - SLOWEST;
    /** A sum of absolute changes below this fraction of the price is a flat window. */
    static final double FLAT = 1e-12;

    /** The published description of {@code kama}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("kama", "averages",
            OperatorKind.TIME_SERIES, "Kaufman's adaptive moving average (efficiency ratio over n bars; spans 2..30)",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "efficiency-ratio length in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Kama() {
    }

    /** The smoothing constant of an efficiency ratio's window: TA-Lib's, with this kernel's flat test. */
    static double smoothing(double x, double periodRoc, double sumRoc1) {
        double er = sumRoc1 <= periodRoc || sumRoc1 <= FLAT * Math.abs(x) ? 1.0 : Math.abs(periodRoc / sumRoc1);
        double sc = (er * RANGE) + SLOWEST;
        return sc * sc;
    }

    /**
     * The batch kernel: {@link State#step}'s operations in the same order with the state's fields in locals, and
     * the seed apart from the steady loop; the state's {@code step} in a loop ran at a third of TA-Lib's speed on
     * {@code AllIndicatorsBenchmark}. Immutable.
     */
    private static final class Kernel extends SingleInputKernel {
        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n"));
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            final int n = this.n;
            final int length = n + 1;
            double[] ring = new double[length]; // the last n + 1 finite values
            int next = 0;
            int run = 0;
            double previous = 0.0;
            int i = from;
            for (; i < to && run < n; i++) { // the first n finite values
                double x = in.getAtIndex(D, i);
                out.setAtIndex(D, i, Double.NaN);
                if (Double.isFinite(x)) {
                    ring[next++] = x;
                    previous = x;
                    run++;
                }
            }
            double kama = previous;
            double sumRoc1 = 0.0;
            double trailingValue = 0.0;
            boolean seeded = false;
            for (; i < to; i++) {
                double x = in.getAtIndex(D, i);
                if (!Double.isFinite(x)) {
                    out.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                ring[next] = x;
                next = next + 1 == length ? 0 : next + 1;
                double last = previous;
                previous = x;
                double oldest = ring[next];
                if (seeded) {
                    sumRoc1 -= Math.abs(trailingValue - oldest);
                    sumRoc1 += Math.abs(x - last);
                } else {
                    seeded = true;
                    for (int k = 0, j = next; k < n; k++) {
                        int j1 = j + 1 == length ? 0 : j + 1;
                        sumRoc1 += Math.abs(ring[j] - ring[j1]);
                        j = j1;
                    }
                }
                trailingValue = oldest;
                double sc = smoothing(x, x - oldest, sumRoc1);
                kama = ((x - kama) * sc) + kama;
                out.setAtIndex(D, i, kama);
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }
    }

    /** The incremental state: a ring of the last {@code n + 1} finite values; the names are TA-Lib's. */
    private static final class State extends SingleInputState {
        private final int n;
        private final double[] ring;
        private int next;
        private int run;
        private double sumRoc1;
        private double trailingValue;
        private double previous;
        private double kama;

        State(int n) {
            this.n = n;
            this.ring = new double[n + 1];
        }

        @Override
        protected double step(double x) {
            if (!Double.isFinite(x)) {
                return Double.NaN;
            }
            ring[next] = x;
            next = next + 1 == ring.length ? 0 : next + 1;
            double last = previous;
            previous = x;
            if (run < n) {
                run++;
                return Double.NaN;
            }
            double oldest = ring[next]; // x₋ₙ: the window's first value
            if (run == n) {
                run = n + 1;
                sumRoc1 = 0.0;
                for (int k = 0, j = next; k < n; k++) {
                    int j1 = j + 1 == ring.length ? 0 : j + 1;
                    sumRoc1 += Math.abs(ring[j] - ring[j1]);
                    j = j1;
                }
                kama = last;
            } else {
                sumRoc1 -= Math.abs(trailingValue - oldest);
                sumRoc1 += Math.abs(x - last);
            }
            trailingValue = oldest;
            double sc = smoothing(x, x - oldest, sumRoc1);
            kama = ((x - kama) * sc) + kama;
            return kama;
        }

        @Override
        protected void clear() {
            run = 0;
            next = 0;
        }
    }
}
