package dev.quiver.features.statistics;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Rolling Pearson correlation of two columns, {@code corr(x, y, n)}, over the last {@code n} pairs of values.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 2 to 100,000; default 30 (TA-Lib's {@code CORREL}
 *       default).</li>
 *   <li><b>Inputs.</b> {@code x}, default column {@code close}, and {@code y}, default column {@code benchmark}:
 *       {@code corr(close,spy,60)} correlates two columns of a panel. The values are correlated as given, as TA-Lib's
 *       {@code CORREL} does; to correlate returns, give return columns.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows (TA-Lib agrees).</li>
 *   <li><b>Output scale.</b> In {@code [−1, 1]}. The sd divisor cancels: sample and population correlation are the
 *       same number.</li>
 *   <li><b>Arithmetic.</b> {@code Σdxdy / sqrt(Σdx²·Σdy²)} over the window's centred moments, clamped to
 *       {@code [−1, 1]} against rounding. The moments are running sums of deviations from recent values,
 *       re-anchored every {@code n} rows and resummed exactly when their rounding-error bound reaches 2⁻⁴⁰ of a
 *       moment or every {@code 16n} rows ({@code RollingComoments}): O(1) per row amortised, accurate to about
 *       1e-12 relative at worst and a few ulps in practice whatever the level of the series, as a two-pass
 *       computation. TA-Lib's {@code CORREL} keeps running raw sums ({@code Σx², Σxy}) over the whole series, which
 *       cancel on prices: the two agree within 1e-7 for {@code n ≥ 5}, while for two-point windows TA-Lib strays
 *       by up to 1e-4 (it reports −1.0000023 where the answer is −1).</li>
 *   <li><b>Degenerate windows.</b> If either column is constant over the window the correlation is undefined and the
 *       output is {@code NaN} (TA-Lib outputs 0).</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞ in either column): every window that contains one outputs
 *       {@code NaN}; the output resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Correlation {
    /** TA-Lib's default window. */
    public static final int DEFAULT_N = 30;

    /** The published description of {@code corr}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("corr", "statistics",
            OperatorKind.TIME_SERIES, "Rolling Pearson correlation of two columns over n bars",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 2, 100_000, "window length in bars")),
            List.of("close", "benchmark"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (d, p, in) -> new RollingComoments.Kernel(d, p, in, p.getInt("n") - 1, false, false));

    private Correlation() {
    }
}
