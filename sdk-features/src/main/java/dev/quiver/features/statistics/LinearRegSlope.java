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
 * Rolling linear-regression slope, {@code linearreg_slope(n)}: the slope of the least-squares line through the last
 * {@code n} values against time, in input units per bar.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 2 to 100,000; default 14 (TA-Lib's default).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows (TA-Lib's {@code LINEARREG_SLOPE} agrees; R TTR has no rolling
 *       slope).</li>
 *   <li><b>Output scale.</b> The input's units per bar (positive when the series rises).</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: with {@code i} the bars ago ({@code n − 1} down to 0), {@code Σy} and
 *       {@code Σi·y} are recomputed over each window, oldest value first (O(n) per row, so no running sum can
 *       drift), and the slope is {@code (n·Σiy − Σi·Σy) / ((Σi)² − n·Σi²)}, the closed forms of {@code Σi} and
 *       {@code Σi²} as TA-Lib computes them. The outputs equal TA-Lib's {@code LINEARREG_SLOPE} bit for bit (for
 *       {@code n} up to 46,340, where TA-Lib's {@code int} arithmetic does not yet overflow).</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN}; the output
 *       resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class LinearRegSlope {
    /** TA-Lib's default window. */
    public static final int DEFAULT_N = 14;

    /** The published description of {@code linearreg_slope}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("linearreg_slope", "statistics",
            OperatorKind.TIME_SERIES, "Rolling least-squares slope against time, in input units per bar",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 2, 100_000, "window length in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private LinearRegSlope() {
    }

    /** The closed-form sums over {@code i = 0..n-1} that TA-Lib uses, and its divisor. */
    private record Constants(int n, double sumX, double divisor) {
        static Constants of(int n) {
            double sumX = n * (n - 1L) * 0.5;
            double sumXSquares = (double) (n * (n - 1L) * (2L * n - 1L) / 6L);
            return new Constants(n, sumX, sumX * sumX - n * sumXSquares);
        }
    }

    /** One value: the window's slope after it, shared by the batch and incremental forms. */
    static double step(RollingWindow w, double sumX, double divisor, double x) {
        if (!Double.isFinite(x)) {
            w.clear();
            return Double.NaN;
        }
        if (!w.add(x)) {
            return Double.NaN;
        }
        int n = w.n;
        double sumXY = 0.0;
        double sumY = 0.0;
        double[] ring = w.ring;
        int start = w.next; // the window, oldest first, is ring[start .. start + n)
        for (int k = 0; k < n; k++) {
            double v = ring[start + k];
            sumY += v;
            sumXY += (double) (n - 1 - k) * v;
        }
        return (n * sumXY - sumX * sumY) / divisor;
    }

    /** The batch kernel. Immutable. */
    private static final class Kernel extends SingleInputKernel {
        private final Constants c;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.c = Constants.of(params.getInt("n"));
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            RollingWindow w = new RollingWindow(c.n());
            for (int i = from; i < to; i++) {
                out.setAtIndex(D, i, step(w, c.sumX(), c.divisor(), in.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(c);
        }
    }

    /** The incremental state. */
    private static final class State extends SingleInputState {
        private final Constants c;
        private final RollingWindow w;

        State(Constants c) {
            this.c = c;
            this.w = new RollingWindow(c.n());
        }

        @Override
        protected double step(double x) {
            return LinearRegSlope.step(w, c.sumX(), c.divisor(), x);
        }

        @Override
        protected void clear() {
            w.clear();
        }
    }
}
