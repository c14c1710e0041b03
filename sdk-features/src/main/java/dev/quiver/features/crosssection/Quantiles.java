package dev.quiver.features.crosssection;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * The cross-sectional operators bounded by a date's quantiles: {@code xs_winsorize(x, lower_q=0.01, upper_q=0.99)}
 * pulls values below the lower quantile up to it and values above the upper quantile down to it;
 * {@code xs_clip(x, lower_q=0.01, upper_q=0.99)} removes them instead (they become missing, {@code NaN}), keeping
 * the values within the bounds unchanged.
 *
 * <ul>
 *   <li><b>Quantiles.</b> R's default, type 7 (also numpy's {@code linear} and pandas'): for probability
 *       {@code p} over the {@code n} sorted non-missing values {@code x[1..n]}, {@code h = 1 + (n − 1)·p},
 *       {@code q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌈h⌉] − x[⌊h⌋])}, computed as R does, {@code (1 − f)·x[⌊h⌋] + f·x[⌈h⌉]},
 *       and exactly {@code x[⌊h⌋]} when the two neighbours are equal.</li>
 *   <li><b>Parameters.</b> {@code 0 ≤ lower_q ≤ upper_q ≤ 1}.</li>
 *   <li><b>Missing values</b> are excluded from the quantiles and stay missing.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable.
 */
public final class Quantiles {
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.ofDouble("lower_q", 0.01, 0, 1, "lower quantile probability (R type 7)"),
            ParamSpec.ofDouble("upper_q", 0.99, 0, 1, "upper quantile probability (R type 7)"));

    /** {@code xs_winsorize}: values clamped to the date's quantiles. */
    public static final OperatorDescriptor WINSORIZE = new OperatorDescriptor("xs_winsorize", "crosssection",
            OperatorKind.CROSS_SECTIONAL, "Values clamped to the date's lower_q and upper_q quantiles (R type 7)",
            PARAMS, List.of("close"), List.of(""));
    /** {@code xs_clip}: values outside the date's quantiles removed. */
    public static final OperatorDescriptor CLIP = new OperatorDescriptor("xs_clip", "crosssection",
            OperatorKind.CROSS_SECTIONAL, "Values outside the date's lower_q and upper_q quantiles made missing",
            PARAMS, List.of("close"), List.of(""));

    /** The operators, in listing order. */
    public static final List<Operator> OPERATORS = List.of(
            Operator.of(WINSORIZE, (d, p, in) -> new Kernel(d, p, in, false)),
            Operator.of(CLIP, (d, p, in) -> new Kernel(d, p, in, true)));

    private Quantiles() {
    }

    /**
     * The type-7 quantile of the {@code m} sorted values, as R computes it.
     */
    static double quantile(double[] sorted, int m, double p) {
        // R's arithmetic, 1-based, so that the fraction h rounds as R's does
        double index = 1 + (m - 1) * p;
        double lo = Math.floor(index);
        double hi = Math.ceil(index);
        double q = sorted[(int) lo - 1];
        double above = sorted[(int) hi - 1];
        if (index > lo && above != q) {
            double h = index - lo;
            q = (1 - h) * q + h * above;
        }
        return q;
    }

    private static final class Kernel extends CrossSectionKernel {
        private final double lowerQ;
        private final double upperQ;
        private final boolean remove;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, boolean remove) {
            super(descriptor, params, inputs);
            this.lowerQ = params.getDouble("lower_q");
            this.upperQ = params.getDouble("upper_q");
            this.remove = remove;
            if (lowerQ > upperQ) {
                throw new IllegalArgumentException("operator '" + descriptor.name() + "': lower_q " + lowerQ
                        + " is above upper_q " + upperQ);
            }
        }

        @Override
        void computeDate(double[][] in, int offset, int width, double[] out, Scratch s) {
            int m = gather(in[0], offset, width, s);
            if (m == 0) {
                return;
            }
            s.sort(m);
            double lo = quantile(s.sorted, m, lowerQ);
            double hi = quantile(s.sorted, m, upperQ);
            for (int i = 0; i < m; i++) {
                double v = s.values[i];
                double y;
                if (remove) {
                    y = v < lo || v > hi ? Double.NaN : v;
                } else {
                    y = v < lo ? lo : (v > hi ? hi : v);
                }
                out[s.rows[i]] = y;
            }
        }
    }
}
