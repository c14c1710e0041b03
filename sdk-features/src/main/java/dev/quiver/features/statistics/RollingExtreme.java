package dev.quiver.features.statistics;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.SingleInputKernel;
import dev.quiver.features.kernel.SingleInputState;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The largest (or smallest) of the last {@code n} finite values, in O(1) per value whatever the series: the
 * van Herk / Gil-Werman algorithm. The stream is cut into blocks of {@code n} values, counted from the first value
 * after a gap; a window ending at position {@code p} of the current block is the tail {@code p+1 .. n−1} of the
 * previous block and the head {@code 0 .. p} of the current one, so its extreme is that of the previous block's
 * suffix extreme at {@code p+1} (computed once, when that block completed) and the current block's running prefix
 * extreme. That is three {@link Math#max} per value (the suffix pass counted), none of them a data-dependent branch,
 * where a monotonic deque's pop loop ends at a mispredicted branch on most values and a rescan (TA-Lib's
 * {@code MIN}/{@code MAX}) costs O(n) whenever the extreme leaves the window.
 *
 * <p>The minimum is the maximum of the negated values, negated back (negation is exact), so one loop serves both.
 * Ties and signed zeros follow {@link Math#max}/{@link Math#min}, which do not depend on the order of their
 * arguments: the result is the window's {@code Math.max} (or {@code Math.min}) fold, exactly.
 *
 * <p>{@link #run} holds the per-value arithmetic, with the state in local variables (the JIT keeps them in registers)
 * and written back at the end; {@link #update} runs it over a one-value segment, so the batch kernel and the
 * incremental state are one piece of code and agree bit for bit. It is the shared engine of {@link RollingMax} and
 * {@link RollingMin}; the extreme is all it gives (not its age), which is what a rolling min or max, a Donchian
 * channel, Williams %R or a stochastic needs.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
final class RollingExtreme {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final int n;
    /** +1 for the maximum, −1 for the minimum: values are multiplied by it in and out. */
    private final double sign;
    /** The current block's values (times {@link #sign}), by position. */
    private final double[] block;
    /** {@code suffix[k]}: the extreme of the previous block's positions {@code k .. n−1}; {@code suffix[n] = −∞}. */
    private final double[] suffix;
    private MemorySegment scratch; // the one row of update(x), made on first use: batch kernels never need it
    private int position; // of the next value in the current block
    private int run;      // finite values since the last gap, up to n
    private double prefix = Double.NEGATIVE_INFINITY;

    RollingExtreme(int n, boolean max) {
        this.n = n;
        this.sign = max ? 1.0 : -1.0;
        this.block = new double[n];
        this.suffix = new double[n + 1];
        this.suffix[n] = Double.NEGATIVE_INFINITY;
    }

    /** Consumes rows {@code [from, to)} of {@code in}, writing each row's extreme ({@code NaN} until full) to {@code out}. */
    void run(MemorySegment in, MemorySegment out, int from, int to) {
        final int n = this.n;
        final double sign = this.sign;
        final double[] block = this.block;
        final double[] suffix = this.suffix;
        int position = this.position;
        int run = this.run;
        double prefix = this.prefix;
        for (int i = from; i < to; i++) {
            double x = in.getAtIndex(D, i);
            if (!Double.isFinite(x)) {
                position = 0;
                run = 0;
                prefix = Double.NEGATIVE_INFINITY;
                out.setAtIndex(D, i, Double.NaN);
                continue;
            }
            double v = x * sign;
            block[position] = v;
            prefix = Math.max(prefix, v);
            double extreme = Math.max(suffix[position + 1], prefix);
            if (++position == n) {
                // the block is complete: its suffix extremes serve the next n windows
                double s = Double.NEGATIVE_INFINITY;
                for (int k = n - 1; k >= 0; k--) {
                    s = Math.max(s, block[k]);
                    suffix[k] = s;
                }
                position = 0;
                prefix = Double.NEGATIVE_INFINITY;
            }
            if (run < n) {
                run++;
            }
            out.setAtIndex(D, i, run == n ? extreme * sign : Double.NaN);
        }
        this.position = position;
        this.run = run;
        this.prefix = prefix;
    }

    /** Consumes one value: {@link #run} over one row. */
    double update(double x) {
        if (scratch == null) {
            scratch = Arena.ofAuto().allocate(D);
        }
        scratch.setAtIndex(D, 0, x);
        run(scratch, scratch, 0, 1);
        return scratch.getAtIndex(D, 0);
    }

    /** Empties the window: a missing value, through {@link #run}'s own reset. */
    void clear() {
        update(Double.NaN);
    }

    /** The batch kernel of {@code min} and {@code max}. Immutable. */
    static final class Kernel extends SingleInputKernel {
        private final int n;
        private final boolean max;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, boolean max) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
            this.max = max;
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            new RollingExtreme(n, max).run(in, out, from, to);
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(new RollingExtreme(n, max));
        }
    }

    /** The incremental state. */
    private static final class State extends SingleInputState {
        private final RollingExtreme extreme;

        State(RollingExtreme extreme) {
            this.extreme = extreme;
        }

        @Override
        protected double step(double x) {
            return extreme.update(x);
        }

        @Override
        protected void clear() {
            extreme.clear();
        }
    }
}
