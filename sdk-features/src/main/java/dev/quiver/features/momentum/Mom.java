package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Momentum, {@code mom(n)}: the change over {@code n} bars, {@code x − x[n bars back]}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the distance in bars, 1 to 100,000; default 10 (TA-Lib's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n} rows (TA-Lib's lookback). R TTR's {@code momentum(x, n)} is the same.</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> {@code x − x[i−n]}, as TA-Lib: the outputs equal TA-Lib's bit for bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): like a window operator, every output whose window of
 *       {@code n + 1} bars holds a missing value is {@code NaN}; the output resumes {@code n} bars after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Mom {
    /** The published description of {@code mom}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("mom", "momentum",
            OperatorKind.TIME_SERIES, "Momentum: x - x n bars back",
            List.of(ParamSpec.ofInt("n", 10, 1, 100_000, "distance in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (descriptor, params, inputs) -> new LagChange.Kernel(descriptor, params, inputs,
                    LagChange.Kind.DIFFERENCE));

    private Mom() {
    }
}
