package dev.quiver.features.volatility;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
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
 *   <li><b>Arithmetic.</b> Running sums of deviations from a recent value, re-anchored every {@code n} bars and
 *       resummed exactly when their rounding-error bound reaches 2⁻⁴⁰ of the variance or every {@code 16n} bars
 *       ({@link RollingMoments}): O(1) per bar amortised, accurate to about 1e-12 relative at worst and a few ulps
 *       in practice whatever the price level (checked against exact arithmetic on series at
 *       1e9 with 1e-3 noise, windows that calm after a spike and windows that become exactly constant, whose
 *       variance is exactly 0). TA-Lib computes {@code E[x²] − E[x]²}, which loses about
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
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (d, p, in) -> new RollingMoments.Kernel(d, p, in, RollingMoments.Output.STD_DEV));

    /** The {@code var} operator. */
    public static final Operator VAR_OPERATOR = Operator.of(VAR_DESCRIPTOR,
            (d, p, in) -> new RollingMoments.Kernel(d, p, in, RollingMoments.Output.VARIANCE));

    private StdDev() {
    }
}
