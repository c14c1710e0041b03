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
 * Ultimate oscillator, {@code ultosc(n1, n2, n3)}: {@code 100 · (4·A1 + 2·A2 + A3)/7}, where {@code Ai} is the sum
 * of the buying pressure {@code close − min(low, previous close)} over the last {@code ni} bars divided by the sum
 * of the true range over the same bars.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n1}, {@code n2}, {@code n3}, 1 to 100,000, ascending; defaults 7, 14, 28
 *       (TA-Lib's). The weights 4, 2, 1 are fixed, as in TA-Lib. (TA-Lib sorts the three lengths silently; here
 *       lengths out of order are an error, so the column name says what was computed.)</li>
 *   <li><b>Inputs.</b> {@code high, low, close}.</li>
 *   <li><b>Warm-up.</b> {@code n3} rows: the first bar has no previous close (TA-Lib's lookback, and R TTR's).</li>
 *   <li><b>Output scale.</b> 0 to 100. A term whose true-range sum is within 1e-8 of 0 is left out (contributes 0),
 *       as TA-Lib: the sums are running sums, which after cancellation can hold a rounding residue instead of 0. R
 *       TTR's {@code ultimateOscillator(HLC, c(7, 14, 28), c(4, 2, 1))} agrees to rounding.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_ULTOSC}: running sums, add the new bar, combine
 *       {@code 100·(out/7)}, subtract the leaving bars); the outputs equal TA-Lib's bit for bit.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): a window operator: the bar outputs {@code NaN}, the
 *       state restarts, and output resumes {@code n3 + 1} bars after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class UltOsc {
    /** The published description of {@code ultosc}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("ultosc", "momentum",
            OperatorKind.TIME_SERIES, "Ultimate oscillator, weights 4, 2, 1, 0..100",
            List.of(ParamSpec.ofInt("n1", 7, 1, 100_000, "shortest window in bars (weight 4)"),
                    ParamSpec.ofInt("n2", 14, 1, 100_000, "middle window in bars (weight 2)"),
                    ParamSpec.ofInt("n3", 28, 1, 100_000, "longest window in bars (weight 1)")),
            List.of("high", "low", "close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    /** TA-Lib's {@code TA_IS_ZERO}. */
    private static final double ZERO = 0.00000001;

    private UltOsc() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int[] n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n3"));
            this.n = new int[] {params.getInt("n1"), params.getInt("n2"), params.getInt("n3")};
            if (n[0] > n[1] || n[1] > n[2]) {
                throw new IllegalArgumentException("ultosc: the lengths " + n[0] + ", " + n[1] + ", " + n[2]
                        + " are not ascending; give the shortest (weight 4) first");
            }
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(n[0], n[1], n[2]);
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
            return new State(n[0], n[1], n[2]);
        }
    }

    private static final class State extends MultiInputState {
        private final int n1;
        private final int n2;
        private final int n3;
        private final double[] pressure; // the last n3 bars' terms, by bar number modulo n3
        private final double[] range;
        private boolean started;
        private double previousClose;
        private int terms;               // terms since the start, capped at n3
        private int last = -1;           // the newest term's slot
        private double a1;
        private double a2;
        private double a3;
        private double b1;
        private double b2;
        private double b3;

        State(int n1, int n2, int n3) {
            super(3, 1);
            this.n1 = n1;
            this.n2 = n2;
            this.n3 = n3;
            this.pressure = new double[n3];
            this.range = new double[n3];
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
            if (!started) {
                started = true;
                previousClose = close;
                return Double.NaN;
            }
            double trueLow = low < previousClose ? low : previousClose;
            double bp = close - trueLow;
            double tr = high - low;
            double t = Math.abs(previousClose - high);
            if (t > tr) {
                tr = t;
            }
            t = Math.abs(previousClose - low);
            if (t > tr) {
                tr = t;
            }
            previousClose = close;
            last = last + 1 == n3 ? 0 : last + 1;
            pressure[last] = bp;
            range[last] = tr;
            // TA-Lib primes each window's sums with its first n − 1 terms before the first output
            if (terms < n3) {
                terms++;
                if (terms > n3 - n1) {
                    a1 += bp;
                    b1 += tr;
                }
                if (terms > n3 - n2) {
                    a2 += bp;
                    b2 += tr;
                }
                a3 += bp;
                b3 += tr;
                if (terms < n3) {
                    return Double.NaN;
                }
            } else {
                a1 += bp;
                a2 += bp;
                a3 += bp;
                b1 += tr;
                b2 += tr;
                b3 += tr;
            }
            double sum = 0.0;
            if (!isZero(b1)) {
                sum += 4.0 * (a1 / b1);
            }
            if (!isZero(b2)) {
                sum += 2.0 * (a2 / b2);
            }
            if (!isZero(b3)) {
                sum += a3 / b3;
            }
            double result = 100.0 * (sum / 7.0);
            int s1 = slot(n1);
            a1 -= pressure[s1];
            b1 -= range[s1];
            int s2 = slot(n2);
            a2 -= pressure[s2];
            b2 -= range[s2];
            int s3 = slot(n3);
            a3 -= pressure[s3];
            b3 -= range[s3];
            return result;
        }

        /** The slot of the oldest term of an {@code n}-bar window ending at the newest term. */
        private int slot(int n) {
            int s = last - (n - 1);
            return s < 0 ? s + n3 : s;
        }

        private static boolean isZero(double v) {
            return -ZERO < v && v < ZERO;
        }

        @Override
        protected void clear() {
            started = false;
            terms = 0;
            last = -1;
            a1 = 0.0;
            a2 = 0.0;
            a3 = 0.0;
            b1 = 0.0;
            b2 = 0.0;
            b3 = 0.0;
        }
    }
}
