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
        boolean datesAtOnce() {
            return true;
        }

        @Override
        boolean writesEveryRow() {
            return true;
        }

        @Override
        void computeDate(double[][] in, int offset, int width, double[] out, Scratch s) {
            date(in[0], offset, width, out);
        }

        /**
         * Four dates per sweep (a shorter group repeats its last date), when they have as many rows: each date's
         * sums are still added one value after another in symbol order, so each is what the date alone gives, but
         * the four chains of additions overlap in the core instead of each waiting for the one before. The sweeps
         * assume every value finite, which the plain sum tells (one missing value makes it {@code NaN} or
         * infinite, and finite values can only overflow it); a date whose sum is not finite is computed again on
         * its own, skipping its missing values ({@link #date}).
         */
        @Override
        void computeDates(double[][] in, int[] offsets, int[] widths, int count, double[] out) {
            double[] x = in[0];
            int last = count - 1;
            int w = widths[0];
            boolean even = true;
            for (int i = 1; i < count; i++) {
                even &= widths[i] == w;
            }
            if (!even || w == 0) {
                for (int i = 0; i < count; i++) {
                    date(x, offsets[i], widths[i], out);
                }
                return;
            }
            int o0 = offsets[0];
            int o1 = offsets[Math.min(1, last)];
            int o2 = offsets[Math.min(2, last)];
            int o3 = offsets[Math.min(3, last)];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < w; i++) {
                s0 += x[o0 + i];
                s1 += x[o1 + i];
                s2 += x[o2 + i];
                s3 += x[o3 + i];
            }
            // R's mean: the plain mean corrected by the mean of the residuals, which makes the mean of equal values
            // exactly that value
            double a0 = s0 / w;
            double a1 = s1 / w;
            double a2 = s2 / w;
            double a3 = s3 / w;
            double r0 = 0;
            double r1 = 0;
            double r2 = 0;
            double r3 = 0;
            for (int i = 0; i < w; i++) {
                r0 += x[o0 + i] - a0;
                r1 += x[o1 + i] - a1;
                r2 += x[o2 + i] - a2;
                r3 += x[o3 + i] - a3;
            }
            double mean0 = a0 + r0 / w;
            double mean1 = a1 + r1 / w;
            double mean2 = a2 + r2 / w;
            double mean3 = a3 + r3 / w;
            double sd0 = Double.NaN;
            double sd1 = Double.NaN;
            double sd2 = Double.NaN;
            double sd3 = Double.NaN;
            if (output == Output.ZSCORE || output == Output.STD) {
                // two-pass sum of squared deviations; exactly 0 when every value is equal
                double first0 = x[o0];
                double first1 = x[o1];
                double first2 = x[o2];
                double first3 = x[o3];
                double q0 = 0;
                double q1 = 0;
                double q2 = 0;
                double q3 = 0;
                boolean e0 = true;
                boolean e1 = true;
                boolean e2 = true;
                boolean e3 = true;
                for (int i = 0; i < w; i++) {
                    double v0 = x[o0 + i];
                    double v1 = x[o1 + i];
                    double v2 = x[o2 + i];
                    double v3 = x[o3 + i];
                    double d0 = v0 - mean0;
                    double d1 = v1 - mean1;
                    double d2 = v2 - mean2;
                    double d3 = v3 - mean3;
                    q0 += d0 * d0;
                    q1 += d1 * d1;
                    q2 += d2 * d2;
                    q3 += d3 * d3;
                    e0 &= v0 == first0;
                    e1 &= v1 == first1;
                    e2 &= v2 == first2;
                    e3 &= v3 == first3;
                }
                sd0 = sd(w, q0, e0);
                sd1 = sd(w, q1, e1);
                sd2 = sd(w, q2, e2);
                sd3 = sd(w, q3, e3);
            }
            finiteDate(x, o0, w, mean0, sd0, out);
            if (count > 1) {
                finiteDate(x, o1, w, mean1, sd1, out);
            }
            if (count > 2) {
                finiteDate(x, o2, w, mean2, sd2, out);
            }
            if (count > 3) {
                finiteDate(x, o3, w, mean3, sd3, out);
            }
            double[] sums = {s0, s1, s2, s3};
            for (int i = 0; i < count; i++) {
                if (!Double.isFinite(sums[i])) {
                    date(x, offsets[i], w, out);
                }
            }
        }

        /**
         * The standard deviation of {@code m} values from their sum of squared deviations: divisor
         * {@code m - ddof}, {@code NaN} when that is below 1, exactly 0 when every value is equal.
         */
        private double sd(int m, double squares, boolean allEqual) {
            if (m - ddof < 1) {
                return Double.NaN;
            }
            return allEqual ? 0.0 : Math.sqrt(squares / (m - ddof));
        }

        /** The output rows of a date whose values are all finite. */
        private void finiteDate(double[] x, int offset, int width, double mean, double sd, double[] out) {
            int end = offset + width;
            switch (output) {
                case COUNT -> broadcast(out, offset, width, width);
                case MEAN -> broadcast(out, offset, width, mean);
                case STD -> broadcast(out, offset, width, sd);
                case DEMEAN -> {
                    for (int row = offset; row < end; row++) {
                        out[row] = (x[row] + 0.0) - mean;
                    }
                }
                default -> {
                    if (!(sd > 0)) { // no z-score where the sd is 0 or NaN
                        broadcast(out, offset, width, Double.NaN);
                        return;
                    }
                    for (int row = offset; row < end; row++) {
                        out[row] = ((x[row] + 0.0) - mean) / sd;
                    }
                }
            }
        }

        /**
         * One date on its own, its missing values skipped: the count, the sums and every output row. {@code -0.0}
         * counts as {@code 0.0}.
         */
        private void date(double[] x, int offset, int width, double[] out) {
            int end = offset + width;
            int m = 0;
            double sum = 0;
            for (int row = offset; row < end; row++) {
                double v = x[row];
                if (Double.isFinite(v)) {
                    sum += v + 0.0;
                    m++;
                }
            }
            double mean = Double.NaN;
            double sd = Double.NaN;
            if (m > 0) {
                double plain = sum / m;
                double residual = 0;
                for (int row = offset; row < end; row++) {
                    double v = x[row];
                    if (Double.isFinite(v)) {
                        residual += (v + 0.0) - plain;
                    }
                }
                mean = plain + residual / m;
                double squares = 0;
                boolean allEqual = true;
                double first = Double.NaN;
                for (int row = offset; row < end; row++) {
                    double v = x[row] + 0.0;
                    if (Double.isFinite(v)) {
                        double dev = v - mean;
                        squares += dev * dev;
                        first = first == first ? first : v;
                        allEqual &= v == first;
                    }
                }
                sd = sd(m, squares, allEqual);
            }
            switch (output) {
                case COUNT -> broadcast(out, offset, width, m);
                case MEAN -> broadcast(out, offset, width, mean);
                case STD -> broadcast(out, offset, width, sd);
                case DEMEAN -> {
                    for (int row = offset; row < end; row++) {
                        double v = x[row];
                        out[row] = Double.isFinite(v) ? (v + 0.0) - mean : Double.NaN;
                    }
                }
                default -> {
                    if (!(sd > 0)) { // no z-score where the sd is 0 or NaN
                        broadcast(out, offset, width, Double.NaN);
                        return;
                    }
                    for (int row = offset; row < end; row++) {
                        double v = x[row];
                        out[row] = Double.isFinite(v) ? ((v + 0.0) - mean) / sd : Double.NaN;
                    }
                }
            }
        }
    }
}
