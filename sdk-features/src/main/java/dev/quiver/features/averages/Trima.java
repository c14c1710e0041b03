package dev.quiver.features.averages;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.kernel.SingleInputKernel;
import dev.quiver.features.kernel.SingleInputState;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Triangular moving average, {@code trima(n)}: the mean of the last {@code n} values with triangular weights
 * (1, 2, …, peak, …, 2, 1), equal to an SMA of an SMA: {@code SMA(SMA(x, ⌈n/2⌉), ⌈n/2⌉)} for odd {@code n},
 * {@code SMA(SMA(x, n/2), n/2 + 1)} for even {@code n}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window length, 1 to 100,000; default 30 (TA-Lib's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows, as TA-Lib.</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: a numerator kept by four running adjustments per bar and multiplied by
 *       {@code 1/Σweights}; the outputs equal TA-Lib's {@code TRIMA} bit for bit. The running sums restart after
 *       every missing value. (Not in the TTR oracle.)</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN}; the output
 *       resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Trima {
    /** TA-Lib's default window length. */
    public static final int DEFAULT_N = 30;

    /** The published description of {@code trima}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("trima", "averages",
            OperatorKind.TIME_SERIES, "Triangular moving average: triangular weights over n bars (an SMA of an SMA)",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Trima() {
    }

    /** The offset in a window of length {@code n} of the value that moves from "add" to "sub". */
    static int middle(int n) {
        int half = n >> 1;
        return n % 2 == 1 ? half : half - 1;
    }

    /** {@code 1/Σweights}, as TA-Lib computes it. */
    static double factor(int n) {
        int half = n >> 1;
        int weights = n % 2 == 1 ? (half + 1) * (half + 1) : half * (half + 1);
        return 1.0 / weights;
    }

    /**
     * The batch kernel: {@link State#step}'s operations in the same order, the window read from the input instead of
     * a ring, the running sums in locals, and the seed apart from the steady loop; the state's {@code step} in a loop
     * ran at a quarter of TA-Lib's speed on {@code AllIndicatorsBenchmark}. Immutable.
     */
    private static final class Kernel extends SingleInputKernel {
        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            final int n = this.n;
            final boolean odd = n % 2 == 1;
            final int middle = middle(n);
            final double factor = factor(n);
            double numerator = 0.0;
            double numeratorSub = 0.0;
            double numeratorAdd = 0.0;
            int start = from; // the first row of the current run of finite values
            int i = from;
            while (i < to) {
                for (; i < to; i++) { // the seed: until the window is full
                    double x = in.getAtIndex(D, i);
                    out.setAtIndex(D, i, Double.NaN);
                    if (!Double.isFinite(x)) {
                        start = i + 1;
                    } else if (i - start == n - 1) {
                        int first = i - n + 1;
                        numerator = 0.0;
                        numeratorSub = 0.0;
                        for (int k = middle; k >= 0; k--) {
                            numeratorSub += in.getAtIndex(D, first + k);
                            numerator += numeratorSub;
                        }
                        numeratorAdd = 0.0;
                        for (int k = middle + 1; k < n; k++) {
                            numeratorAdd += in.getAtIndex(D, first + k);
                            numerator += numeratorAdd;
                        }
                        out.setAtIndex(D, i, numerator * factor);
                        i++;
                        break;
                    }
                }
                for (; i < to; i++) { // the steady loop, until a missing value
                    double x = in.getAtIndex(D, i);
                    if (!Double.isFinite(x)) {
                        out.setAtIndex(D, i, Double.NaN);
                        start = i + 1;
                        i++;
                        break;
                    }
                    numerator -= numeratorSub;
                    numeratorSub -= in.getAtIndex(D, i - n);
                    double moving = in.getAtIndex(D, i - n + 1 + middle);
                    numeratorSub += moving;
                    if (odd) {
                        numerator += numeratorAdd;
                        numeratorAdd -= moving;
                    } else {
                        numeratorAdd -= moving;
                        numerator += numeratorAdd;
                    }
                    numeratorAdd += x;
                    numerator += x;
                    out.setAtIndex(D, i, numerator * factor);
                }
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }
    }

    /** TA-Lib's algorithm over a ring of the window's values; the names are TA-Lib's. */
    private static final class State extends SingleInputState {
        private final int n;
        private final boolean odd;
        private final int middle;      // the offset in the window of the value that moves from "add" to "sub"
        private final double factor;
        private final double[] ring;
        private int next;
        private int run;
        private double numerator;
        private double numeratorSub;
        private double numeratorAdd;

        State(int n) {
            this.n = n;
            this.odd = n % 2 == 1;
            this.middle = middle(n);
            this.factor = factor(n);
            this.ring = new double[n];
        }

        private double at(int offset) { // the window's value at an offset from its oldest
            int j = next + offset;
            return ring[j >= n ? j - n : j];
        }

        @Override
        protected double step(double x) {
            if (!Double.isFinite(x)) {
                run = 0;
                next = 0;
                return Double.NaN;
            }
            double left = ring[next]; // the value leaving the window, once it is full
            ring[next] = x;
            next = next + 1 == n ? 0 : next + 1;
            if (run < n - 1) {
                run++;
                return Double.NaN;
            }
            if (run == n - 1) {
                run = n;
                numerator = 0.0;
                numeratorSub = 0.0;
                for (int k = middle; k >= 0; k--) {
                    numeratorSub += at(k);
                    numerator += numeratorSub;
                }
                numeratorAdd = 0.0;
                for (int k = middle + 1; k < n; k++) {
                    numeratorAdd += at(k);
                    numerator += numeratorAdd;
                }
                return numerator * factor;
            }
            numerator -= numeratorSub;
            numeratorSub -= left;
            double moving = at(middle);
            numeratorSub += moving;
            if (odd) {
                numerator += numeratorAdd;
                numeratorAdd -= moving;
            } else {
                numeratorAdd -= moving;
                numerator += numeratorAdd;
            }
            numeratorAdd += x;
            numerator += x;
            return numerator * factor;
        }

        @Override
        protected void clear() {
            run = 0;
            next = 0;
        }
    }
}
