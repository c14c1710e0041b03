package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.Operator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Commodity channel index, {@code cci(n)}: {@code (tp − mean)/(0.015 · mad)}, where {@code tp = (high + low +
 * close)/3} is the typical price and {@code mean} and {@code mad} are its mean and mean absolute deviation about
 * that mean over the last {@code n} bars.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 2 to 100,000; default 14 (TA-Lib's; TTR's default is
 *       20).</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows (TA-Lib's lookback, and R TTR's).</li>
 *   <li><b>Output scale.</b> Unbounded, about ±100 for typical bars (Lambert's constant 0.015); 0 where
 *       {@code tp} equals the mean or the deviation is 0, as TA-Lib. R TTR's {@code CCI(HLC, n)} agrees to
 *       rounding.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_CCI}): both sums are recomputed over a ring of the window's typical
 *       prices, in ring order, each bar (O(n) per bar); the outputs equal TA-Lib's bit for bit.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): a window operator: every window that holds a
 *       missing bar outputs {@code NaN}; output resumes {@code n} bars after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Cci {
    /** The published description of {@code cci}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("cci", "momentum",
            OperatorKind.TIME_SERIES, "Commodity channel index of the typical price (H+L+C)/3",
            List.of(ParamSpec.ofInt("n", 14, 2, 100_000, "window in bars")),
            List.of("high", "low", "close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Cci() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(n);
            MemorySegment high = in[0];
            MemorySegment low = in[1];
            MemorySegment close = in[2];
            MemorySegment result = out[0];
            for (int i = from; i < to; i++) {
                result.setAtIndex(D, i, state.next(high.getAtIndex(D, i), low.getAtIndex(D, i),
                        close.getAtIndex(D, i)));
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(n);
        }
    }

    private static final class State extends MultiInputState {
        private final int n;
        private final double[] ring;
        private int next;
        private int seen;

        State(int n) {
            super(3, 1);
            this.n = n;
            this.ring = new double[n];
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = next(in[0], in[1], in[2]);
        }

        /** One bar: the arithmetic both forms share. */
        double next(double high, double low, double close) {
            if (Bars.anyMissing(high, low, close)) {
                clear();
                return Double.NaN;
            }
            double tp = (high + low + close) / 3;
            ring[next] = tp;
            next = next + 1 == n ? 0 : next + 1;
            if (seen < n) {
                seen++;
                if (seen < n) {
                    return Double.NaN;
                }
            }
            // ring order, not time order: TA-Lib's sums, so that the bits agree
            double mean = 0.0;
            for (int j = 0; j < n; j++) {
                mean += ring[j];
            }
            mean /= n;
            double deviation = 0.0;
            for (int j = 0; j < n; j++) {
                deviation += Math.abs(ring[j] - mean);
            }
            double distance = tp - mean;
            return distance != 0.0 && deviation != 0.0 ? distance / (0.015 * (deviation / n)) : 0.0;
        }

        @Override
        protected void clear() {
            next = 0;
            seen = 0;
        }
    }
}
