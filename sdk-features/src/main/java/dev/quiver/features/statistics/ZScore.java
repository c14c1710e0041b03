package dev.quiver.features.statistics;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.volatility.RollingMoments;
import java.util.List;

/**
 * Rolling z-score, {@code zscore(n, ddof)}: how many standard deviations the current value lies from the mean of
 * the last {@code n} values (the current one included), {@code (x − mean) / sd}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 2 to 100,000, default 20; {@code ddof}, 0 or 1, default 0:
 *       the sd divisor is {@code n − ddof}, so the default is the <b>population</b> sd, as TA-Lib's {@code STDDEV}
 *       and {@code BBANDS} and TTR's {@code BBands}; {@code ddof = 1} gives the sample sd of TTR's
 *       {@code runSD} and R's {@code sd}.</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows.</li>
 *   <li><b>Output scale.</b> Standard deviations (dimensionless).</li>
 *   <li><b>Arithmetic.</b> {@link RollingMoments}: running sums of deviations from a recent value, re-anchored
 *       every {@code n} rows and resummed exactly when their rounding-error bound reaches 2⁻⁴⁰ of the variance or
 *       every {@code 16n} rows, O(1) per row amortised; {@code x − mean} is
 *       the newest deviation less the mean deviation, so neither loses digits to the level of the series (no
 *       running sum of squares of raw values, whose cancellation loses digits on prices far from zero). Accurate to
 *       a few ulps of the spread times {@code n}, as a two-pass computation. An exactly constant window (detected
 *       exactly) has no spread: the output is {@code NaN} there (TA-Lib's quotient gives ±∞ or {@code NaN}). Matches TTR's
 *       {@code (x − SMA) / runSD} within 1e-9, and {@code (x − SMA) / STDDEV} from TA-Lib within 1e-7 for
 *       {@code n ≥ 5}, the gap being the cancellation in TA-Lib's {@code E[x²] − E[x]²}.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN}; the output
 *       resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class ZScore {
    /** The default window. */
    public static final int DEFAULT_N = 20;

    /** The published description of {@code zscore}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("zscore", "statistics",
            OperatorKind.TIME_SERIES, "Rolling z-score: (x - mean) / sd over the last n values",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 2, 100_000, "window length in bars"),
                    ParamSpec.ofInt("ddof", 0, 0, 1, "sd divisor n - ddof: 0 population, 1 sample")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (d, p, in) -> new RollingMoments.Kernel(d, p, in, RollingMoments.Output.Z_SCORE));

    private ZScore() {
    }
}
