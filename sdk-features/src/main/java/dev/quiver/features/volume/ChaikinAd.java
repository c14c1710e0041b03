package dev.quiver.features.volume;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.Operator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Chaikin accumulation/distribution line, {@code ad}: the running total of each bar's volume weighted by where the
 * close lies in the bar's range, the close location value {@code clv = ((c − l) − (h − c)) / (h − l)} in
 * {@code [−1, 1]}.
 *
 * <ul>
 *   <li><b>Parameters.</b> None.</li>
 *   <li><b>Inputs.</b> {@code high}, {@code low}, {@code close}, {@code volume}.</li>
 *   <li><b>Seeding and warm-up.</b> The total starts at 0, so the first output is the first bar's
 *       {@code clv·v}; no warm-up rows (TA-Lib's {@code AD} and R TTR's {@code chaikinAD} agree).</li>
 *   <li><b>Output scale.</b> The volume's units; the level depends on where the series starts.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: {@code ad += (((c − l) − (h − c)) / (h − l)) · v} when {@code h − l > 0};
 *       a bar with {@code h − l ≤ 0} adds nothing (TTR sets its {@code clv} to 0 when {@code h = l}). The outputs
 *       equal TA-Lib's {@code AD} bit for bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞ in any input): the bar outputs {@code NaN} and the total is left
 *       unchanged.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class ChaikinAd {
    /** The published description of {@code ad}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("ad", "volume",
            OperatorKind.TIME_SERIES, "Chaikin accumulation/distribution line: running total of clv * volume",
            List.of(), List.of("high", "low", "close", "volume"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private ChaikinAd() {
    }

    /** Whether every value of the bar is finite. */
    static boolean complete(double h, double l, double c, double v) {
        return Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(c) && Double.isFinite(v);
    }

    /** The bar's contribution to the line, as TA-Lib computes it. */
    static double flow(double h, double l, double c, double v) {
        double range = h - l;
        return range > 0.0 ? (((c - l) - (h - c)) / range) * v : 0.0;
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, 0);
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            MemorySegment high = in[0];
            MemorySegment low = in[1];
            MemorySegment close = in[2];
            MemorySegment volume = in[3];
            MemorySegment o = out[0];
            double ad = 0.0;
            for (int i = from; i < to; i++) {
                double h = high.getAtIndex(D, i);
                double l = low.getAtIndex(D, i);
                double c = close.getAtIndex(D, i);
                double v = volume.getAtIndex(D, i);
                if (complete(h, l, c, v)) {
                    ad += flow(h, l, c, v);
                    o.setAtIndex(D, i, ad);
                } else {
                    o.setAtIndex(D, i, Double.NaN);
                }
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State();
        }
    }

    /** The incremental state: the same arithmetic as {@link Kernel}. */
    private static final class State extends MultiInputState {
        private double ad;

        State() {
            super(4, 1);
        }

        @Override
        protected void step(double[] in, double[] out) {
            if (complete(in[0], in[1], in[2], in[3])) {
                ad += flow(in[0], in[1], in[2], in[3]);
                out[0] = ad;
            } else {
                out[0] = Double.NaN;
            }
        }

        @Override
        protected void clear() {
            ad = 0.0;
        }
    }
}
