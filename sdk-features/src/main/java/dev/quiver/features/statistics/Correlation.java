package dev.quiver.features.statistics;

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
 * Rolling Pearson correlation of two columns, {@code corr(x, y, n)}, over the last {@code n} pairs of values.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 2 to 100,000; default 30 (TA-Lib's {@code CORREL}
 *       default).</li>
 *   <li><b>Inputs.</b> {@code x}, default column {@code close}, and {@code y}, default column {@code benchmark}:
 *       {@code corr(close,spy,60)} correlates two columns of a panel. The values are correlated as given, as TA-Lib's
 *       {@code CORREL} does; to correlate returns, give return columns.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows (TA-Lib agrees).</li>
 *   <li><b>Output scale.</b> In {@code [−1, 1]}. The sd divisor cancels: sample and population correlation are the
 *       same number.</li>
 *   <li><b>Arithmetic.</b> Two passes over the window: means, then centred sums; {@code Σdxdy / sqrt(Σdx²·Σdy²)},
 *       clamped to {@code [−1, 1]} against rounding. O(n) per row, exact to a few ulps whatever the level of
 *       the series. TA-Lib's {@code CORREL} keeps running raw sums ({@code Σx², Σxy}) over the whole series, which
 *       cancel on prices: the two agree within 1e-7 for {@code n ≥ 5}, while for two-point windows TA-Lib strays
 *       by up to 1e-4 (it reports −1.0000023 where the answer is −1).</li>
 *   <li><b>Degenerate windows.</b> If either column is constant over the window the correlation is undefined and the
 *       output is {@code NaN} (TA-Lib outputs 0).</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞ in either column): every window that contains one outputs
 *       {@code NaN}; the output resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Correlation {
    /** TA-Lib's default window. */
    public static final int DEFAULT_N = 30;

    /** The published description of {@code corr}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("corr", "statistics",
            OperatorKind.TIME_SERIES, "Rolling Pearson correlation of two columns over n bars",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 2, 100_000, "window length in bars")),
            List.of("close", "benchmark"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Correlation() {
    }

    /** One pair: the window's correlation after it, shared by the batch and incremental forms. */
    static double step(PairWindow w, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            w.clear();
            return Double.NaN;
        }
        if (!w.add(x, y)) {
            return Double.NaN;
        }
        w.moments();
        if (w.xConstant || w.yConstant) {
            return Double.NaN;
        }
        double r = w.sxy / Math.sqrt(w.sxx * w.syy);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            MemorySegment x = in[0];
            MemorySegment y = in[1];
            MemorySegment o = out[0];
            PairWindow w = new PairWindow(n);
            for (int i = from; i < to; i++) {
                o.setAtIndex(D, i, step(w, x.getAtIndex(D, i), y.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }
    }

    /** The incremental state. */
    private static final class State extends MultiInputState {
        private final PairWindow w;

        State(int n) {
            super(2, 1);
            this.w = new PairWindow(n);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = Correlation.step(w, in[0], in[1]);
        }

        @Override
        protected void clear() {
            w.clear();
        }
    }
}
