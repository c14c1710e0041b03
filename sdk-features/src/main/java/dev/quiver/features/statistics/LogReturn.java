package dev.quiver.features.statistics;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Log return over {@code n} bars, {@code logret(n)}: {@code ln(x / x[n bars ago])}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the horizon in bars, 1 to 100,000; default 1.</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n} rows (TTR agrees).</li>
 *   <li><b>Output scale.</b> Natural-log units (not percent), as TTR's default {@code ROC(x, n)}
 *       ({@code type = "continuous"}). TA-Lib has no log return.</li>
 *   <li><b>Arithmetic.</b> {@code Math.log(x / p)}, one rounding more accurate for small returns than TTR's
 *       {@code log(x) − log(p)}; the two agree within a few ulps of {@code ln x}.</li>
 *   <li><b>Missing values.</b> The output is {@code NaN} when either endpoint is missing ({@code NaN}, ±∞) or not
 *       positive (a log return of a non-positive price is undefined); the values between the endpoints are not read,
 *       so the lag is counted in rows, as in TTR.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class LogReturn {
    /** The default horizon: one bar. */
    public static final int DEFAULT_N = 1;

    /** The published description of {@code logret}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("logret", "statistics",
            OperatorKind.TIME_SERIES, "Log return over n bars: ln(x / x[n bars ago])",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "horizon in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private LogReturn() {
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends Lag {
        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs);
        }

        @Override
        double apply(double current, double earlier) {
            // also false for NaN; +inf is excluded below
            if (!(current > 0.0) || !(earlier > 0.0) || current == Double.POSITIVE_INFINITY
                    || earlier == Double.POSITIVE_INFINITY) {
                return Double.NaN;
            }
            return Math.log(current / earlier);
        }
    }
}
