package dev.quiver.features.overlays;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.volatility.RollingVariance;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Bollinger Bands, {@code bbands(n, k)}: the simple moving average of the last {@code n} values ({@code middle})
 * and {@code k} population standard deviations above and below it ({@code upper}, {@code lower}). Output columns
 * {@code bbands(20,2).upper}, {@code .middle}, {@code .lower}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window length, 1 to 100,000, default 5 (TA-Lib's {@code BBANDS}
 *       default; Bollinger's own is 20); {@code k}, the band width in standard deviations, 0 to 1,000, default 2.
 *       TA-Lib's separate upper and lower widths and its choice of moving average are not offered: the middle band
 *       is always the SMA, TA-Lib's default.</li>
 *   <li><b>Input.</b> One column, default {@code close}; for TTR's {@code BBands(HLC)} pass a typical-price column.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows (TA-Lib and TTR agree).</li>
 *   <li><b>sd divisor.</b> {@code n}, the population standard deviation, as TA-Lib and TTR ({@code BBands} uses
 *       {@code sd(..., sample = FALSE)}).</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> The middle band is TA-Lib's SMA, bit for bit; the deviation comes from {@link
 *       RollingVariance} (accurate at any price level, see {@code stddev}); the bands are
 *       {@code middle ± sd·k} in TA-Lib's order. They agree with TA-Lib's {@code BBANDS} within TA-Lib's rounding
 *       error of {@code E[x²] − E[x]²} and with TTR within 1e-12 relative.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN} in all three
 *       bands; the output resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Bbands {
    /** TA-Lib's default window length. */
    public static final int DEFAULT_N = 5;

    /** The published description of {@code bbands}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("bbands", "overlays",
            OperatorKind.TIME_SERIES, "Bollinger Bands: SMA(n) and k population standard deviations around it",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars"),
                    ParamSpec.ofDouble("k", 2.0, 0.0, 1_000.0, "band width in standard deviations")),
            List.of("close"), List.of("upper", "middle", "lower"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Bbands() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;
        private final double k;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
            this.k = params.getDouble("k");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            // State.next with RollingVariance.add and variance(0) inlined, the running values in locals (the JIT keeps
            // them in registers; fields are read and written through memory every bar): the same operations in the
            // same order, so the outputs equal the state's bit for bit. The SMA's ring and the variance's ring hold
            // the same values, so one ring serves both; the value leaving the window is read before it is overwritten.
            MemorySegment in0 = in[0];
            MemorySegment upper = out[0];
            MemorySegment middleOut = out[1];
            MemorySegment lower = out[2];
            double[] ring = new double[n];
            int next = 0;
            int run = 0;
            double partial = 0.0;
            int sinceAnchor = 0;
            double anchor = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            for (int i = from; i < to; i++) {
                double x = in0.getAtIndex(D, i);
                if (!Double.isFinite(x)) {
                    partial = 0.0;
                    run = 0;
                    next = 0;
                    sinceAnchor = 0;
                    upper.setAtIndex(D, i, Double.NaN);
                    middleOut.setAtIndex(D, i, Double.NaN);
                    lower.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                double total = partial + x;
                if (run == 0) {
                    anchor = x;
                    s1 = 0.0;
                    s2 = 0.0;
                    sinceAnchor = 0;
                }
                if (run == n) {
                    double d = ring[next] - anchor; // the oldest value leaves the window
                    s1 -= d;
                    s2 -= d * d;
                } else {
                    run++;
                }
                ring[next] = x;
                next = next + 1 == n ? 0 : next + 1;
                double d = x - anchor;
                s1 += d;
                s2 += d * d;
                if (++sinceAnchor >= n) { // RollingVariance.reanchor
                    anchor = x;
                    double a = 0.0;
                    double b = 0.0;
                    int start = next - run;
                    if (start < 0) {
                        start += n;
                    }
                    for (int m = 0, j = start; m < run; m++) {
                        double e = ring[j] - anchor;
                        a += e;
                        b += e * e;
                        j = j + 1 == n ? 0 : j + 1;
                    }
                    s1 = a;
                    s2 = b;
                    sinceAnchor = 0;
                }
                if (run < n) {
                    partial = total;
                    upper.setAtIndex(D, i, Double.NaN);
                    middleOut.setAtIndex(D, i, Double.NaN);
                    lower.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                partial = total - ring[next]; // the oldest value of the window, which leaves it next
                double middle = total / n;
                double variance = (s2 - s1 * s1 / n) / n;
                double width = Math.sqrt(variance > 0.0 ? variance : 0.0) * k;
                upper.setAtIndex(D, i, middle + width);
                middleOut.setAtIndex(D, i, middle);
                lower.setAtIndex(D, i, middle - width);
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n, k);
        }
    }

    /** The incremental state: TA-Lib's SMA running sum beside the rolling variance. */
    private static final class State extends MultiInputState {
        private final int n;
        private final double k;
        private final double[] ring;
        private final RollingVariance variance;
        private int next;
        private int run;
        private double partial;

        State(int n, double k) {
            super(1, 3);
            this.n = n;
            this.k = k;
            this.ring = new double[n];
            this.variance = new RollingVariance(n);
        }

        double out0; // the last bar's outputs
        double out1;
        double out2;

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0]);
            out[0] = out0;
            out[1] = out1;
            out[2] = out2;
        }

        /** One bar, into the {@code out} fields: the arithmetic both forms share. */
        void next(double x) {
            out0 = out1 = out2 = Double.NaN;
            if (!Double.isFinite(x)) {
                clear();
                out0 = out1 = out2 = Double.NaN;
                return;
            }
            double total = partial + x;
            ring[next] = x;
            next = next + 1 == n ? 0 : next + 1;
            if (run < n) {
                run++;
            }
            variance.add(x);
            if (run < n) {
                partial = total;
                out0 = out1 = out2 = Double.NaN;
                return;
            }
            partial = total - ring[next]; // the oldest value of the window, which leaves it next
            double middle = total / n;
            double width = Math.sqrt(variance.variance(0)) * k;
            out0 = middle + width;
            out1 = middle;
            out2 = middle - width;
        }

        @Override
        protected void clear() {
            partial = 0.0;
            run = 0;
            next = 0;
            variance.clear();
        }
    }
}
