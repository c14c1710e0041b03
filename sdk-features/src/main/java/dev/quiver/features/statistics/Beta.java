package dev.quiver.features.statistics;

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
 * Rolling beta of one column against another, {@code beta(x, y, n, input)}: {@code cov(x, y) / var(y)} over the
 * last {@code n} observations, the slope of the least-squares regression of {@code x} on {@code y}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the number of observations, 2 to 100,000; default 5 (TA-Lib's {@code BETA}
 *       default). {@code input}: {@code prices} (default, TA-Lib's convention) turns both columns into one-bar
 *       simple returns {@code (p − p_prev) / p_prev} first, so {@code beta(close,spy,60)} is the usual 60-day
 *       beta of a stock's returns against an index's; {@code returns} uses the columns' values as they are (for
 *       columns that already hold returns).</li>
 *   <li><b>Inputs.</b> {@code x}, default column {@code close}, the asset; {@code y}, default column
 *       {@code benchmark}, the market.</li>
 *   <li><b>Warm-up.</b> {@code n} rows for {@code prices} ({@code n} returns need {@code n + 1} prices; TA-Lib
 *       agrees), {@code n − 1} for {@code returns}.</li>
 *   <li><b>Output scale.</b> Dimensionless. The sd divisor cancels: sample and population beta are the same
 *       number.</li>
 *   <li><b>Relation to TA-Lib.</b> TA-Lib's {@code BETA(inReal0, inReal1)} regresses the returns of
 *       {@code inReal1} on those of {@code inReal0}, i.e. it divides by the variance of {@code inReal0}: ours
 *       {@code beta(a, b, n)} equals TA-Lib's {@code BETA(b, a, n)}. TA-Lib keeps running raw sums of the returns;
 *       ours are centred two-pass sums (O(n) per row, exact to a few ulps); they agree within 1e-9
 *       relative (1e-7 for {@code n = 2}, whose betas are ill-conditioned).</li>
 *   <li><b>Degenerate windows.</b> If {@code y} is constant over the window beta is undefined and the output is
 *       {@code NaN} (TA-Lib outputs 0).</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞ in either column, or with {@code prices} a previous price of 0,
 *       whose return is undefined; TA-Lib counts that return as 0): every window of observations that contains one
 *       outputs {@code NaN}; the output resumes {@code n} observations after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Beta {
    /** TA-Lib's default number of observations. */
    public static final int DEFAULT_N = 5;

    /** The published description of {@code beta}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("beta", "statistics",
            OperatorKind.TIME_SERIES, "Rolling beta cov(x,y)/var(y) of x against y, on one-bar returns by default",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 2, 100_000, "number of observations (returns)"),
                    ParamSpec.ofChoice("input", "prices", List.of("prices", "returns"),
                            "prices: regress one-bar simple returns; returns: use the values as given")),
            List.of("close", "benchmark"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Beta() {
    }

    private static int warmUpOf(Params params) {
        return params.getInt("n") - (params.getChoice("input").equals("prices") ? 0 : 1);
    }

    /** The regression over the window, shared by the batch and incremental forms. */
    private static final class Regression {
        private final PairWindow w;
        private final boolean prices;
        private double previousX = Double.NaN;
        private double previousY = Double.NaN;

        Regression(int n, boolean prices) {
            this.w = new PairWindow(n);
            this.prices = prices;
        }

        double step(double x, double y) {
            double a = x;
            double b = y;
            if (prices) {
                a = simpleReturn(x, previousX);
                b = simpleReturn(y, previousY);
                previousX = x;
                previousY = y;
            }
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                w.clear();
                return Double.NaN;
            }
            if (!w.add(a, b)) {
                return Double.NaN;
            }
            w.moments();
            return w.yConstant ? Double.NaN : w.sxy / w.syy;
        }

        private static double simpleReturn(double p, double previous) {
            // TA-Lib's arithmetic; NaN when either price is missing or the previous one is 0
            return Double.isFinite(p) && Double.isFinite(previous) && previous != 0.0
                    ? (p - previous) / previous : Double.NaN;
        }
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private final int n;
        private final boolean prices;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, warmUpOf(params));
            this.n = params.getInt("n");
            this.prices = params.getChoice("input").equals("prices");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            MemorySegment x = in[0];
            MemorySegment y = in[1];
            MemorySegment o = out[0];
            Regression r = new Regression(n, prices);
            for (int i = from; i < to; i++) {
                o.setAtIndex(D, i, r.step(x.getAtIndex(D, i), y.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n, prices);
        }
    }

    /** The incremental state. */
    private static final class State extends MultiInputState {
        private final int n;
        private final boolean prices;
        private Regression r;

        State(int n, boolean prices) {
            super(2, 1);
            this.n = n;
            this.prices = prices;
            this.r = new Regression(n, prices);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = r.step(in[0], in[1]);
        }

        @Override
        protected void clear() {
            r = new Regression(n, prices);
        }
    }
}
