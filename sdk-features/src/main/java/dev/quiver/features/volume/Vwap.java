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
 * Rolling volume-weighted average price, {@code vwap(n)}: {@code Σ(price·v) / Σv} over the last {@code n} bars.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window in bars, 1 to 100,000; default 10 (R TTR's
 *       {@code VWAP(price, volume, n = 10)}; TA-Lib has no VWAP).</li>
 *   <li><b>Inputs.</b> {@code close} (any price column: {@code vwap(typical,volume,10)} weights a typical price),
 *       {@code volume}. This is a rolling VWAP over daily bars, not an intraday VWAP reset each session.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows, as TTR.</li>
 *   <li><b>Output scale.</b> The price's units.</li>
 *   <li><b>Arithmetic.</b> Both window sums are running sums, recomputed from the window's terms every {@code n}
 *       bars so that rounding cannot accumulate over a long series (error below about
 *       {@code 2n·ε·max|price·v|}); amortised O(1) per row. When the window's volume sums to 0 the output is
 *       {@code NaN} (0/0, as TTR). Matches TTR within 1e-9 relative.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞ in either input): every window that contains one outputs
 *       {@code NaN}; the output resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Vwap {
    /** R TTR's default window. */
    public static final int DEFAULT_N = 10;

    /** The published description of {@code vwap}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("vwap", "volume",
            OperatorKind.TIME_SERIES, "Rolling volume-weighted average price: sum(price * volume) / sum(volume)",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars")),
            List.of("close", "volume"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Vwap() {
    }

    /** One bar: the window's output after it, shared by the batch and incremental forms. */
    static double step(WindowSums sums, double price, double v) {
        if (!Double.isFinite(price) || !Double.isFinite(v)) {
            sums.clear();
            return Double.NaN;
        }
        return sums.add(price * v, v) ? sums.sumA() / sums.sumB() : Double.NaN;
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
            MemorySegment price = in[0];
            MemorySegment volume = in[1];
            MemorySegment o = out[0];
            WindowSums sums = new WindowSums(n);
            for (int i = from; i < to; i++) {
                o.setAtIndex(D, i, step(sums, price.getAtIndex(D, i), volume.getAtIndex(D, i)));
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
            super(2, 1);
            this.sums = new WindowSums(n);
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = Vwap.step(sums, in[0], in[1]);
        }

        @Override
        protected void clear() {
            sums.clear();
        }
    }
}
