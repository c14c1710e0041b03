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
import java.util.Objects;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The base of a one-output recursive kernel vectorised across symbols: {@link #computeSymbols} (and
 * {@link #compute}, every symbol) takes the group's series {@link #LANES} at a time, one per lane. Each block of
 * {@link #BLOCK} time steps of the {@code LANES} series is copied, input by input, into a time-major scratch block
 * (lane {@code k}'s row {@code t} at {@code [t·LANES + k]}), stepped through by the subclass with one contiguous
 * vector load per time step ({@link #load}) and one store ({@link #store}), and copied back. (Gathers and scatters
 * from a lane-major block cost more than the whole recursion step; the transposing copies run at memory speed
 * within the L1 cache.) Lanes whose series has ended, or that have no series, read {@code NaN}, which every recursive
 * kernel treats as a missing value that leaves its state unchanged, and their outputs are not copied back.
 *
 * <p>{@link #computeSeries} and {@link #incremental()} are the scalar kernel's: a single series has no lanes to
 * fill.
 *
 * <p>Thread-safety: immutable; {@link #compute} allocates its scratch buffers per call.
 */
abstract class AcrossSymbolsKernel implements FeatureKernel {
    static final VectorSpecies<Double> S = VectorKernels.SPECIES;
    static final int LANES = S.length();
    /** Time steps per scratch block: two blocks of {@code BLOCK × LANES} doubles stay in the L1 cache. */
    static final int BLOCK = 128;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final FeatureKernel scalar;

    AcrossSymbolsKernel(FeatureKernel scalar) {
        this.scalar = scalar;
        if (scalar.outputs().size() != 1) {
            throw new IllegalArgumentException(scalar.descriptor().name() + ": an across-symbols kernel needs one "
                    + "output");
        }
    }

    /** A fresh lane state: {@code LANES} lanes of everything the recursion carries from one step to the next. */
    abstract double[][] newState();

    /**
     * Steps every lane through {@code steps} rows of the time-major {@code in} blocks, one per input
     * ({@link #load}), writing {@code out} ({@link #store}); the state carries from one call to the next.
     */
    abstract void steps(double[][] state, double[][] in, double[] out, int steps);

    @Override
    public final void compute(Panel panel, MemorySegment[] in, MemorySegment[] out) {
        computeSymbols(panel, 0, panel.symbolCount(), in, out);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Takes the group's series {@link #LANES} at a time; each lane computes its series exactly as the scalar
     * kernel does, so the grouping does not change a bit of the result.
     */
    @Override
    public final void computeSymbols(Panel panel, int firstSymbol, int endSymbol, MemorySegment[] in,
                                     MemorySegment[] out) {
        Objects.checkFromToIndex(firstSymbol, endSymbol, panel.symbolCount());
        FeatureKernels.checkShapes(this, panel.rowCount(), in, out);
        int inputs = in.length;
        MemorySegment y = out[0];
        // time-major blocks: lane k's row t is at [t·LANES + k]; one contiguous vector per time step
        double[][] rowsIn = new double[inputs][LANES * BLOCK];
        double[] rowsOut = new double[LANES * BLOCK];
        int[] start = new int[LANES];
        int[] length = new int[LANES];
        for (int first = firstSymbol; first < endSymbol; first += LANES) {
            int longest = 0;
            for (int k = 0; k < LANES; k++) {
                int s = first + k;
                start[k] = s < endSymbol ? panel.seriesStart(s) : 0;
                length[k] = s < endSymbol ? panel.seriesEnd(s) - start[k] : 0;
                longest = Math.max(longest, length[k]);
            }
            double[][] state = newState();
            for (int t0 = 0; t0 < longest; t0 += BLOCK) {
                int steps = Math.min(BLOCK, longest - t0);
                for (int k = 0; k < LANES; k++) {
                    int valid = Math.clamp(length[k] - t0, 0, steps);
                    long base = (long) start[k] + t0;
                    for (int i = 0; i < inputs; i++) {
                        MemorySegment src = in[i];
                        double[] dst = rowsIn[i];
                        for (int t = 0; t < valid; t++) {
                            dst[t * LANES + k] = src.getAtIndex(D, base + t);
                        }
                        for (int t = valid; t < steps; t++) {
                            dst[t * LANES + k] = Double.NaN;
                        }
                    }
                }
                steps(state, rowsIn, rowsOut, steps);
                for (int k = 0; k < LANES; k++) {
                    int valid = Math.clamp(length[k] - t0, 0, steps);
                    long base = (long) start[k] + t0;
                    for (int t = 0; t < valid; t++) {
                        y.setAtIndex(D, base + t, rowsOut[t * LANES + k]);
                    }
                }
            }
        }
    }

    /** Row {@code t} of every lane of a time-major block: one contiguous load. */
    static DoubleVector load(double[] rows, int t) {
        return DoubleVector.fromArray(S, rows, t * LANES);
    }

    /** Writes row {@code t} of every lane of a time-major block: one contiguous store. */
    static void store(DoubleVector v, double[] rows, int t) {
        v.intoArray(rows, t * LANES);
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
