package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Minus directional indicator, {@code minus_di(n)}: {@code 100·(−DM/TR)} of Wilder's smoothed directional movement
 * and true range.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the Wilder smoothing length in bars, 2 to 100,000; default 14 (TA-Lib's and
 *       Wilder's).</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Seeding and warm-up.</b> The sums of +DM, −DM and TR over bars 1 to {@code n − 1} seed Wilder's sums,
 *       stepped once more at bar {@code n}, where the first value is: {@code n} warm-up rows (TA-Lib's lookback). See
 *       {@code DirectionalMovement} for the recursion. R TTR's {@code ADX(HLC, n)} (columns {@code DIp}, {@code DIn})
 *       seeds its Wilder sums with the sums of the first {@code n} values instead: the two agree once the seed has
 *       decayed as {@code (1 − 1/n)^k} (below 1e-9 relative after 500 rows on AAPL), and TTR's first value is at row
 *       {@code n} too.</li>
 *   <li><b>Output scale.</b> 0 to 100; 0 where the smoothed true range is 0.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's order of operations; the outputs equal TA-Lib's bit for bit except where a
 *       Wilder sum lies strictly between 0 and 1e-8, which TA-Lib reads as 0 and this kernel does not.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): the bar outputs {@code NaN} and is skipped, leaving the
 *       state unchanged: outputs at the other bars are those of the series with the missing bars removed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class MinusDi {
    /** The published description of {@code minus_di}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("minus_di", "momentum",
            OperatorKind.TIME_SERIES,
            "Minus directional indicator -DI (Wilder), 0..100",
            DirectionalMovement.PARAMS, DirectionalMovement.INPUTS,
            List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, (descriptor, params, inputs) ->
            new DirectionalMovement.Kernel(descriptor, params, inputs, DirectionalMovement.Output.MINUS_DI));

    private MinusDi() {
    }
}
