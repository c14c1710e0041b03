package dev.quiver.features.statistics;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.Operator;
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
 *       ours are running sums of deviations from recent values, re-anchored every {@code n} rows and resummed
 *       exactly when their rounding-error bound reaches 2⁻⁴⁰ of a moment or every {@code 16n} rows
 *       ({@code RollingComoments}: O(1) per row amortised, as accurate as a two-pass computation); they agree
 *       within 1e-9
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
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (d, p, in) -> new RollingComoments.Kernel(d, p, in, warmUpOf(p), true, prices(p)));

    private Beta() {
    }

    private static int warmUpOf(Params params) {
        return params.getInt("n") - (prices(params) ? 0 : 1);
    }

    private static boolean prices(Params params) {
        return params.getChoice("input").equals("prices");
    }
}
