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
 * Rolling median, {@code median(n)}: the middle of the last {@code n} values, the mean of the two middle ones when
 * {@code n} is even.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 1 to 100,000; default 10 (R TTR's {@code runMedian}
 *       default; TA-Lib has no median).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows, as TTR.</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> The window is kept sorted in a {@code double[]}: each row removes the leaving value and
 *       inserts the new one by binary search and an array shift, O(log n) comparisons plus O(n) moved doubles
 *       per row (fast for windows of up to a few hundred bars; about {@code 8n} bytes moved per row beyond that).
 *       An even window's median is {@code (a + b)·0.5}, TTR's {@code non.unique = "mean"}; equal to TTR's
 *       {@code runMedian} within 1e-9.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN}; the output
 *       resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class RollingMedian {
    /** R TTR's default window. */
    public static final int DEFAULT_N = 10;

    /** The published description of {@code median}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("median", "statistics",
            OperatorKind.TIME_SERIES, "Rolling median of the last n values",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private RollingMedian() {
    }

    /** One value: the window's median after it, shared by the batch and incremental forms. */
    static double step(SortedWindow w, double x) {
        if (!Double.isFinite(x)) {
            w.clear();
            return Double.NaN;
        }
        return w.add(x) ? w.median() : Double.NaN;
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends SingleInputKernel {
        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            SortedWindow w = new SortedWindow(n);
            for (int i = from; i < to; i++) {
                out.setAtIndex(D, i, step(w, in.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }
    }

    /** The incremental state. */
    private static final class State extends SingleInputState {
        private final SortedWindow w;

        State(int n) {
            this.w = new SortedWindow(n);
        }

        @Override
        protected double step(double x) {
            return RollingMedian.step(w, x);
        }

        @Override
        protected void clear() {
            w.clear();
        }
    }
}
