package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Slow stochastic oscillator, {@code stoch(fastk, slowk, slowd)}, parts {@code k} (the fast %K smoothed over
 * {@code slowk} bars) and {@code d} (that smoothed again over {@code slowd} bars).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code fastk} 1 to 100,000, default 5; {@code slowk} 1 to 100,000, default 3;
 *       {@code slowd} 1 to 100,000, default 3 (TA-Lib's). Both smoothings are simple averages, TA-Lib's default;
 *       its other averages are not offered.</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Warm-up.</b> {@code (fastk − 1) + (slowk − 1) + (slowd − 1)} rows (TA-Lib's lookback), for both
 *       parts.</li>
 *   <li><b>Output scale.</b> 0 to 100, from TA-Lib's fast %K {@code (close − LL)/((HH − LL)/100)}, 0 when
 *       {@code HH = LL}. R TTR's {@code stoch(HLC, nFastK = fastk, nFastD = slowk, nSlowD = slowd)} gives
 *       fractions: this {@code k} is 100 × its {@code fastD} and this {@code d} 100 × its {@code slowD} (TTR names
 *       the first smoothing "fast %D"); they agree to rounding, except that TTR gives 0.5 where {@code HH = LL}.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_STOCH}, SMAs by running sums); the outputs equal TA-Lib's bit for
 *       bit.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): a window operator: the bar outputs {@code NaN}, the
 *       state restarts, and output resumes after a full warm-up.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Stoch {
    /** The published description of {@code stoch}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("stoch", "momentum",
            OperatorKind.TIME_SERIES, "Slow stochastic %K and %D (SMA smoothing), 0..100",
            List.of(ParamSpec.ofInt("fastk", 5, 1, 100_000, "fast %K window in bars"),
                    ParamSpec.ofInt("slowk", 3, 1, 100_000, "slow %K simple-average length in bars"),
                    ParamSpec.ofInt("slowd", 3, 1, 100_000, "slow %D simple-average length in bars")),
            List.of("high", "low", "close"), List.of("k", "d"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel, {@link Stochastic}'s. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (d, p, in) -> new Stochastic.Kernel(d, p, in, p.getInt("fastk"), p.getInt("slowk"), p.getInt("slowd")));

    private Stoch() {
    }
}
