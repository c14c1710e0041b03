package dev.quiver.features.volume;

import dev.quiver.api.feature.IncrementalKernel;
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
 * Chaikin A/D oscillator, {@code adosc(fast, slow)}: the fast EMA of the {@link ChaikinAd A/D line} minus its slow
 * EMA.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code fast}, default 3, and {@code slow}, default 10, each 2 to 100,000 bars (TA-Lib's
 *       defaults and ranges). Each EMA has {@code α = 2/(period+1)}; {@code fast > slow} is allowed and flips the
 *       sign.</li>
 *   <li><b>Inputs.</b> {@code high}, {@code low}, {@code close}, {@code volume}.</li>
 *   <li><b>Seeding and warm-up.</b> TA-Lib's: both EMAs start at the first bar's A/D value (not at a simple mean,
 *       unlike TA-Lib's own {@code EMA}), and the first {@code max(fast, slow) − 1} outputs are withheld while the
 *       EMAs settle: {@code max(fast, slow) − 1} warm-up rows. R TTR has no Chaikin oscillator
 *       ({@code chaikinVolatility} is another indicator).</li>
 *   <li><b>Output scale.</b> The volume's units.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: {@code ema = (k·ad) + ((1 − k)·ema)} for each EMA, output
 *       {@code fast − slow}. The outputs equal TA-Lib's {@code ADOSC} bit for bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞ in any input): the bar outputs {@code NaN} and the line and both EMAs
 *       are left unchanged; missing bars do not count towards the warm-up.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class ChaikinOscillator {
    /** TA-Lib's default fast period. */
    public static final int DEFAULT_FAST = 3;
    /** TA-Lib's default slow period. */
    public static final int DEFAULT_SLOW = 10;

    /** The published description of {@code adosc}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("adosc", "volume",
            OperatorKind.TIME_SERIES, "Chaikin A/D oscillator: EMA(fast) - EMA(slow) of the A/D line",
            List.of(ParamSpec.ofInt("fast", DEFAULT_FAST, 2, 100_000, "fast EMA period in bars"),
                    ParamSpec.ofInt("slow", DEFAULT_SLOW, 2, 100_000, "slow EMA period in bars")),
            List.of("high", "low", "close", "volume"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private ChaikinOscillator() {
    }

    private static int warmUpOf(Params params) {
        return Math.max(params.getInt("fast"), params.getInt("slow")) - 1;
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private final int fast;
        private final int slow;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, warmUpOf(params));
            this.fast = params.getInt("fast");
            this.slow = params.getInt("slow");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            MemorySegment high = in[0];
            MemorySegment low = in[1];
            MemorySegment close = in[2];
            MemorySegment volume = in[3];
            MemorySegment o = out[0];
            Recursion r = new Recursion(fast, slow);
            for (int i = from; i < to; i++) {
                o.setAtIndex(D, i, r.step(high.getAtIndex(D, i), low.getAtIndex(D, i), close.getAtIndex(D, i),
                        volume.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(fast, slow);
        }
    }

    /** The line and its two EMAs, shared by the batch and incremental forms. */
    private static final class Recursion {
        private final double fastK;
        private final double oneMinusFastK;
        private final double slowK;
        private final double oneMinusSlowK;
        private final int settle; // complete bars before the first output
        private double ad;
        private double fastEma;
        private double slowEma;
        private int seen;

        Recursion(int fast, int slow) {
            // TA-Lib's PER_TO_K and its 1 - k
            this.fastK = 2.0 / ((double) (fast + 1));
            this.oneMinusFastK = 1.0 - fastK;
            this.slowK = 2.0 / ((double) (slow + 1));
            this.oneMinusSlowK = 1.0 - slowK;
            this.settle = Math.max(fast, slow) - 1;
        }

        double step(double h, double l, double c, double v) {
            if (!ChaikinAd.complete(h, l, c, v)) {
                return Double.NaN;
            }
            ad += ChaikinAd.flow(h, l, c, v);
            if (seen == 0) {
                fastEma = ad;
                slowEma = ad;
            } else {
                fastEma = (fastK * ad) + (oneMinusFastK * fastEma);
                slowEma = (slowK * ad) + (oneMinusSlowK * slowEma);
            }
            if (seen < settle) {
                seen++;
                return Double.NaN;
            }
            seen = settle + 1; // saturate, so that no long series overflows the count
            return fastEma - slowEma;
        }
    }

    /** The incremental state. */
    private static final class State extends MultiInputState {
        private final int fast;
        private final int slow;
        private Recursion r;

        State(int fast, int slow) {
            super(4, 1);
            this.fast = fast;
            this.slow = slow;
            this.r = new Recursion(fast, slow);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = r.step(in[0], in[1], in[2], in[3]);
        }

        @Override
        protected void clear() {
            r = new Recursion(fast, slow);
        }
    }
}
