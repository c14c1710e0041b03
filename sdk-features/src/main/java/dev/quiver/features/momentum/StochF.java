package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Fast stochastic oscillator, {@code stochf(fastk, fastd)}, parts {@code k} (where the close lies in the range of
 * the last {@code fastk} bars) and {@code d} (its simple moving average over {@code fastd} bars).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code fastk} 1 to 100,000, default 5; {@code fastd} 1 to 100,000, default 3
 *       (TA-Lib's). The smoothing is TA-Lib's default, a simple average; TA-Lib's other averages are not
 *       offered.</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Warm-up.</b> {@code (fastk − 1) + (fastd − 1)} rows (TA-Lib's lookback), for both parts: {@code k} is
 *       held back until {@code d} exists, as TA-Lib outputs them.</li>
 *   <li><b>Output scale.</b> 0 to 100: {@code k = (close − LL)/((HH − LL)/100)} with {@code HH}, {@code LL} the
 *       highest high and lowest low of the window; 0 when {@code HH = LL}, as TA-Lib. R TTR's
 *       {@code stoch(HLC, nFastK, nFastD)} gives fractions in [0, 1] ({@code fastK}, {@code fastD}) and 0.5 when
 *       {@code HH = LL}; its values times 100 agree to rounding.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_STOCHF}, SMA by running sum); the outputs equal TA-Lib's bit for
 *       bit.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): a window operator: the bar outputs {@code NaN}, the
 *       state restarts, and output resumes after a full warm-up, so every output whose windows hold a missing bar
 *       is {@code NaN}.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class StochF {
    /** The published description of {@code stochf}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("stochf", "momentum",
            OperatorKind.TIME_SERIES, "Fast stochastic %K and %D (SMA), 0..100",
            List.of(ParamSpec.ofInt("fastk", 5, 1, 100_000, "%K window in bars"),
                    ParamSpec.ofInt("fastd", 3, 1, 100_000, "%D simple-average length in bars")),
            List.of("high", "low", "close"), List.of("k", "d"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel, {@link Stochastic}'s. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (d, p, in) -> new Stochastic.Kernel(d, p, in, p.getInt("fastk"), 1, p.getInt("fastd")));

    private StochF() {
    }
}
