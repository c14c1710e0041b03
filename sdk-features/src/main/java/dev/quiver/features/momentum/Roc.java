package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Rate of change, {@code roc(n)}: the percentage change over {@code n} bars, {@code ((x / x[n bars back]) − 1)·100}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the distance in bars, 1 to 100,000; default 10 (TA-Lib's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n} rows (TA-Lib's lookback). R TTR's {@code ROC(x, n, type = "discrete")} is the same
 *       fraction without the factor 100; TTR's default, {@code type = "continuous"}, is the log return {@code log(x /
 *       x[i−n])}.</li>
 *   <li><b>Output scale.</b> Percent, as TA-Lib's {@code ROC} (TA-Lib's {@code ROCP} is the fraction, {@code ROCR}
 *       the ratio; they are not provided: divide by 100, or add 1 after that). 0 where the earlier value is exactly 0,
 *       as TA-Lib.</li>
 *   <li><b>Arithmetic.</b> {@code ((x / x[i−n]) − 1.0)·100.0}, as TA-Lib: the outputs equal TA-Lib's bit for
 *       bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): like a window operator, every output whose window of
 *       {@code n + 1} bars holds a missing value is {@code NaN}; the output resumes {@code n} bars after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Roc {
    /** The published description of {@code roc}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("roc", "momentum",
            OperatorKind.TIME_SERIES, "Rate of change in percent: ((x / x n bars back) - 1) * 100",
            List.of(ParamSpec.ofInt("n", 10, 1, 100_000, "distance in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (descriptor, params, inputs) -> new LagChange.Kernel(descriptor, params, inputs,
                    LagChange.Kind.PERCENT));

    private Roc() {
    }
}
