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
 * Exponential moving average, {@code ema(n)}: {@code ema = ema + α·(x − ema)} with {@code α = 2/(n+1)}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the span in bars, 1 to 100,000; default 30 (TA-Lib's default). {@code n = 1}
 *       gives {@code α = 1}, the input itself.</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up.</b> Seeded with the simple mean of the first {@code n} values, which is also the
 *       first output, at row {@code n − 1}: {@code n − 1} warm-up rows. TA-Lib (default compatibility) and R TTR
 *       ({@code EMA(x, n)}) seed the same way; pandas' {@code ewm(span=n, adjust=False)} seeds with the first value
 *       instead and differs by {@code (1−α)^k} after {@code k} rows.</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: the seed is {@code ((0 + x₀) + x₁ + …)/n}, each step
 *       {@code ((x − ema)·α) + ema} with {@code α = 2.0/(n+1)}. The outputs equal TA-Lib's {@code EMA} bit for
 *       bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): the bar outputs {@code NaN} and the state is left unchanged; the
 *       next finite value continues from it. During the seed a missing value does not count, so leading missing
 *       values (an upstream indicator's warm-up) delay the first output, as in TTR.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Ema {
    /** TA-Lib's default span. */
    public static final int DEFAULT_N = 30;

    /** The published description of {@code ema}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("ema", "averages",
            OperatorKind.TIME_SERIES, "Exponential moving average, alpha 2/(n+1), seeded with the SMA of the first n",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "span in bars; alpha = 2/(n+1)")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Ema() {
    }

    /** The smoothing factor for span {@code n}, computed as TA-Lib does. */
    static double alpha(int n) {
        return 2.0 / ((double) (n + 1));
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends SingleInputKernel {
        private final int n;
        private final double alpha;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
            this.alpha = alpha(n);
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            final int n = this.n;
            final double alpha = this.alpha;
            double ema = 0.0; // during the seed: the running sum of the values seen
            int seen = 0;     // finite values seen, up to n
            int i = from;
            // the seed, then the recursion: two loops keep the hot one free of the seed's branch
            for (; i < to && seen < n; i++) {
                double x = in.getAtIndex(D, i);
                double y = Double.NaN;
                if (Double.isFinite(x)) {
                    ema += x;
                    seen++;
                    if (seen == n) {
                        ema = ema / n;
                        y = ema;
                    }
                }
                out.setAtIndex(D, i, y);
            }
            for (; i < to; i++) {
                double x = in.getAtIndex(D, i);
                if (Double.isFinite(x)) {
                    ema = ((x - ema) * alpha) + ema;
                    out.setAtIndex(D, i, ema);
                } else {
                    out.setAtIndex(D, i, Double.NaN);
                }
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n, alpha);
        }
    }

    /** The incremental state: the same arithmetic as {@link Kernel}. */
    private static final class State extends SingleInputState {
        private final int n;
        private final double alpha;
        private double ema;
        private int seen;

        State(int n, double alpha) {
            this.n = n;
            this.alpha = alpha;
        }

        @Override
        protected double step(double x) {
            if (!Double.isFinite(x)) {
                return Double.NaN;
            }
            if (seen == n) {
                ema = ((x - ema) * alpha) + ema;
                return ema;
            }
            ema += x;
            seen++;
            if (seen == n) {
                ema = ema / n;
                return ema;
            }
            return Double.NaN;
        }

        @Override
        protected void clear() {
            ema = 0.0;
            seen = 0;
        }
    }
}
