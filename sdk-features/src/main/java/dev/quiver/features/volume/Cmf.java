package dev.quiver.features.volume;

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
 * Chaikin money flow, {@code cmf(n)}: the sum over the last {@code n} bars of volume weighted by the close location
 * value, divided by the sum of volume: {@code Σ(clv·v) / Σv} with {@code clv = ((c − l) − (h − c)) / (h − l)}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 1 to 100,000; default 20 (R TTR's {@code CMF(HLC, V, 20)};
 *       TA-Lib has no CMF).</li>
 *   <li><b>Inputs.</b> {@code high}, {@code low}, {@code close}, {@code volume}.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows, as TTR.</li>
 *   <li><b>Output scale.</b> A fraction in {@code [−1, 1]} (not percent), as TTR.</li>
 *   <li><b>Arithmetic.</b> {@code clv} is 0 when {@code h = l} (TTR's convention for its {@code NaN}/infinite
 *       {@code clv}). Both window sums are running sums, recomputed from the window's terms every {@code n} bars
 *       so that rounding cannot accumulate over a long series (error below about {@code 2n·ε·max|term|});
 *       amortised O(1) per row. When the window's volume sums to 0 the output is {@code NaN} (0/0, as TTR).
 *       Matches TTR within 1e-9 relative.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞ in any input): every window that contains one outputs {@code NaN};
 *       the output resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Cmf {
    /** R TTR's default window. */
    public static final int DEFAULT_N = 20;

    /** The published description of {@code cmf}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("cmf", "volume",
            OperatorKind.TIME_SERIES, "Chaikin money flow: sum(clv * volume) / sum(volume) over n bars",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars")),
            List.of("high", "low", "close", "volume"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Cmf() {
    }

    /** The close location value, 0 for a bar without range (TTR). */
    static double clv(double h, double l, double c) {
        double range = h - l;
        return range != 0.0 ? ((c - l) - (h - c)) / range : 0.0;
    }

    /** One bar: the window's output after it, shared by the batch and incremental forms. */
    static double step(WindowSums sums, double h, double l, double c, double v) {
        if (!ChaikinAd.complete(h, l, c, v)) {
            sums.clear();
            return Double.NaN;
        }
        return sums.add(clv(h, l, c) * v, v) ? sums.sumA() / sums.sumB() : Double.NaN;
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
            MemorySegment high = in[0];
            MemorySegment low = in[1];
            MemorySegment close = in[2];
            MemorySegment volume = in[3];
            MemorySegment o = out[0];
            WindowSums sums = new WindowSums(n);
            for (int i = from; i < to; i++) {
                o.setAtIndex(D, i, step(sums, high.getAtIndex(D, i), low.getAtIndex(D, i), close.getAtIndex(D, i),
                        volume.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }
    }

    /** The incremental state. */
    private static final class State extends MultiInputState {
        private final WindowSums sums;

        State(int n) {
            super(4, 1);
            this.sums = new WindowSums(n);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = Cmf.step(sums, in[0], in[1], in[2], in[3]);
        }

        @Override
        protected void clear() {
            sums.clear();
        }
    }
}
