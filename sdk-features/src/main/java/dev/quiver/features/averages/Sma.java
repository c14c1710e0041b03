package dev.quiver.features.averages;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.kernel.SingleInputKernel;
import dev.quiver.features.kernel.SingleInputState;
import dev.quiver.features.kernel.SmaColumn;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Simple moving average, {@code sma(n)}: the arithmetic mean of the last {@code n} values.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window length in bars, 1 to 100,000; default 30 (TA-Lib's default).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n - 1} rows: the first value is at row {@code n - 1} (TA-Lib and R TTR agree).</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> A running sum, updated as TA-Lib does: add the new value, divide by {@code n}, subtract
 *       the value leaving the window. The outputs equal TA-Lib's {@code SMA} bit for bit. The running sum restarts
 *       after every missing value, so rounding residue cannot outlive a gap; within a run of {@code m} values its
 *       error stays below about {@code m·ε·max|x|}, negligible for prices (a compensated sum would cost a second
 *       dependency chain and lose the TA-Lib equality).</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN}; the output
 *       resumes {@code n} rows after it, when it has left the window.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Sma {
    /** TA-Lib's default window length. */
    public static final int DEFAULT_N = 30;

    /** The published description of {@code sma}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("sma", "averages",
            OperatorKind.TIME_SERIES, "Simple moving average: the mean of the last n values",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Sma() {
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
            SmaColumn.compute(in, out, from, to, n);
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }
    }

    /** The incremental state: {@link SmaColumn.Running}, the same arithmetic as {@link Kernel}. */
    private static final class State extends SingleInputState {
        private final SmaColumn.Running window;

        State(int n) {
            this.window = new SmaColumn.Running(n);
        }

        @Override
        protected double step(double x) {
            return window.step(x);
        }

        @Override
        protected void clear() {
            window.clear();
        }
    }
}
