package dev.quiver.features.crosssection;

import dev.quiver.api.feature.FeatureKernels;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import dev.quiver.features.kernel.AbstractKernel;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The base of the cross-sectional kernels: checks the segments, hands the panel to a {@link DateMajorPass} (which
 * splits the dates into blocks computed in parallel, each on contiguous date-major copies of its inputs), computes
 * one date at a time, and names the output.
 *
 * <p>Every date is computed independently of every other, so the result does not depend on the blocking or the
 * thread count.
 *
 * <p>Thread-safety: subclasses are immutable; {@link #compute} may run concurrently on disjoint outputs.
 */
abstract class CrossSectionKernel extends AbstractKernel {

    CrossSectionKernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        if (inputs.size() != descriptor.inputs().size()) {
            throw new IllegalArgumentException("operator '" + descriptor.name() + "' takes "
                    + descriptor.inputs().size() + " inputs, " + inputs.size() + " given");
        }
        super(descriptor, params, inputs, List.of(name(descriptor, params, List.copyOf(inputs))), 0);
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

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException always: a cross-sectional kernel reads every symbol of a date
     */
    @Override
    public final void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
        throw new UnsupportedOperationException(outputs().get(0) + " is cross-sectional: it needs the whole panel "
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
        throw new UnsupportedOperationException(outputs().get(0) + " is cross-sectional: it needs the whole panel "
                + "(compute(panel, in, out)), not a group of symbols");
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException always: a cross-sectional kernel has no bar-by-bar form
     */
    @Override
    public final IncrementalKernel incremental() {
        throw new UnsupportedOperationException(outputs().get(0) + " is cross-sectional: it has no incremental form");
    }

    @Override
    public final void compute(Panel panel, MemorySegment[] in, MemorySegment[] out) {
        FeatureKernels.checkShapes(this, panel.rowCount(), in, out);
        DateMajorPass.run(panel, List.of(this), new MemorySegment[][] {in}, new MemorySegment[][] {out});
    }

    /**
     * Computes every output row of one date. The inputs and the output are date-major blocks of a few dates (the
     * panel's by-date order: a date's rows contiguous, in symbol order); this date's rows are
     * {@code [offset, offset + width)} of each. Output rows are {@code NaN} until written (rows left unwritten,
     * missing values, stay {@code NaN}), unless {@link #writesEveryRow} says the kernel writes them all.
     */
    abstract void computeDate(double[][] in, int offset, int width, double[] out, Scratch scratch);

    /**
     * Whether {@link #computeDate} writes every row of the date, missing ones included, so that the pass need not
     * fill the date's output with {@code NaN} first.
     */
    boolean writesEveryRow() {
        return false;
    }

    /**
     * Whether the pass calls {@link #computeDates} for a few dates at once instead of {@link #computeDate} for
     * each: kernels whose per-date work is a serial chain (a sum) that several dates can run side by side.
     */
    boolean datesAtOnce() {
        return false;
    }

    /**
     * Computes every row, missing ones included, of {@code count} dates of a block ({@code 1 <= count <=}
     * {@link DateMajorPass#GROUP}), date {@code i}'s rows being {@code [offsets[i], offsets[i] + widths[i])}: what
     * {@link #computeDate} gives each, for kernels whose {@link #datesAtOnce} is true.
     */
    void computeDates(double[][] in, int[] offsets, int[] widths, int count, double[] out) {
        throw new UnsupportedOperationException(outputs().get(0) + " computes one date at a time");
    }

    /**
     * Collects the finite values of {@code x[offset, offset + width)} (one date, in symbol order) into
     * {@code scratch.values} and their positions in the block into {@code scratch.rows}, and returns how many there
     * are. {@code -0.0} is stored as {@code 0.0} so that equal values compare equal however they are sorted. A
     * date another kernel has just gathered from the same buffer is not gathered again ({@link Scratch#gathered}).
     */
    static int gather(double[] x, int offset, int width, Scratch scratch) {
        int m = scratch.gathered(x, offset);
        if (m >= 0) {
            return m;
        }
        m = 0;
        double[] values = scratch.values;
        int[] rows = scratch.rows;
        for (int row = offset, end = offset + width; row < end; row++) {
            double v = x[row];
            if (Double.isFinite(v)) {
                values[m] = v + 0.0;
                rows[m++] = row;
            }
        }
        scratch.gathered(x, offset, m);
        return m;
    }

    /** Writes {@code value} to every row of a date. */
    static void broadcast(double[] out, int offset, int width, double value) {
        Arrays.fill(out, offset, offset + width, value);
    }
}
