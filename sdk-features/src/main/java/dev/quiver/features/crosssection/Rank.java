package dev.quiver.features.crosssection;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Cross-sectional rank, {@code xs_rank(x, ties=average, pct=false)}: each value's rank among the date's values,
 * ascending (1 = smallest).
 *
 * <ul>
 *   <li><b>Ties.</b> {@code average} (the mean of the tied positions: R's and pandas' default), {@code min},
 *       {@code max}, {@code dense} (1, 2, 3 over distinct values), {@code ordinal} (ties broken by row order, rows
 *       in symbol order: R's {@code ties.method = "first"}, pandas' {@code method="first"}).</li>
 *   <li><b>Percentile</b> ({@code pct=true}): {@code (rank − 1)/(R − 1)} in [0, 1], where {@code R} is the largest
 *       rank the method can give: the number of values, or for {@code dense} the number of distinct values. The
 *       smallest value maps to 0 and the largest to 1 (for {@code average}, all-tied values map to 0.5). With
 *       {@code R = 1} (one value, or all equal under {@code dense}) the percentile is 0.5.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞) are excluded and get no rank ({@code NaN}); the others are ranked
 *       among themselves. {@code −0.0} equals {@code 0.0}.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable.
 */
public final class Rank {
    /** The published description of {@code xs_rank}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("xs_rank", "crosssection",
            OperatorKind.CROSS_SECTIONAL, "Rank within each date, ascending (1 = smallest), or its percentile",
            List.of(ParamSpec.ofChoice("ties", "average", List.of("average", "min", "max", "dense", "ordinal"),
                            "how tied values are ranked; ordinal breaks ties in symbol order"),
                    ParamSpec.ofBoolean("pct", false, "give (rank-1)/(R-1) in [0,1] instead of the rank")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final int AVERAGE = 0;
    private static final int MIN = 1;
    private static final int MAX = 2;
    private static final int DENSE = 3;
    private static final int ORDINAL = 4;

    private Rank() {
    }

    private static final class Kernel extends CrossSectionKernel {
        private final int ties;
        private final boolean pct;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs);
            ties = switch (params.getChoice("ties")) {
                case "average" -> AVERAGE;
                case "min" -> MIN;
                case "max" -> MAX;
                case "dense" -> DENSE;
                case "ordinal" -> ORDINAL;
                default -> throw new IllegalArgumentException("xs_rank: unknown ties method '"
                        + params.getChoice("ties") + "'");
            };
            this.pct = params.getBoolean("pct");
        }

        @Override
        boolean writesEveryRow() {
            return true;
        }

        @Override
        void computeDate(double[][] in, int offset, int width, double[] out, Scratch s) {
            int m = gather(in[0], offset, width, s);
            if (m < width) {
                broadcast(out, offset, width, Double.NaN); // the missing values' rows
            }
            if (m == 0) {
                return;
            }
            s.sortIndexed(m);
            int[] order = s.order;
            long[] keys = s.sortedKeys; // equal keys are equal values
            int[] rows = s.rows;
            boolean tied = false;
            for (int i = 1; i < m; i++) {
                tied |= keys[i] == keys[i - 1];
            }
            if (!tied) {
                // every method ranks the value at sorted position t as t + 1, of R = m
                double top = m - 1;
                for (int t = 0; t < m; t++) {
                    double rank = t + 1;
                    out[rows[order[t]]] = pct ? (top == 0 ? 0.5 : (rank - 1) / top) : rank;
                }
                return;
            }
            int distinct = 0;
            if (ties == DENSE && pct) {
                distinct = 1;
                for (int i = 1; i < m; i++) {
                    if (keys[i] != keys[i - 1]) {
                        distinct++;
                    }
                }
            }
            double top = (ties == DENSE ? distinct : m) - 1;
            int dense = 0;
            // walk the groups of equal values in sorted order; positions are 0-based, ranks 1-based
            for (int i = 0; i < m; ) {
                long v = keys[i];
                int j = i + 1;
                while (j < m && keys[j] == v) {
                    j++;
                }
                dense++;
                for (int t = i; t < j; t++) {
                    double rank = switch (ties) {
                        case AVERAGE -> (i + 1 + j) * 0.5;
                        case MIN -> i + 1;
                        case MAX -> j;
                        case DENSE -> dense;
                        default -> t + 1; // the sort is stable: tied values keep their symbol order
                    };
                    if (pct) {
                        rank = top == 0 ? 0.5 : (rank - 1) / top;
                    }
                    out[rows[order[t]]] = rank;
                }
                i = j;
            }
        }
    }
}
