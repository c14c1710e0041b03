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
 * On-balance volume, {@code obv}: a running total of volume, added on bars whose close rose and subtracted on bars
 * whose close fell.
 *
 * <ul>
 *   <li><b>Parameters.</b> None.</li>
 *   <li><b>Inputs.</b> {@code close}, {@code volume}.</li>
 *   <li><b>Seeding and warm-up.</b> The first bar's output is its volume (TA-Lib and R TTR agree); no warm-up
 *       rows.</li>
 *   <li><b>Output scale.</b> The volume's units; the level depends on where the series starts, only its changes
 *       mean something.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: {@code obv += v} if {@code c > c_prev}, {@code obv −= v} if {@code c < c_prev},
 *       unchanged if equal. The outputs equal TA-Lib's {@code OBV} bit for bit. R TTR's {@code OBV} also counts an
 *       unchanged close as zero, and treats closes within {@code sqrt(.Machine$double.eps)} of each other as
 *       unchanged, which matters only for prices that differ in the eighth significant digit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞ in either input): the bar outputs {@code NaN} and the total is left
 *       unchanged; the next complete bar is compared with the last complete one. Leading missing bars delay the
 *       seed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Obv {
    /** The published description of {@code obv}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("obv", "volume",
            OperatorKind.TIME_SERIES, "On-balance volume: volume added on up closes, subtracted on down closes",
            List.of(), List.of("close", "volume"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final long SIGN = Long.MIN_VALUE;

    private Obv() {
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, 0);
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            MemorySegment close = in[0];
            MemorySegment volume = in[1];
            MemorySegment o = out[0];
            Accumulator acc = new Accumulator();
            for (int i = from; i < to; i++) {
                o.setAtIndex(D, i, acc.step(close.getAtIndex(D, i), volume.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State();
        }
    }

    /** The running total, shared by the batch and incremental forms. */
    private static final class Accumulator {
        private double obv;
        private double previousClose;
        private boolean started;

        double step(double c, double v) {
            if (!Double.isFinite(c) || !Double.isFinite(v)) {
                return Double.NaN;
            }
            if (!started) {
                obv = v;
                started = true;
            } else {
                obv += directed(v, c, previousClose);
            }
            previousClose = c;
            return obv;
        }

        /**
         * {@code v} if the close rose, {@code −v} if it fell, {@code −0.0} if unchanged: {@code obv + v},
         * {@code obv − v} and {@code obv} bit for bit once added ({@code x + (−0.0) == x} for every {@code x}). It
         * selects bits with integer conditional moves: a random walk's up and down closes would mispredict a branch
         * on every other bar.
         */
        private static double directed(double v, double c, double previous) {
            long keep = c == previous ? 0L : -1L;
            long flip = c < previous ? SIGN : 0L;
            long bits = (Double.doubleToRawLongBits(v) & keep) | (SIGN & ~keep);
            return Double.longBitsToDouble(bits ^ flip);
        }
    }

    /** The incremental state. */
    private static final class State extends MultiInputState {
        private Accumulator acc = new Accumulator();

        State() {
            super(2, 1);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = acc.step(in[0], in[1]);
        }

        @Override
        protected void clear() {
            acc = new Accumulator();
        }
    }
}
