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
 * Money flow index, {@code mfi(n)}: {@code 100 · P / (P + N)}, where {@code P} and {@code N} are the sums over the
 * last {@code n} bars of the money flow ({@code tp · volume}, {@code tp = (high + low + close)/3}) of the bars whose
 * typical price rose, and fell, from the bar before.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 2 to 100,000; default 14 (TA-Lib's).</li>
 *   <li><b>Inputs.</b> {@code high, low, close, volume}.</li>
 *   <li><b>Warm-up.</b> {@code n} rows: the first bar has no change (TA-Lib's lookback, and R TTR's).</li>
 *   <li><b>Output scale.</b> 0 to 100; a bar whose typical price is unchanged counts in neither sum. <b>0 where
 *       {@code P + N < 1}</b>, as TA-Lib: the sums are running sums, which after cancellation can hold a rounding
 *       residue instead of 0, and this threshold (in price × volume units) keeps a window without money flow from
 *       dividing residues. R TTR's {@code MFI(HLC, volume, n)} (0.24.3) agrees to rounding except that it counts a
 *       bar with an unchanged typical price as negative flow (TA-Lib: neither), so the {@code n} windows holding
 *       such a bar differ (tested on AAPL).</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_MFI}: subtract the leaving bar's flow, add the new one,
 *       {@code 100·(P/(P+N))}); the outputs equal TA-Lib's bit for bit.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): a window operator: the bar outputs {@code NaN}, the
 *       state restarts, and output resumes {@code n + 1} bars after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Mfi {
    /** The published description of {@code mfi}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("mfi", "momentum",
            OperatorKind.TIME_SERIES, "Money flow index, 0..100",
            List.of(ParamSpec.ofInt("n", 14, 2, 100_000, "window in bars")),
            List.of("high", "low", "close", "volume"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Mfi() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n"));
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(n);
            MemorySegment high = in[0];
            MemorySegment low = in[1];
            MemorySegment close = in[2];
            MemorySegment volume = in[3];
            MemorySegment result = out[0];
            for (int i = from; i < to; i++) {
                result.setAtIndex(D, i, state.next(high.getAtIndex(D, i), low.getAtIndex(D, i),
                        close.getAtIndex(D, i), volume.getAtIndex(D, i)));
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(n);
        }
    }

    private static final class State extends MultiInputState {
        private static final long NEGATIVE_ZERO = Long.MIN_VALUE;

        private final int n;
        private final double[] positive;
        private final double[] negative;
        private int next;
        private int flows;           // flows in the window, up to n
        private boolean started;
        private double previous;     // the previous bar's typical price
        private double positiveSum;
        private double negativeSum;

        State(int n) {
            super(4, 1);
            this.n = n;
            this.positive = new double[n];
            this.negative = new double[n];
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = next(in[0], in[1], in[2], in[3]);
        }

        /** One bar: the arithmetic both forms share. */
        double next(double high, double low, double close, double volume) {
            if (Bars.anyMissing(high, low, close, volume)) {
                clear();
                return Double.NaN;
            }
            double tp = (high + low + close) / 3.0;
            if (!started) {
                started = true;
                previous = tp;
                return Double.NaN;
            }
            if (flows == n) { // the leaving bar's flow first, as TA-Lib
                positiveSum -= positive[next];
                negativeSum -= negative[next];
            }
            double change = tp - previous;
            previous = tp;
            long flow = Double.doubleToRawLongBits(tp * volume);
            // TA-Lib's three branches as integer selects (a random walk's up and down bars would mispredict a branch
            // on every other bar): the flow goes to the side of the change and 0 to the other; the sum that does
            // not take it adds −0.0, which leaves every value as it is, bit for bit
            long up = change > 0 ? -1L : 0L;
            long down = change < 0 ? -1L : 0L;
            positive[next] = Double.longBitsToDouble(flow & up);
            negative[next] = Double.longBitsToDouble(flow & down);
            positiveSum += Double.longBitsToDouble((flow & up) | (NEGATIVE_ZERO & ~up));
            negativeSum += Double.longBitsToDouble((flow & down) | (NEGATIVE_ZERO & ~down));
            next = next + 1 == n ? 0 : next + 1;
            if (flows < n) {
                flows++;
                if (flows < n) {
                    return Double.NaN;
                }
            }
            double total = positiveSum + negativeSum;
            return total < 1.0 ? 0.0 : 100.0 * (positiveSum / total);
        }

        @Override
        protected void clear() {
            next = 0;
            flows = 0;
            started = false;
            positiveSum = 0.0;
            negativeSum = 0.0;
        }
    }
}
