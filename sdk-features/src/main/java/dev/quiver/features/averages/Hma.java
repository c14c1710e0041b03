package dev.quiver.features.averages;

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
 * Hull moving average, {@code hma(n)}: {@code WMA(2·WMA(x, ⌊n/2⌋) − WMA(x, n), ⌊√n⌋)}, R TTR's definition
 * ({@code HMA}); TA-Lib has none.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, 2 to 100,000; default 20 (TTR's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Warm-up.</b> {@code (n − 1) + (⌊√n⌋ − 1)} rows: the inner WMA(n) starts at row {@code n − 1}, the outer
 *       WMA needs {@code ⌊√n⌋} of its values (22 rows for {@code n = 20}, as TTR).</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> Three {@code wma} windows in TA-Lib's order; the difference is {@code 2·half − full}.
 *       Within 1e-12 relative of TTR.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): the inner windows restart, so the output is {@code NaN} for the
 *       warm-up length again after a missing value.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Hma {
    /** TTR's default length. */
    public static final int DEFAULT_N = 20;

    /** The published description of {@code hma}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("hma", "averages",
            OperatorKind.TIME_SERIES, "Hull moving average: WMA(2*WMA(n/2) - WMA(n), floor(sqrt(n))), as TTR",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 2, 100_000, "length in bars")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private Hma() {
    }

    static int outer(int n) {
        return (int) Math.floor(Math.sqrt(n));
    }

    /** The batch kernel: the incremental state run over the rows. Immutable. */
    private static final class Kernel extends SingleInputKernel {
        private final int n;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, params.getInt("n") - 1 + outer(params.getInt("n")) - 1);
            this.n = params.getInt("n");
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            State state = new State(n);
            for (int i = from; i < to; i++) {
                out.setAtIndex(D, i, state.step(in.getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }
    }

    private static final class State extends SingleInputState {
        private final WeightedWindow half;
        private final WeightedWindow full;
        private final WeightedWindow smooth;

        State(int n) {
            this.half = new WeightedWindow(n / 2);
            this.full = new WeightedWindow(n);
            this.smooth = new WeightedWindow(outer(n));
        }

        @Override
        protected double step(double x) {
            if (!Double.isFinite(x)) {
                clear();
                return Double.NaN;
            }
            double h = half.add(x);
            double f = full.add(x);
            if (Double.isNaN(f)) {
                return Double.NaN; // the half window is full no later than the full one
            }
            return smooth.add(2 * h - f);
        }

        @Override
        protected void clear() {
            half.clear();
            full.clear();
            smooth.clear();
        }
    }
}
