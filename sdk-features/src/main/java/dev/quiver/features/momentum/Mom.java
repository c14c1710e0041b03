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
 * Momentum, {@code mom(n)}: the change over {@code n} bars, {@code x − x[n bars back]}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the distance in bars, 1 to 100,000; default 10 (TA-Lib's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code n} rows (TA-Lib's lookback). R TTR's {@code momentum(x, n)} is the same.</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> {@code x − x[i−n]}, as TA-Lib: the outputs equal TA-Lib's bit for bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): like a window operator, every output whose window of
 *       {@code n + 1} bars holds a missing value is {@code NaN}; the output resumes {@code n} bars after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Mom {
    /** The published description of {@code mom}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("mom", "momentum",
            OperatorKind.TIME_SERIES, "Momentum: x - x n bars back",
            List.of(ParamSpec.ofInt("n", 10, 1, 100_000, "distance in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Mom() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n"));
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            State state = new State(n);
            MemorySegment x = in[0];
            MemorySegment result = out[0];
            for (int i = from; i < to; i++) {
                result.setAtIndex(D, i, state.next(x.getAtIndex(D, i)));
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(n);
        }
    }

    private static final class State extends MultiInputState {
        private final Lag lag;

        State(int n) {
            super(1, 1);
            this.lag = new Lag(n);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = next(in[0]);
        }

        /** One bar: the arithmetic both forms share. */
        double next(double x) {
            double result = Double.NaN;
            if (!Double.isFinite(x)) {
                lag.clear();
                return Double.NaN;
            }
            double old = lag.push(x);
            result = Double.isNaN(old) ? Double.NaN : x - old;
            return result;
        }

        @Override
        protected void clear() {
            lag.clear();
        }
    }
}
