package dev.quiver.features.overlays;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.kernel.SmaColumn;
import dev.quiver.features.volatility.RollingMoments;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Bollinger Bands, {@code bbands(n, k)}: the simple moving average of the last {@code n} values ({@code middle})
 * and {@code k} population standard deviations above and below it ({@code upper}, {@code lower}). Output columns
 * {@code bbands(20,2).upper}, {@code .middle}, {@code .lower}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the window length, 1 to 100,000, default 5 (TA-Lib's {@code BBANDS}
 *       default; Bollinger's own is 20); {@code k}, the band width in standard deviations, 0 to 1,000, default 2.
 *       TA-Lib's separate upper and lower widths and its choice of moving average are not offered: the middle band
 *       is always the SMA, TA-Lib's default.</li>
 *   <li><b>Input.</b> One column, default {@code close}; for TTR's {@code BBands(HLC)} pass a typical-price column.</li>
 *   <li><b>Warm-up.</b> {@code n − 1} rows (TA-Lib and TTR agree).</li>
 *   <li><b>sd divisor.</b> {@code n}, the population standard deviation, as TA-Lib and TTR ({@code BBands} uses
 *       {@code sd(..., sample = FALSE)}).</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> The middle band is TA-Lib's SMA, bit for bit; the deviation comes from {@link
 *       RollingMoments} (accurate at any price level, see {@code stddev}); the bands are
 *       {@code middle ± sd·k} in TA-Lib's order. They agree with TA-Lib's {@code BBANDS} within TA-Lib's rounding
 *       error of {@code E[x²] − E[x]²} and with TTR within 1e-12 relative.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): every window that contains one outputs {@code NaN} in all three
 *       bands; the output resumes {@code n} rows after it.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Bbands {
    /** TA-Lib's default window length. */
    public static final int DEFAULT_N = 5;

    /** The published description of {@code bbands}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("bbands", "overlays",
            OperatorKind.TIME_SERIES, "Bollinger Bands: SMA(n) and k population standard deviations around it",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "window length in bars"),
                    ParamSpec.ofDouble("k", 2.0, 0.0, 1_000.0, "band width in standard deviations")),
            List.of("close"), List.of("upper", "middle", "lower"));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Bbands() {
    }

    /**
     * The batch kernel: one pass of {@link RollingMoments} computes the middle band ({@link SmaColumn}'s arithmetic)
     * and the standard deviation and writes the three bands ({@link RollingMoments#runBands}). Immutable.
     */
    private static final class Kernel extends MultiInputKernel {
        private final int n;
        private final double k;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
            this.k = params.getDouble("k");
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            MemorySegment upper = out[0];
            MemorySegment middle = out[1];
            MemorySegment lower = out[2];
            new RollingMoments(n, 0, RollingMoments.Output.STD_DEV).runBands(in[0], middle, upper, lower, k, from, to);
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n, k);
        }
    }

    /** The incremental state: the batch kernel's pass, one value at a time ({@link RollingMoments#updateBands}). */
    private static final class State extends MultiInputState {
        private final double k;
        private final RollingMoments window;

        State(int n, double k) {
            super(1, 3);
            this.k = k;
            this.window = new RollingMoments(n, 0, RollingMoments.Output.STD_DEV);
        }

        @Override
        protected void step(double[] in, double[] out) {
            window.updateBands(in[0], k, out); // upper, middle, lower: the order of the outputs
        }

        @Override
        protected void clear() {
            window.clear();
        }
    }
}
