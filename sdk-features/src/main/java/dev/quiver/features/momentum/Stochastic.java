package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.SmaColumn;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * The stochastic oscillator both {@link Stoch stoch} and {@link StochF stochf} are: the fast %K of the last
 * {@code fastK} bars ({@link RangePosition}), smoothed over {@code slowK} bars into {@code k} (1: not smoothed, the
 * fast oscillator's {@code k}), and {@code k} smoothed over {@code slowD} bars into {@code d}, each by TA-Lib's
 * running-sum SMA; {@code k} is held back until {@code d} exists. Warm-up {@code (fastK − 1) + (slowK − 1) +
 * (slowD − 1)} rows, TA-Lib's lookback.
 *
 * <p>Thread-safety: the kernel is immutable; its incremental states are single-threaded.
 */
final class Stochastic {
    private Stochastic() {
    }

    /** The batch kernel: TA-Lib's passes over whole columns. Immutable. */
    static final class Kernel extends MultiInputKernel {
        private final int fastK;
        private final int slowK;
        private final int slowD;

        /**
         * @param slowK the first smoothing's length; 1 for none
         */
        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, int fastK, int slowK, int slowD) {
            super(descriptor, params, inputs, fastK - 1 + slowK - 1 + slowD - 1);
            this.fastK = fastK;
            this.slowK = slowK;
            this.slowD = slowD;
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            MemorySegment k = out[0];
            MemorySegment d = out[1];
            if (slowK == 1) {
                // the fast %K is k itself (an average of one value is that value): no pass for it
                RangePosition.compute(in[0], in[1], in[2], from, to, fastK, false, k);
            } else {
                RangePosition.compute(in[0], in[1], in[2], from, to, fastK, false, d); // d holds the fast %K first
                SmaColumn.compute(d, k, from, to, slowK);
            }
            SmaColumn.compute(k, d, from, to, slowD);
            MovingAverage.maskNaN(k, d, from, to); // k is held back until d exists
        }

        @Override
        public MultiInputState incremental() {
            return new State(fastK, slowK, slowD);
        }
    }

    /** The incremental state: the same windows and averages, one bar at a time. */
    static final class State extends MultiInputState {
        private final ExtremeWindow window;
        private final MovingAverage k; // null when slowK is 1
        private final MovingAverage d;

        State(int fastK, int slowK, int slowD) {
            super(3, 2);
            this.window = new ExtremeWindow(fastK);
            this.k = slowK == 1 ? null : new MovingAverage.Sma(slowK);
            this.d = new MovingAverage.Sma(slowD);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            if (Bars.anyMissing(in[0], in[1], in[2])) {
                clear();
                return;
            }
            window.push(in[0], in[1]);
            if (!window.full()) {
                return;
            }
            double fast = RangePosition.percentK(in[2], window.high(), window.low());
            if (Double.isNaN(fast)) { // restarts both averages
                if (k != null) {
                    k.clear();
                }
                d.clear();
                return;
            }
            double kv = k == null ? fast : k.next(fast);
            if (Double.isNaN(kv)) {
                return;
            }
            double dv = d.next(kv);
            if (!Double.isNaN(dv)) {
                out[0] = kv;
                out[1] = dv;
            }
        }

        @Override
        protected void clear() {
            window.clear();
            if (k != null) {
                k.clear();
            }
            d.clear();
        }
    }
}
