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
 * {@link #BLOCK} time steps of the {@code LANES} series is bulk-copied, input by input, into a lane-major scratch
 * block (lane {@code k}'s row {@code t} at {@code [k·BLOCK + t]}), stepped
 * through by the subclass with one gather per time step ({@link #load}) and one scatter ({@link #store}), and
 * bulk-copied back. Lanes whose series has ended, or that have no series, read {@code NaN}, which every recursive
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
    private static final int[] LANE_OFFSETS = laneOffsets();

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
     * Steps every lane through {@code steps} rows of the lane-major {@code in} blocks, one per input
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
        // lane-major blocks: lane k's rows t are at [k·BLOCK + t]; bulk copies in and out, gathers and scatters
        // between them and the registers
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
                    for (int i = 0; i < inputs; i++) {
                        if (valid > 0) {
                            MemorySegment.copy(in[i], D, ((long) start[k] + t0) * Double.BYTES, rowsIn[i],
                                    k * BLOCK, valid);
                        }
                        Arrays.fill(rowsIn[i], k * BLOCK + valid, k * BLOCK + steps, Double.NaN);
                    }
                }
                steps(state, rowsIn, rowsOut, steps);
                for (int k = 0; k < LANES; k++) {
                    int valid = Math.clamp(length[k] - t0, 0, steps);
                    if (valid > 0) {
                        MemorySegment.copy(rowsOut, k * BLOCK, y, D, ((long) start[k] + t0) * Double.BYTES, valid);
                    }
                }
            }
        }
    }

    /** Row {@code t} of every lane of a lane-major block. */
    static DoubleVector load(double[] rows, int t) {
        return DoubleVector.fromArray(S, rows, t, LANE_OFFSETS, 0);
    }

    /** Writes row {@code t} of every lane of a lane-major block. */
    static void store(DoubleVector v, double[] rows, int t) {
        v.intoArray(rows, t, LANE_OFFSETS, 0);
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

    private static int[] laneOffsets() {
        int[] offsets = new int[LANES];
        for (int k = 0; k < LANES; k++) {
            offsets[k] = k * BLOCK;
        }
        return offsets;
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
