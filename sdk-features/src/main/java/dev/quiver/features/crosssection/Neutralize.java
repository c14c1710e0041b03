package dev.quiver.features.crosssection;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.features.kernel.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * Group neutralization, {@code xs_neutralize(x, group)}: each value less the mean of its group on its date (for
 * example sector-neutral returns: {@code xs_neutralize(roc(5), sector)}).
 *
 * <ul>
 *   <li><b>Group column.</b> Any column whose values identify groups: numeric codes, or a {@code STRING} column
 *       (the feature plan reads its dictionary codes). Its default name is {@code sector}.</li>
 *   <li><b>Mean.</b> Per (date, group), as {@code xs_demean}'s: the plain mean corrected by the mean of the
 *       residuals.</li>
 *   <li><b>Missing values.</b> A row whose value or group is missing ({@code NaN}, ±∞; a missing string) gives
 *       {@code NaN} and takes no part in its group's mean. A group of one value gives 0.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable.
 */
public final class Neutralize {
    /** The published description of {@code xs_neutralize}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("xs_neutralize", "crosssection",
            OperatorKind.CROSS_SECTIONAL, "Value less the mean of its group (e.g. sector) on its date", List.of(),
            List.of("close", "sector"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (d, p, in) -> new CrossSectionKernel(d, p, in) {
                @Override
                void computeDate(double[][] in, int offset, int width, double[] out, Scratch s) {
                    neutralize(in[0], in[1], offset, width, out, s);
                }
            });

    private Neutralize() {
    }

    /** One date: {@code x} and {@code group} at {@code [offset, offset + width)}; rows left unwritten are NaN. */
    static void neutralize(double[] x, double[] group, int offset, int width, double[] out, Scratch s) {
        s.forget(); // values[] is about to hold this date's rows with a group, not a gathered column
        int m = 0;
        for (int row = offset, end = offset + width; row < end; row++) {
            double v = x[row];
            double g = group[row];
            if (Double.isFinite(v) && Double.isFinite(g)) {
                s.values[m] = v + 0.0;
                s.keys[m] = g + 0.0;
                s.rows[m++] = row;
            }
        }
        if (m == 0) {
            return;
        }
        // the distinct group keys, sorted, index the per-group sums
        double[] groups = s.sorted;
        System.arraycopy(s.keys, 0, groups, 0, m);
        Arrays.sort(groups, 0, m);
        int count = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || groups[i] != groups[count - 1]) {
                groups[count++] = groups[i];
            }
        }
        double[] sums = s.groupSums;
        int[] sizes = s.counts;
        int[] groupOf = s.dense;
        Arrays.fill(sums, 0, count, 0.0);
        Arrays.fill(sizes, 0, count, 0);
        for (int i = 0; i < m; i++) {
            int g = s.lowerBound(count, s.keys[i]);
            groupOf[i] = g;
            sums[g] += s.values[i];
            sizes[g]++;
        }
        for (int g = 0; g < count; g++) {
            sums[g] /= sizes[g];
        }
        // the residual correction, as in R's mean: keys[] is free now and holds each group's residual sum
        double[] residuals = s.keys;
        Arrays.fill(residuals, 0, count, 0.0);
        for (int i = 0; i < m; i++) {
            residuals[groupOf[i]] += s.values[i] - sums[groupOf[i]];
        }
        for (int g = 0; g < count; g++) {
            sums[g] += residuals[g] / sizes[g];
        }
        for (int i = 0; i < m; i++) {
            out[s.rows[i]] = s.values[i] - sums[groupOf[i]];
        }
    }
}
