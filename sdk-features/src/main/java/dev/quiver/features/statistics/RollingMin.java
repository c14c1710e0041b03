package dev.quiver.features.statistics;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Rolling min, {@code min(n)}: the smallest of the last {@code n} values.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 1 to 100,000; default 30 (TA-Lib's default).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows (TA-Lib's {@code MIN} and TTR's {@code runMin} agree).</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> Comparisons only, so the outputs equal TA-Lib's {@code MIN} and TTR's {@code runMin}
 *       exactly. A monotonic deque of candidates makes each row amortised O(1), whatever {@code n}.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN}; the output
 *       resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class RollingMin {
    /** TA-Lib's default window. */
    public static final int DEFAULT_N = 30;

    /** The published description of {@code min}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("min", "statistics",
            OperatorKind.TIME_SERIES, "Rolling min: the smallest of the last n values",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (descriptor, params, inputs) -> new RollingExtreme.Kernel(descriptor, params, inputs, false));

    private RollingMin() {
    }
}
