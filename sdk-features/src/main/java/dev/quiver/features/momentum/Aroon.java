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
 * Aroon, {@code aroon(n)}, parts {@code up} and {@code down}: how recent the highest high and the lowest low of the
 * last {@code n + 1} bars are, {@code 100·(n − bars since)/n}. Its oscillator, {@code up − down}, is
 * {@link AroonOsc}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n} 2 to 100,000, default 14 (TA-Lib's; TTR's default is 20).</li>
 *   <li><b>Inputs.</b> {@code high, low}.</li>
 *   <li><b>Warm-up.</b> {@code n} rows: the window spans {@code n + 1} bars (TA-Lib's lookback).</li>
 *   <li><b>Output scale.</b> 0 to 100. Among equal highs (lows) in the window the most recent counts, as TA-Lib.
 *       R TTR's {@code aroon(HL, n)} looks at {@code n} bars, not {@code n + 1} (its first value is at row
 *       {@code n − 1}); where the extreme of the longer window is not its oldest bar (output above 0) the two agree
 *       (tested on AAPL).</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_AROON}: {@code (100.0/n)·(n − age)}); the outputs equal TA-Lib's bit
 *       for bit. TA-Lib's output order is down, up; here the parts are named.</li>
 *   <li><b>Missing values</b> (any input {@code NaN} or ±∞): a window operator: every window that holds a
 *       missing bar outputs {@code NaN}; output resumes {@code n + 1} bars after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Aroon {
    /** The published description of {@code aroon}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("aroon", "momentum",
            OperatorKind.TIME_SERIES, "Aroon up and down: recency of the n+1-bar high and low, 0..100",
            List.of(ParamSpec.ofInt("n", 14, 2, 100_000, "look-back in bars; the window spans n + 1 bars")),
            List.of("high", "low"), List.of("up", "down"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (descriptor, params, inputs) -> new Kernel(descriptor, params, inputs, false));

    private Aroon() {
    }

    /**
     * The batch kernel of {@code aroon} and {@code aroonosc}: the incremental state's arithmetic, its running values
     * in locals.
     */
    static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;
        private final boolean oscillator;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, boolean oscillator) {
            super(descriptor, params, inputs, params.getInt("n"));
            this.n = params.getInt("n");
            this.oscillator = oscillator;
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            // ExtremeWindow's comparisons over the input columns, as RangePosition does, with the extremes' rows
            // instead of their values' place in the range
            MemorySegment highIn = in[0];
            MemorySegment lowIn = in[1];
            MemorySegment first = out[0];
            MemorySegment second = oscillator ? null : out[1];
            final int n = this.n;
            final int length = n + 1;
            final double factor = 100.0 / n;
            int start = from; // the first bar of the current run of complete bars
            int highIdx = 0;
            int lowIdx = 0;
            double high = 0.0;
            double low = 0.0;
            int i = from;
            while (i < to) {
                for (; i < to; i++) { // the seed, until the window is full
                    double h = highIn.getAtIndex(D, i);
                    double l = lowIn.getAtIndex(D, i);
                    first.setAtIndex(D, i, Double.NaN);
                    if (second != null) {
                        second.setAtIndex(D, i, Double.NaN);
                    }
                    if (Bars.anyMissing(h, l)) {
                        start = i + 1;
                        continue;
                    }
                    if (i == start || h >= high) {
                        high = h;
                        highIdx = i;
                    }
                    if (i == start || l <= low) {
                        low = l;
                        lowIdx = i;
                    }
                    if (i - length + 1 == start) {
                        write(first, second, i, factor, i - highIdx, i - lowIdx);
                        i++;
                        break;
                    }
                }
                for (; i < to; i++) { // the steady loop, until a missing bar
                    double h = highIn.getAtIndex(D, i);
                    double l = lowIn.getAtIndex(D, i);
                    if (Bars.anyMissing(h, l)) {
                        first.setAtIndex(D, i, Double.NaN);
                        if (second != null) {
                            second.setAtIndex(D, i, Double.NaN);
                        }
                        start = i + 1;
                        i++;
                        break;
                    }
                    int oldest = i - length + 1;
                    if (highIdx < oldest) {
                        highIdx = RangePosition.highestIndex(highIn, oldest, i);
                        high = highIn.getAtIndex(D, highIdx);
                    } else if (h >= high) {
                        high = h;
                        highIdx = i;
                    }
                    if (lowIdx < oldest) {
                        lowIdx = RangePosition.lowestIndex(lowIn, oldest, i);
                        low = lowIn.getAtIndex(D, lowIdx);
                    } else if (l <= low) {
                        low = l;
                        lowIdx = i;
                    }
                    write(first, second, i, factor, i - highIdx, i - lowIdx);
                }
            }
        }

        /** Row {@code i}'s outputs from the extremes' ages, as {@link State#next} computes them. */
        private void write(MemorySegment first, MemorySegment second, int i, double factor, int highAge,
                           int lowAge) {
            if (oscillator) {
                // TA-Lib: factor·(highestIdx − lowestIdx), the difference of the two ages the other way round
                first.setAtIndex(D, i, factor * (lowAge - highAge));
            } else {
                first.setAtIndex(D, i, factor * (n - highAge));
                second.setAtIndex(D, i, factor * (n - lowAge));
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(n, oscillator);
        }
    }

    private static final class State extends MultiInputState {
        private final int n;
        private final double factor;
        private final boolean oscillator;
        private final ExtremeWindow window;

        State(int n, boolean oscillator) {
            super(2, oscillator ? 1 : 2);
            this.n = n;
            this.factor = 100.0 / n;
            this.oscillator = oscillator;
            this.window = new ExtremeWindow(n + 1);
        }

        double out0; // the last bar's outputs (out1 only without the oscillator)
        double out1;

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0], in[1]);
            out[0] = out0;
            if (!oscillator) {
                out[1] = out1;
            }
        }

        /** One bar, into {@link #out0} and {@link #out1}: the arithmetic both forms share. */
        void next(double h, double l) {
            out0 = Double.NaN;
            out1 = Double.NaN;
            if (Bars.anyMissing(h, l)) {
                clear();
                return;
            }
            window.push(h, l);
            if (!window.full()) {
                return;
            }
            if (oscillator) {
                // TA-Lib: factor·(highestIdx − lowestIdx), the difference of the two ages the other way round
                out0 = factor * (window.lowAge() - window.highAge());
            } else {
                out0 = factor * (n - window.highAge());
                out1 = factor * (n - window.lowAge());
            }
        }

        @Override
        protected void clear() {
            window.clear();
        }
    }
}
