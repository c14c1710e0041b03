package dev.quiver.features.vector;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernels;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.VectorSpecies;

/**
 * The base of a one-input, one-output recursive kernel vectorised across symbols: {@link #compute} takes the panel's
 * series {@link #LANES} at a time, one per lane. Each block of {@link #BLOCK} time steps is transposed into a
 * time-major scratch buffer (row {@code t} holds lane {@code k}'s value at {@code scratch[t·L + k]}), stepped through
 * by the subclass, and transposed back. Lanes whose series has ended, or that have no series, read {@code NaN}, which
 * every recursive kernel treats as a missing value that leaves its state unchanged, and their outputs are not
 * copied back.
 *
 * <p>{@link #computeSeries} and {@link #incremental()} are the scalar kernel's: a single series has no lanes to
 * fill.
 *
 * <p>Thread-safety: immutable; {@link #compute} allocates its scratch buffers per call.
 */
abstract class AcrossSymbolsKernel implements FeatureKernel {
    static final VectorSpecies<Double> S = VectorKernels.SPECIES;
    static final int LANES = S.length();
    /** Time steps per transposed block: two blocks of {@code BLOCK × LANES} doubles stay in the L1 cache. */
    static final int BLOCK = 128;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final FeatureKernel scalar;

    AcrossSymbolsKernel(FeatureKernel scalar) {
        this.scalar = scalar;
        if (scalar.inputs().size() != 1 || scalar.outputs().size() != 1) {
            throw new IllegalArgumentException(scalar.descriptor().name() + ": an across-symbols kernel needs one "
                    + "input and one output");
        }
    }

    /** A fresh lane state: {@code LANES} lanes of everything the recursion carries from one step to the next. */
    abstract double[][] newState();

    /**
     * Steps every lane through {@code steps} rows of the time-major {@code in} buffer, writing {@code out}; the state
     * carries from one call to the next.
     */
    abstract void steps(double[][] state, double[] in, double[] out, int steps);

    @Override
    public final void compute(Panel panel, MemorySegment[] in, MemorySegment[] out) {
        FeatureKernels.checkShapes(this, panel.rowCount(), in, out);
        MemorySegment x = in[0];
        MemorySegment y = out[0];
        double[] tin = new double[BLOCK * LANES];
        double[] tout = new double[BLOCK * LANES];
        int[] start = new int[LANES];
        int[] length = new int[LANES];
        int symbols = panel.symbolCount();
        for (int first = 0; first < symbols; first += LANES) {
            int longest = 0;
            for (int k = 0; k < LANES; k++) {
                int s = first + k;
                start[k] = s < symbols ? panel.seriesStart(s) : 0;
                length[k] = s < symbols ? panel.seriesEnd(s) - start[k] : 0;
                longest = Math.max(longest, length[k]);
            }
            double[][] state = newState();
            for (int t0 = 0; t0 < longest; t0 += BLOCK) {
                int steps = Math.min(BLOCK, longest - t0);
                for (int k = 0; k < LANES; k++) {
                    int valid = Math.clamp(length[k] - t0, 0, steps);
                    long base = (long) start[k] + t0;
                    for (int t = 0; t < valid; t++) {
                        tin[t * LANES + k] = x.getAtIndex(D, base + t);
                    }
                    for (int t = valid; t < steps; t++) {
                        tin[t * LANES + k] = Double.NaN;
                    }
                }
                steps(state, tin, tout, steps);
                for (int k = 0; k < LANES; k++) {
                    int valid = Math.clamp(length[k] - t0, 0, steps);
                    long base = (long) start[k] + t0;
                    for (int t = 0; t < valid; t++) {
                        y.setAtIndex(D, base + t, tout[t * LANES + k]);
                    }
                }
            }
        }
    }

    @Override
    public final void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
        scalar.computeSeries(in, out, from, to);
    }

    @Override
    public final IncrementalKernel incremental() {
        return scalar.incremental();
    }

    @Override
    public final OperatorDescriptor descriptor() {
        return scalar.descriptor();
    }

    @Override
    public final Params params() {
        return scalar.params();
    }

    @Override
    public final List<String> inputs() {
        return scalar.inputs();
    }

    @Override
    public final List<String> outputs() {
        return scalar.outputs();
    }

    @Override
    public final int warmUp() {
        return scalar.warmUp();
    }

    /** Lanes filled with a value. */
    static double[] lanes(double value) {
        double[] lanes = new double[LANES];
        Arrays.fill(lanes, value);
        return lanes;
    }

    @Override
    public String toString() {
        return outputs().get(0);
    }
}
