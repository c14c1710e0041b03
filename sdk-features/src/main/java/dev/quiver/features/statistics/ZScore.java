package dev.quiver.features.statistics;

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
 * Rolling z-score, {@code zscore(n, ddof)}: how many standard deviations the current value lies from the mean of
 * the last {@code n} values (the current one included), {@code (x − mean) / sd}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 2 to 100,000, default 20; {@code ddof}, 0 or 1, default 0:
 *       the sd divisor is {@code n − ddof}, so the default is the <b>population</b> sd, as TA-Lib's {@code STDDEV}
 *       and {@code BBANDS} and TTR's {@code BBands}; {@code ddof = 1} gives the sample sd of TTR's
 *       {@code runSD} and R's {@code sd}.</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows.</li>
 *   <li><b>Output scale.</b> Standard deviations (dimensionless).</li>
 *   <li><b>Arithmetic.</b> Two passes over the window, oldest value first: the mean, then the sum of squared
 *       deviations from it. Exact to a few ulps whatever the level of the series (no running sum of squares, whose
 *       cancellation loses digits on prices far from zero), at O(n) per row. A constant window has no spread: the
 *       output is {@code NaN} there (TA-Lib's quotient gives ±∞ or {@code NaN}). Matches TTR's
 *       {@code (x − SMA) / runSD} within 1e-9, and {@code (x − SMA) / STDDEV} from TA-Lib within 1e-7 for
 *       {@code n ≥ 5}, the gap being the cancellation in TA-Lib's {@code E[x²] − E[x]²}.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN}; the output
 *       resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class ZScore {
    /** The default window. */
    public static final int DEFAULT_N = 20;

    /** The published description of {@code zscore}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("zscore", "statistics",
            OperatorKind.TIME_SERIES, "Rolling z-score: (x - mean) / sd over the last n values",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 2, 100_000, "window length in bars"),
                    ParamSpec.ofInt("ddof", 0, 0, 1, "sd divisor n - ddof: 0 population, 1 sample")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private ZScore() {
    }

    /** One value: the window's z-score after it, shared by the batch and incremental forms. */
    static double step(RollingWindow w, int ddof, double x) {
        if (!Double.isFinite(x)) {
            w.clear();
            return Double.NaN;
        }
        if (!w.add(x)) {
            return Double.NaN;
        }
        int n = w.n;
        double[] ring = w.ring;
        int start = w.next; // the window, oldest first, is ring[start .. start + n)
        double first = ring[start];
        double sum = 0.0;
        boolean constant = true;
        for (int k = start; k < start + n; k++) {
            double v = ring[k];
            sum += v;
            constant &= v == first;
        }
        if (constant) {
            return Double.NaN;
        }
        double mean = sum / n;
        double squares = 0.0;
        for (int k = start; k < start + n; k++) {
            double d = ring[k] - mean;
            squares += d * d;
        }
        return (x - mean) / Math.sqrt(squares / (n - ddof));
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends SingleInputKernel {
        private final int n;
        private final int ddof;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
            this.ddof = params.getInt("ddof");
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            RollingWindow w = new RollingWindow(n);
            for (int i = from; i < to; i++) {
                out.setAtIndex(D, i, step(w, ddof, in.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n, ddof);
        }
    }

    /** The incremental state. */
    private static final class State extends SingleInputState {
        private final RollingWindow w;
        private final int ddof;

        State(int n, int ddof) {
            this.w = new RollingWindow(n);
            this.ddof = ddof;
        }

        @Override
        protected double step(double x) {
            return ZScore.step(w, ddof, x);
        }

        @Override
        protected void clear() {
            w.clear();
        }
    }
}
