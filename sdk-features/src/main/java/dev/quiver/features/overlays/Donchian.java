package dev.quiver.features.overlays;

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
 * Donchian channel, {@code donchian(n)}: the highest high ({@code upper}) and lowest low ({@code lower}) of the last
 * {@code n} bars, this bar included, and their midpoint ({@code middle}).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window length, 1 to 100,000, default 20 (Donchian's four-week rule;
 *       TA-Lib has no Donchian channel, and R TTR's {@code DonchianChannel} defaults to 10).</li>
 *   <li><b>Inputs.</b> {@code high, low}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows, as TTR's {@code DonchianChannel(HL, n)} (with its default
 *       {@code include.lag = FALSE}: the window includes the current bar; for a breakout signal compare the close
 *       with the previous bar's channel).</li>
 *   <li><b>Output scale.</b> The price's units.</li>
 *   <li><b>Arithmetic.</b> Maxima and minima are exact; {@code middle = (upper + lower)/2} as TTR computes it.
 *       Equal to TTR's {@code high}, {@code mid}, {@code low} columns.</li>
 *   <li><b>Missing values.</b> A bar with a missing high or low makes every window containing it {@code NaN} in all
 *       three outputs; the output resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Donchian {
    /** The default window length. */
    public static final int DEFAULT_N = 20;

    /** The published description of {@code donchian}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("donchian", "overlays",
            OperatorKind.TIME_SERIES, "Donchian channel: highest high, lowest low of n bars and their midpoint",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars")),
            List.of("high", "low"), List.of("upper", "middle", "lower"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Donchian() {
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
            MemorySegment in0 = in[0];
            MemorySegment in1 = in[1];
            MemorySegment result0 = out[0];
            MemorySegment result1 = out[1];
            MemorySegment result2 = out[2];
            for (int i = from; i < to; i++) {
                state.next(in0.getAtIndex(D, i), in1.getAtIndex(D, i));
                result0.setAtIndex(D, i, state.out0);
                result1.setAtIndex(D, i, state.out1);
                result2.setAtIndex(D, i, state.out2);
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }
    }

    /**
     * The incremental state, whose per-bar method the batch loop shares: the last {@code n} highs and lows, with the
     * window's extremes and their ages. The window is rescanned only when its extreme leaves it, so a bar costs O(1)
     * on average. Extremes are taken in {@link Double#compare}'s order, in which the maximum (minimum) of finite values
     * is exactly what {@link Math#max} ({@link Math#min}) folds give, {@code +0.0} above {@code -0.0} included.
     */
    private static final class State extends MultiInputState {
        private final int n;
        private final double[] highs;
        private final double[] lows;
        private int next;
        private int run;
        private double upper;
        private double lower;
        private int upperAge; // bars since the window's extreme: it has left the window once this reaches n
        private int lowerAge;

        State(int n) {
            super(2, 3);
            this.n = n;
            this.highs = new double[n];
            this.lows = new double[n];
        }

        double out0; // the last bar's outputs
        double out1;
        double out2;

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0], in[1]);
            out[0] = out0;
            out[1] = out1;
            out[2] = out2;
        }

        /** One bar, into the {@code out} fields: the arithmetic both forms share. */
        void next(double h, double l) {
            out0 = out1 = out2 = Double.NaN;
            if (!Double.isFinite(h) || !Double.isFinite(l)) {
                clear();
                out0 = out1 = out2 = Double.NaN;
                return;
            }
            highs[next] = h;
            lows[next] = l;
            next = next + 1 == n ? 0 : next + 1;
            if (run < n) {
                run++;
            }
            upperAge++;
            lowerAge++;
            if (run == 1 || upperAge >= n) {
                rescanUpper();
            } else if (Double.compare(h, upper) >= 0) {
                upper = h;
                upperAge = 0;
            }
            if (run == 1 || lowerAge >= n) {
                rescanLower();
            } else if (Double.compare(l, lower) <= 0) {
                lower = l;
                lowerAge = 0;
            }
            if (run < n) {
                return;
            }
            out0 = upper;
            out1 = (upper + lower) / 2;
            out2 = lower;
        }

        /** The slot of the window's oldest value ({@code next} is the newest's slot plus one). */
        private int oldest() {
            int s = next - run;
            return s < 0 ? s + n : s;
        }

        private void rescanUpper() {
            int s = oldest();
            double best = highs[s];
            int age = run - 1;
            for (int k = run - 2; k >= 0; k--) {
                s = s + 1 == n ? 0 : s + 1;
                if (Double.compare(highs[s], best) >= 0) {
                    best = highs[s];
                    age = k;
                }
            }
            upper = best;
            upperAge = age;
        }

        private void rescanLower() {
            int s = oldest();
            double best = lows[s];
            int age = run - 1;
            for (int k = run - 2; k >= 0; k--) {
                s = s + 1 == n ? 0 : s + 1;
                if (Double.compare(lows[s], best) <= 0) {
                    best = lows[s];
                    age = k;
                }
            }
            lower = best;
            lowerAge = age;
        }

        @Override
        protected void clear() {
            run = 0;
            next = 0;
            upperAge = 0;
            lowerAge = 0;
        }
    }
}
