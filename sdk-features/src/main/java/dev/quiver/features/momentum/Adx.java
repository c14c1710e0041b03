package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Average directional movement index, {@code adx(n)}: Wilder's average of {@code dx(n)}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the Wilder smoothing length in bars, 2 to 100,000; default 14 (TA-Lib's and
 *       Wilder's).</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Seeding and warm-up.</b> The mean of the first {@code n} DX values (bars {@code n} to {@code 2n − 1};
 *       undefined ones count as 0) seeds {@code ADX = (ADX·(n−1) + DX)/n}, which skips bars whose DX is undefined:
 *       {@code 2n − 1} warm-up rows (TA-Lib's lookback). See {@code DirectionalMovement} for the recursion. R TTR's
 *       {@code ADX(HLC, n)} column {@code ADX} also starts at row {@code 2n − 1} and agrees once the seeds of the
 *       Wilder sums have decayed (see {@code plus_di}).</li>
 *   <li><b>Output scale.</b> 0 to 100.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's order of operations; the outputs equal TA-Lib's bit for bit except where a
 *       Wilder sum lies strictly between 0 and 1e-8, which TA-Lib reads as 0 and this kernel does not.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): the bar outputs {@code NaN} and is skipped, leaving the
 *       state unchanged: outputs at the other bars are those of the series with the missing bars removed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Adx {
    /** The published description of {@code adx}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("adx", "momentum",
            OperatorKind.TIME_SERIES,
            "Average directional movement index ADX (Wilder), 0..100",
            DirectionalMovement.PARAMS, DirectionalMovement.INPUTS,
            List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, (descriptor, params, inputs) ->
            new DirectionalMovement.Kernel(descriptor, params, inputs, DirectionalMovement.Output.ADX));

    private Adx() {
    }
}
