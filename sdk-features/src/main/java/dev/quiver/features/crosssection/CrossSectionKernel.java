package dev.quiver.features.crosssection;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernels;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * The base of the cross-sectional kernels: checks the segments, splits the panel's dates into chunks computed in
 * parallel (each chunk with its own {@link Scratch}), and names the output.
 *
 * <p>Every date is computed independently of every other, so the result does not depend on the chunking or the
 * thread count. The parallel stream forks into the pool of the calling task, if any (the plan's pool), else the
 * common pool.
 *
 * <p>Thread-safety: subclasses are immutable; {@link #compute} may run concurrently on disjoint outputs.
 */
abstract class CrossSectionKernel implements FeatureKernel {
    /** Below this many rows a panel is computed on the calling thread. */
    private static final int PARALLEL_ROWS = 1 << 15;

    private final OperatorDescriptor descriptor;
    private final Params params;
    private final List<String> inputs;
    private final List<String> outputs;

    CrossSectionKernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.params = Objects.requireNonNull(params, "params");
        this.inputs = List.copyOf(inputs);
        if (this.inputs.size() != descriptor.inputs().size()) {
            throw new IllegalArgumentException("operator '" + descriptor.name() + "' takes "
                    + descriptor.inputs().size() + " inputs, " + this.inputs.size() + " given");
        }
        this.outputs = List.of(name(descriptor, params, this.inputs));
    }

    /**
     * The canonical text of a cross-sectional operator: its name, every input column, then the parameters that
     * differ from their defaults as {@code key=value}: {@code xs_rank(close)}, {@code xs_zscore(rsi(14),ddof=1)}.
     * Options that keep their defaults are left out, so the common forms read naturally.
     */
    static String name(OperatorDescriptor d, Params params, List<String> inputs) {
        List<String> args = new ArrayList<>();
        for (String in : inputs) {
            args.add(in.toLowerCase(Locale.ROOT).replaceAll("\\s+", ""));
        }
        for (ParamSpec spec : d.params()) {
            String value = format(params.asMap().get(spec.name()));
            if (!value.equals(spec.hasDefault() ? format(spec.parse(spec.defaultValue())) : null)) {
                args.add(spec.name() + "=" + value);
            }
        }
        return d.name() + "(" + String.join(",", args) + ")";
    }

    private static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    @Override
    public final OperatorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public final List<String> inputs() {
        return inputs;
    }

    @Override
    public final List<String> outputs() {
        return outputs;
    }

    @Override
    public final int warmUp() {
        return 0;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException always: a cross-sectional kernel reads every symbol of a date
     */
    @Override
    public final void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
        throw new UnsupportedOperationException(outputs.get(0) + " is cross-sectional: it needs the whole panel "
                + "(compute(panel, in, out)), not one series");
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException always: a cross-sectional kernel reads every symbol of a date
     */
    @Override
    public final void computeSymbols(Panel panel, int firstSymbol, int endSymbol, MemorySegment[] in,
                                     MemorySegment[] out) {
        throw new UnsupportedOperationException(outputs.get(0) + " is cross-sectional: it needs the whole panel "
                + "(compute(panel, in, out)), not a group of symbols");
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException always: a cross-sectional kernel has no bar-by-bar form
     */
    @Override
    public final IncrementalKernel incremental() {
        throw new UnsupportedOperationException(outputs.get(0) + " is cross-sectional: it has no incremental form");
    }

    @Override
    public final void compute(Panel panel, MemorySegment[] in, MemorySegment[] out) {
        FeatureKernels.checkShapes(this, panel.rowCount(), in, out);
        int dates = panel.rowCount() == 0 ? 0 : panel.dateCount();
        int width = 0;
        for (int d = 0; d < dates; d++) {
            width = Math.max(width, panel.dateRowEnd(d) - panel.dateRowStart(d));
        }
        final int maxWidth = width;
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        int parallelism = pool.getParallelism();
        if (panel.rowCount() < PARALLEL_ROWS || parallelism <= 1 || !shareable(in, out)) {
            Scratch scratch = new Scratch(maxWidth);
            for (int d = 0; d < dates; d++) {
                computeDate(panel, d, in, out, scratch);
            }
            return;
        }
        // a few chunks per thread balance uneven dates without a scratch allocation per date
        int chunk = Math.max(1, dates / (parallelism * 4));
        int chunks = (dates + chunk - 1) / chunk;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Scratch scratch = new Scratch(maxWidth);
            int end = Math.min(dates, (c + 1) * chunk);
            for (int d = c * chunk; d < end; d++) {
                computeDate(panel, d, in, out, scratch);
            }
        });
    }

    private static boolean shareable(MemorySegment[] in, MemorySegment[] out) {
        for (MemorySegment s : in) {
            if (!Scratch.shareable(s)) {
                return false;
            }
        }
        for (MemorySegment s : out) {
            if (!Scratch.shareable(s)) {
                return false;
            }
        }
        return true;
    }

    /** Computes every output row of date {@code d}. */
    abstract void computeDate(Panel panel, int d, MemorySegment[] in, MemorySegment[] out, Scratch scratch);

    @Override
    public String toString() {
        return outputs.get(0);
    }

    /**
     * Collects date {@code d}'s finite values of {@code x} into {@code scratch.values} and their table rows into
     * {@code scratch.rows}, in symbol order, and returns how many there are. {@code -0.0} is stored as {@code 0.0}
     * so that equal values compare equal however they are sorted. When {@code missingOut} is not null, each row
     * whose value is missing ({@code NaN} or infinite) gets {@code NaN} there.
     */
    static int gather(Panel panel, int d, MemorySegment x, Scratch scratch, MemorySegment missingOut) {
        int m = 0;
        double[] values = scratch.values;
        int[] rows = scratch.rows;
        for (int k = panel.dateRowStart(d), end = panel.dateRowEnd(d); k < end; k++) {
            int row = panel.dateRow(k);
            double v = x.getAtIndex(Scratch.F64, row);
            if (Double.isFinite(v)) {
                values[m] = v + 0.0;
                rows[m++] = row;
            } else if (missingOut != null) {
                missingOut.setAtIndex(Scratch.F64, row, Double.NaN);
            }
        }
        return m;
    }

    /** Writes {@code value} to every row of date {@code d}. */
    static void broadcast(Panel panel, int d, MemorySegment out, double value) {
        for (int k = panel.dateRowStart(d), end = panel.dateRowEnd(d); k < end; k++) {
            out.setAtIndex(Scratch.F64, panel.dateRow(k), value);
        }
    }
}
