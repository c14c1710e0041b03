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
 * Moving average convergence/divergence, {@code macd(fast, slow, signal)}, parts {@code macd} (fast EMA − slow EMA),
 * {@code signal} (EMA of the MACD line) and {@code hist} (MACD − signal).
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code fast} 2 to 100,000, default 12; {@code slow} 2 to 100,000, default 26;
 *       {@code signal} 1 to 100,000, default 9 (TA-Lib's). {@code fast} must not exceed {@code slow} (TA-Lib
 *       swaps them silently; here that is an error, so the column name says what was computed).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up (TA-Lib's convention).</b> Each EMA ({@code α = 2/(n+1)}) is seeded with a simple
 *       mean. The slow EMA's seed is the mean of rows {@code 0..slow−1}; <b>the fast EMA's seed is the mean of the
 *       {@code fast} rows ending at row {@code slow−1}</b>, so both start on the same row; the signal EMA is seeded
 *       with the mean of the first {@code signal} MACD values. Every part is {@code NaN} for the first
 *       {@code slow − 1 + signal − 1} rows (33 with the defaults), TA-Lib's lookback.</li>
 *   <li><b>Difference from TTR.</b> R TTR's {@code MACD(x, 12, 26, 9, percent = FALSE)} seeds the fast EMA with
 *       the mean of rows {@code 0..fast−1} instead, and outputs the MACD line from row {@code slow − 1}. The two
 *       differ by a term that decays as {@code (1 − 2/(fast+1))^k}: below 1e-12 relative after about 200 rows on
 *       daily prices (tested on AAPL).</li>
 *   <li><b>Output scale.</b> The input's units (not percent; see {@code ppo} for a percentage).</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_MACD}): the outputs equal TA-Lib's bit for bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): the bar outputs {@code NaN} in every part and the state is left
 *       unchanged, as for {@code ema}: outputs at finite bars are those of the series with the missing bars
 *       removed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Macd {
    /** The published description of {@code macd}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("macd", "momentum",
            OperatorKind.TIME_SERIES, "MACD: fast EMA - slow EMA, its signal EMA and the histogram (TA-Lib seeding)",
            List.of(ParamSpec.ofInt("fast", 12, 2, 100_000, "fast EMA span in bars"),
                    ParamSpec.ofInt("slow", 26, 2, 100_000, "slow EMA span in bars, at least fast"),
                    ParamSpec.ofInt("signal", 9, 1, 100_000, "signal EMA span in bars")),
            List.of("close"), List.of("macd", "signal", "hist"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Macd() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int fast;
        private final int slow;
        private final int signal;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("slow") - 1 + params.getInt("signal") - 1);
            this.fast = params.getInt("fast");
            this.slow = params.getInt("slow");
            this.signal = params.getInt("signal");
            if (fast > slow) {
                throw new IllegalArgumentException("macd: fast " + fast + " > slow " + slow
                        + "; give the shorter span first");
            }
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(fast, slow, signal);
            MemorySegment x = in[0];
            MemorySegment macd = out[0];
            MemorySegment sig = out[1];
            MemorySegment hist = out[2];
            for (int i = from; i < to; i++) {
                state.next(x.getAtIndex(D, i));
                macd.setAtIndex(D, i, state.outMacd);
                sig.setAtIndex(D, i, state.outSignal);
                hist.setAtIndex(D, i, state.outHist);
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(fast, slow, signal);
        }
    }

    private static final class State extends MultiInputState {
        private final int fastStart; // the finite value from which the fast EMA is fed: aligns it with the slow one
        private final MovingAverage fast;
        private final MovingAverage slow;
        private final MovingAverage signal;
        private int seen;

        State(int fast, int slow, int signal) {
            super(1, 3);
            this.fastStart = slow - fast;
            this.fast = new MovingAverage.Ema(fast);
            this.slow = new MovingAverage.Ema(slow);
            this.signal = new MovingAverage.Ema(signal);
        }

        double outMacd; // the last bar's outputs
        double outSignal;
        double outHist;

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0]);
            out[0] = outMacd;
            out[1] = outSignal;
            out[2] = outHist;
        }

        /** One bar, into the {@code out} fields: the arithmetic both forms share. */
        void next(double x) {
            outMacd = Double.NaN;
            outSignal = Double.NaN;
            outHist = Double.NaN;
            if (!Double.isFinite(x)) {
                return;
            }
            double s = slow.next(x);
            double f = Double.NaN;
            if (seen < fastStart) {
                seen++;
            } else {
                f = fast.next(x);
            }
            if (Double.isNaN(s)) {
                return;
            }
            double macd = f - s;
            double sig = signal.next(macd);
            if (!Double.isNaN(sig)) {
                outMacd = macd;
                outSignal = sig;
                outHist = macd - sig;
            }
        }

        @Override
        protected void clear() {
            fast.clear();
            slow.clear();
            signal.clear();
            seen = 0;
        }
    }
}
