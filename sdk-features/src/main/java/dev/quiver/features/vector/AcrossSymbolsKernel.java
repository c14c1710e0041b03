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
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The base of a one-input, one-output recursive kernel vectorised across symbols: {@link #compute} takes the panel's
 * series {@link #LANES} at a time, one per lane. Each block of {@link #BLOCK} time steps of the {@code LANES} series is
 * bulk-copied into a lane-major scratch block (lane {@code k}'s row {@code t} at {@code [k·BLOCK + t]}), stepped
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
        if (scalar.inputs().size() != 1 || scalar.outputs().size() != 1) {
            throw new IllegalArgumentException(scalar.descriptor().name() + ": an across-symbols kernel needs one "
                    + "input and one output");
        }
    }

    /** A fresh lane state: {@code LANES} lanes of everything the recursion carries from one step to the next. */
    abstract double[][] newState();

    /**
     * Steps every lane through {@code steps} rows of the lane-major {@code in} block ({@link #load}), writing
     * {@code out} ({@link #store}); the state carries from one call to the next.
     */
    abstract void steps(double[][] state, double[] in, double[] out, int steps);

    @Override
    public final void compute(Panel panel, MemorySegment[] in, MemorySegment[] out) {
        FeatureKernels.checkShapes(this, panel.rowCount(), in, out);
        MemorySegment x = in[0];
        MemorySegment y = out[0];
        // lane-major blocks: lane k's rows t are at [k·BLOCK + t]; bulk copies in and out, gathers and scatters
        // between them and the registers
        double[] rowsIn = new double[LANES * BLOCK];
        double[] rowsOut = new double[LANES * BLOCK];
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
                    if (valid > 0) {
                        MemorySegment.copy(x, D, ((long) start[k] + t0) * Double.BYTES, rowsIn, k * BLOCK, valid);
                    }
                    Arrays.fill(rowsIn, k * BLOCK + valid, k * BLOCK + steps, Double.NaN);
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
