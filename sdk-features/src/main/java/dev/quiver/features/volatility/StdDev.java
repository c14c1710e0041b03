package dev.quiver.features.volatility;

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
 * Rolling standard deviation {@code stddev(n, ddof)} and variance {@code var(n, ddof)} of the last {@code n} values:
 * {@code Σ(x − mean)² / (n − ddof)}, and its square root.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window length, 1 to 100,000, default 5 (TA-Lib's {@code STDDEV} and
 *       {@code VAR} default); {@code ddof}, the delta degrees of freedom, 0 or 1, default <b>0, the population
 *       divisor {@code n}</b> as TA-Lib's {@code STDDEV}/{@code VAR} and Bollinger Bands use. {@code ddof = 1} gives
 *       the sample divisor {@code n − 1}, R TTR's {@code runSD}/{@code runVar} default (and pandas'
 *       {@code rolling().std()}); it needs {@code n ≥ 2}. TA-Lib's {@code STDDEV} also takes a multiplier
 *       ({@code nbDev}, default 1); scale the output instead.</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows, as TA-Lib and TTR.</li>
 *   <li><b>Output scale.</b> {@code stddev}: the input's units; {@code var}: their square.</li>
 *   <li><b>Arithmetic.</b> Anchored running sums ({@link RollingVariance}), accurate to a few ulps of the variance
 *       whatever the price level. TA-Lib computes {@code E[x²] − E[x]²}, which loses about
 *       {@code log10(mean²/var)} digits and floors variances below 1e-8 to 0: the outputs agree with TA-Lib's within
 *       TA-Lib's own rounding error, {@code ~ε·mean²} on the variance (about 1e-12 relative on AAPL's closes, more
 *       for high-priced, calm series), and with TTR (exact two-pass windows) within 1e-12 relative.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN}; the output
 *       resumes {@code n} rows after it, as for SMA.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class StdDev {
    /** TA-Lib's default window length. */
    public static final int DEFAULT_N = 5;

    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars"),
            ParamSpec.ofInt("ddof", 0, 0, 1, "delta degrees of freedom: 0 divides by n (population, TA-Lib), "
                    + "1 by n - 1 (sample, TTR runSD)"));

    /** The published description of {@code stddev}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("stddev", "volatility",
            OperatorKind.TIME_SERIES, "Rolling standard deviation over n bars; population (ddof 0) by default",
            PARAMS, List.of("close"), List.of(""));

    /** The published description of {@code var}. */
    public static final OperatorDescriptor VAR_DESCRIPTOR = new OperatorDescriptor("var", "volatility",
            OperatorKind.TIME_SERIES, "Rolling variance over n bars; population (ddof 0) by default",
            PARAMS, List.of("close"), List.of(""));

    /** The {@code stddev} operator. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, (d, p, in) -> new Kernel(d, p, in, true));

    /** The {@code var} operator. */
    public static final Operator VAR_OPERATOR = Operator.of(VAR_DESCRIPTOR, (d, p, in) -> new Kernel(d, p, in, false));

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private StdDev() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends SingleInputKernel {
        private final int n;
        private final int ddof;
        private final boolean root;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, boolean root) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
            this.ddof = params.getInt("ddof");
            this.root = root;
            if (n <= ddof) {
                throw new IllegalArgumentException(descriptor.name() + ": a window of " + n + " value has no "
                        + "sample variance; use n >= 2 with ddof = 1");
            }
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            State state = new State(n, ddof, root);
            for (int i = from; i < to; i++) {
                out.setAtIndex(D, i, state.step(in.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n, ddof, root);
        }
    }

    /** The incremental state. */
    private static final class State extends SingleInputState {
        private final RollingVariance window;
        private final int ddof;
        private final boolean root;

        State(int n, int ddof, boolean root) {
            this.window = new RollingVariance(n);
            this.ddof = ddof;
            this.root = root;
        }

        @Override
        protected double step(double x) {
            if (!Double.isFinite(x)) {
                window.clear();
                return Double.NaN;
            }
            if (!window.add(x)) {
                return Double.NaN;
            }
            double v = window.variance(ddof);
            return root ? Math.sqrt(v) : v;
        }

        @Override
        protected void clear() {
            window.clear();
        }
    }
}
