package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Directional movement index, {@code dx(n)}: {@code 100·|+DI − −DI|/(+DI + −DI)}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the Wilder smoothing length in bars, 2 to 100,000; default 14 (TA-Lib's and
 *       Wilder's).</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Seeding and warm-up.</b> As {@code plus_di}: {@code n} warm-up rows (TA-Lib's lookback). See {@code
 *       DirectionalMovement} for the recursion. R TTR's {@code ADX(HLC, n)} column {@code DX} agrees once the seeds
 *       have decayed (see {@code plus_di}).</li>
 *   <li><b>Output scale.</b> 0 to 100. Where it is undefined (no range or no directional movement) it repeats the
 *       previous value, 0 at the first, as TA-Lib.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's order of operations; the outputs equal TA-Lib's bit for bit except where a
 *       Wilder sum lies strictly between 0 and 1e-8, which TA-Lib reads as 0 and this kernel does not.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): the bar outputs {@code NaN} and is skipped, leaving the
 *       state unchanged: outputs at the other bars are those of the series with the missing bars removed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Dx {
    /** The published description of {@code dx}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("dx", "momentum",
            OperatorKind.TIME_SERIES,
            "Directional movement index DX (Wilder), 0..100",
            DirectionalMovement.PARAMS, DirectionalMovement.INPUTS,
            List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, (descriptor, params, inputs) ->
            new DirectionalMovement.Kernel(descriptor, params, inputs, DirectionalMovement.Output.DX));

    private Dx() {
    }
}
