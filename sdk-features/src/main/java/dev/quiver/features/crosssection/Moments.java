package dev.quiver.features.crosssection;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * The cross-sectional operators built on a date's count, mean and standard deviation: {@code xs_zscore},
 * {@code xs_demean}, {@code xs_mean}, {@code xs_std}, {@code xs_count}.
 *
 * <ul>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞) are excluded from the statistics. {@code xs_zscore} and
 *       {@code xs_demean} give {@code NaN} on a row whose value is missing; {@code xs_mean}, {@code xs_std} and
 *       {@code xs_count} give the date's statistic on every row of the date.</li>
 *   <li><b>Mean.</b> As R's {@code mean}: the plain mean corrected by the mean of the residuals.</li>
 *   <li><b>Standard deviation.</b> {@code ddof = 0} (default): the population sd, divisor {@code n};
 *       {@code ddof = 1}: the sample sd, divisor {@code n − 1} (R's {@code sd}). {@code NaN} when {@code n − ddof}
 *       is below 1; exactly 0 when every value is equal.</li>
 *   <li><b>Z-score.</b> {@code (x − mean)/sd}; {@code NaN} where the sd is 0 or undefined (one value, or all
 *       equal), as R gives for 0/0.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable.
 */
public final class Moments {
    private static final ParamSpec DDOF = ParamSpec.ofInt("ddof", 0, 0, 1,
            "delta degrees of freedom of the sd: 0 population (divisor n), 1 sample (divisor n-1)");

    /** {@code xs_zscore(x, ddof=0)}: the z-score within each date. */
    public static final OperatorDescriptor ZSCORE = new OperatorDescriptor("xs_zscore", "crosssection",
            OperatorKind.CROSS_SECTIONAL, "Z-score within each date, (x - mean)/sd; NaN where sd is 0",
            List.of(DDOF), List.of("close"), List.of(""));
    /** {@code xs_demean(x)}: the value less its date's mean. */
    public static final OperatorDescriptor DEMEAN = new OperatorDescriptor("xs_demean", "crosssection",
            OperatorKind.CROSS_SECTIONAL, "Value less the mean of its date", List.of(), List.of("close"),
            List.of(""));
    /** {@code xs_mean(x)}: the date's mean, on every row of the date. */
    public static final OperatorDescriptor MEAN = new OperatorDescriptor("xs_mean", "crosssection",
            OperatorKind.CROSS_SECTIONAL, "Mean of the date's values, on every row of the date", List.of(),
            List.of("close"), List.of(""));
    /** {@code xs_std(x, ddof=0)}: the date's standard deviation, on every row of the date. */
    public static final OperatorDescriptor STD = new OperatorDescriptor("xs_std", "crosssection",
            OperatorKind.CROSS_SECTIONAL, "Standard deviation of the date's values, on every row of the date",
            List.of(DDOF), List.of("close"), List.of(""));
    /** {@code xs_count(x)}: the number of the date's non-missing values, on every row of the date. */
    public static final OperatorDescriptor COUNT = new OperatorDescriptor("xs_count", "crosssection",
            OperatorKind.CROSS_SECTIONAL, "Number of non-missing values of the date, on every row of the date",
            List.of(), List.of("close"), List.of(""));

    /** The operators, in listing order. */
    public static final List<Operator> OPERATORS = List.of(
            Operator.of(ZSCORE, (d, p, in) -> new Kernel(d, p, in, Output.ZSCORE)),
            Operator.of(DEMEAN, (d, p, in) -> new Kernel(d, p, in, Output.DEMEAN)),
            Operator.of(MEAN, (d, p, in) -> new Kernel(d, p, in, Output.MEAN)),
            Operator.of(STD, (d, p, in) -> new Kernel(d, p, in, Output.STD)),
            Operator.of(COUNT, (d, p, in) -> new Kernel(d, p, in, Output.COUNT)));

    private Moments() {
    }

    private enum Output { ZSCORE, DEMEAN, MEAN, STD, COUNT }

    private static final class Kernel extends CrossSectionKernel {
        private final Output output;
        private final int ddof;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, Output output) {
            super(descriptor, params, inputs);
            this.output = output;
            this.ddof = params.asMap().containsKey("ddof") ? params.getInt("ddof") : 0;
        }

        @Override
        void computeDate(double[][] in, int offset, int width, double[] out, Scratch s) {
            int m = gather(in[0], offset, width, s);
            if (output == Output.COUNT) {
                broadcast(out, offset, width, m);
                return;
            }
            double mean = m == 0 ? Double.NaN : s.mean(m);
            switch (output) {
                case MEAN -> broadcast(out, offset, width, mean);
                case STD -> broadcast(out, offset, width, s.sd(m, mean, ddof));
                case DEMEAN -> {
                    for (int i = 0; i < m; i++) {
                        out[s.rows[i]] = s.values[i] - mean;
                    }
                }
                default -> {
                    double sd = s.sd(m, mean, ddof);
                    boolean usable = sd > 0; // false for 0 and NaN
                    for (int i = 0; i < m; i++) {
                        out[s.rows[i]] = usable ? (s.values[i] - mean) / sd : Double.NaN;
                    }
                }
            }
        }
    }
}
