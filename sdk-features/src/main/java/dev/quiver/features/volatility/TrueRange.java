package dev.quiver.features.volatility;

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
 * Wilder's true range, {@code trange()}: {@code max(high − low, |high − previous close|, |low − previous close|)}.
 *
 * <ul>
 *   <li><b>Parameters.</b> None.</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Warm-up.</b> 1 row: the first bar has no previous close, so its true range is {@code NaN}. TA-Lib
 *       ({@code TRANGE}) and R TTR ({@code ATR(HLC)[, "tr"]}) agree.</li>
 *   <li><b>Output scale.</b> The price's units.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: {@code h − l}, then replaced by {@code |c₋₁ − h|} or {@code |c₋₁ − l|} if
 *       larger; the outputs equal TA-Lib's {@code TRANGE} bit for bit.</li>
 *   <li><b>Missing values.</b> A bar with a missing high, low or close outputs {@code NaN} and is skipped: the next
 *       bar's true range uses the last complete bar's close.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class TrueRange {
    /** The published description of {@code trange}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("trange", "volatility",
            OperatorKind.TIME_SERIES, "Wilder's true range: max(h - l, |h - previous c|, |l - previous c|)",
            List.of(), List.of("high", "low", "close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private TrueRange() {
    }

    /** The true range of a bar, in TA-Lib's order of operations. */
    public static double of(double high, double low, double previousClose) {
        double greatest = high - low;
        double fromHigh = Math.abs(previousClose - high);
        if (fromHigh > greatest) {
            greatest = fromHigh;
        }
        double fromLow = Math.abs(previousClose - low);
        if (fromLow > greatest) {
            greatest = fromLow;
        }
        return greatest;
    }

    /** Whether a bar's high, low and close are all finite. */
    static boolean complete(double high, double low, double close) {
        return Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close);
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, 1);
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State();
            MemorySegment in0 = in[0];
            MemorySegment in1 = in[1];
            MemorySegment in2 = in[2];
            MemorySegment result0 = out[0];
            for (int i = from; i < to; i++) {
                state.next(in0.getAtIndex(D, i), in1.getAtIndex(D, i), in2.getAtIndex(D, i));
                result0.setAtIndex(D, i, state.out0);
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State();
        }
    }

    /** The incremental state: the last complete bar's close. */
    private static final class State extends MultiInputState {
        private double previousClose = Double.NaN;

        State() {
            super(3, 1);
        }

        double out0; // the last bar's outputs

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0], in[1], in[2]);
            out[0] = out0;
        }

        /** One bar, into the {@code out} fields: the arithmetic both forms share. */
        void next(double h, double l, double c) {
            out0 = Double.NaN;
            if (!complete(h, l, c)) {
                out0 = Double.NaN;
                return;
            }
            out0 = Double.isNaN(previousClose) ? Double.NaN : of(h, l, previousClose);
            previousClose = c;
        }

        @Override
        protected void clear() {
            previousClose = Double.NaN;
        }
    }
}
