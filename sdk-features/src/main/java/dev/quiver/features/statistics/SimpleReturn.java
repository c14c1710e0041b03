package dev.quiver.features.statistics;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Simple return over {@code n} bars, {@code ret(n)}: {@code (x − x[n bars ago]) / x[n bars ago]}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the horizon in bars, 1 to 100,000; default 1 (one-bar returns, R TTR's
 *       {@code ROC} default; TA-Lib's {@code ROCP}, the same quantity, defaults to 10).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n} rows (TA-Lib and TTR agree).</li>
 *   <li><b>Output scale.</b> A fraction: 0.01 is one percent (TA-Lib's {@code ROCP}, TTR's
 *       {@code ROC(x, n, "discrete")}; TA-Lib's {@code ROC} is 100 times this).</li>
 *   <li><b>Arithmetic.</b> TA-Lib's {@code ROCP}: {@code (x − p) / p}; the outputs equal TA-Lib's bit for bit where
 *       {@code p ≠ 0}.</li>
 *   <li><b>Missing values.</b> The output is {@code NaN} when either endpoint is missing ({@code NaN}, ±∞) or
 *       the earlier value is 0 (TA-Lib outputs 0 there, TTR ±∞); the values between the endpoints are not read,
 *       so the lag is counted in rows, as in TTR.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class SimpleReturn {
    /** The default horizon: one bar. */
    public static final int DEFAULT_N = 1;

    /** The published description of {@code ret}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("ret", "statistics",
            OperatorKind.TIME_SERIES, "Simple return over n bars: x / x[n bars ago] - 1, as a fraction",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "horizon in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private SimpleReturn() {
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends Lag {
        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs);
        }

        @Override
        double apply(double current, double earlier) {
            if (!Double.isFinite(current) || !Double.isFinite(earlier) || earlier == 0.0) {
                return Double.NaN;
            }
            return (current - earlier) / earlier;
        }
    }
}
