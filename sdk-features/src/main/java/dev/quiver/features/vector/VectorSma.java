package dev.quiver.features.vector;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.averages.Sma;
import dev.quiver.features.kernel.SingleInputKernel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code sma(n)} vectorised along time. Within a run of finite values the window sum {@code W[i]} is
 * {@code W[i−1] + (x[i] − x[i−n])}; a block of {@code L} rows takes the differences with two vector loads and one
 * subtraction, turns them into running sums with an in-register prefix sum ({@code log2 L} shift-and-add steps),
 * adds the previous block's last sum (kept broadcast in a vector, so the only chain between blocks is one addition
 * and one permutation) and divides by {@code n}.
 *
 * <p>The first sum of each run is accumulated value by value as the scalar kernel does, so the first output after each
 * warm-up is the scalar one exactly; blocks containing a missing value, and the tail, are stepped one row at a time
 * with the same recurrence; a missing value restarts the run as in the scalar kernel. Blocks are aligned to the run's
 * first row, not to memory, so a series gives the same bits wherever it lies. {@code n = 1} is the scalar kernel
 * (the output is the input, exactly).
 *
 * <p>Thread-safety: immutable.
 */
final class VectorSma extends SingleInputKernel {
    private static final VectorSpecies<Double> S = VectorKernels.SPECIES;
    private static final int L = S.length();
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    // lane j takes lane j - k, lanes below k zeroed: the steps of the prefix sum (static finals, constants to C2)
    private static final VectorShuffle<Double> SHIFT1 = shift(1);
    private static final VectorShuffle<Double> SHIFT2 = shift(2);
    private static final VectorShuffle<Double> SHIFT4 = shift(4);
    private static final VectorMask<Double> KEEP1 = keep(1);
    private static final VectorMask<Double> KEEP2 = keep(2);
    private static final VectorMask<Double> KEEP4 = keep(4);
    /** Every lane takes the last lane. */
    private static final VectorShuffle<Double> LAST = VectorShuffle.fromOp(S, j -> L - 1);

    private final int n;
    private final FeatureKernel scalar;

    VectorSma(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        super(descriptor, params, inputs, params.getInt("n") - 1);
        this.n = params.getInt("n");
        this.scalar = Sma.OPERATOR.create(params, inputs);
    }

    @Override
    public IncrementalKernel incremental() {
        return scalar.incremental();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Native segments are read and written with segment vector loads and stores. Heap segments are read and
     * written through their backing arrays (array vector loads: the segment ones are several times slower than the
     * scalar kernel on a heap segment); a heap input that does not hand out its array (a read-only view, or one
     * backed by another type of array) is copied into an array first. The arithmetic is the same either way, so
     * the bits do not depend on where the series lies.
     */
    @Override
    protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
        if (n == 1) {
            scalar.computeSeries(new MemorySegment[] {in}, new MemorySegment[] {out}, from, to);
            return;
        }
        double[] x = null;
        int xBase = 0;
        if (!in.isNative()) {
            x = doubles(in);
            if (x != null) {
                xBase = (int) (in.address() / Double.BYTES);
            } else {
                x = new double[to - from];
                MemorySegment.copy(in, D, (long) from * Double.BYTES, x, 0, to - from);
                xBase = -from;
            }
        }
        double[] y = out.isNative() ? null : doubles(out);
        int yBase = y == null ? 0 : (int) (out.address() / Double.BYTES);
        alongTime(in, x, xBase, out, y, yBase, from, to);
    }

    /** The array behind a writable heap segment of doubles, or null if it does not hand one out. */
    private static double[] doubles(MemorySegment segment) {
        Object base = segment.isReadOnly() ? null : segment.heapBase().orElse(null);
        return base instanceof double[] array && segment.address() % Double.BYTES == 0 ? array : null;
    }

    /**
     * Rows {@code [from, to)}: row {@code i} of the input is {@code x[xBase + i]}, or {@code in}'s row {@code i}
     * when {@code x} is null; of the output likewise ({@code y}, {@code out}).
     */
    private void alongTime(MemorySegment in, double[] x, int xBase, MemorySegment out, double[] y, int yBase,
                           int from, int to) {
        final int n = this.n;
        final DoubleVector divisor = DoubleVector.broadcast(S, n);
        int i = from;
        while (i < to) {
            // the run's first window, summed as the scalar kernel sums it
            double sum = 0.0;
            int run = 0;
            for (; i < to && run < n; i++) {
                double v = get(in, x, xBase, i);
                if (!Double.isFinite(v)) {
                    sum = 0.0;
                    run = 0;
                    set(out, y, yBase, i, Double.NaN);
                    continue;
                }
                sum += v;
                run++;
                set(out, y, yBase, i, run == n ? sum / n : Double.NaN);
            }
            if (run < n) {
                return; // i == to
            }
            // the rest of the run: whole blocks in vectors, a block holding a missing value (or the tail) by rows
            DoubleVector carry = DoubleVector.broadcast(S, sum);
            boolean missing = false;
            while (i < to && !missing) {
                if (i + L <= to) {
                    DoubleVector d = load(in, x, xBase, i).sub(load(in, x, xBase, i - n));
                    if (d.test(VectorOperators.IS_FINITE).allTrue()) {
                        DoubleVector sums = prefixSums(d).add(carry);
                        DoubleVector mean = sums.div(divisor);
                        if (y != null) {
                            mean.intoArray(y, yBase + i);
                        } else {
                            mean.intoMemorySegment(out, (long) i * Double.BYTES, ORDER);
                        }
                        carry = sums.rearrange(LAST);
                        i += L;
                        continue;
                    }
                }
                double w = carry.lane(0);
                int stop = Math.min(i + L, to);
                for (; i < stop; i++) {
                    double v = get(in, x, xBase, i);
                    if (!Double.isFinite(v)) {
                        missing = true; // the outer loop writes its NaN and starts a new run after it
                        break;
                    }
                    w = w + (v - get(in, x, xBase, i - n));
                    set(out, y, yBase, i, w / n);
                }
                carry = DoubleVector.broadcast(S, w);
            }
        }
    }

    private static DoubleVector load(MemorySegment in, double[] x, int xBase, int i) {
        return x != null ? DoubleVector.fromArray(S, x, xBase + i)
                : DoubleVector.fromMemorySegment(S, in, (long) i * Double.BYTES, ORDER);
    }

    private static double get(MemorySegment in, double[] x, int xBase, int i) {
        return x != null ? x[xBase + i] : in.getAtIndex(D, i);
    }

    private static void set(MemorySegment out, double[] y, int yBase, int i, double value) {
        if (y != null) {
            y[yBase + i] = value;
        } else {
            out.setAtIndex(D, i, value);
        }
    }

    /** Lane {@code j} of the result is the sum of lanes {@code 0..j} of {@code d} (up to 8 lanes). */
    private static DoubleVector prefixSums(DoubleVector d) {
        d = d.add(d.rearrange(SHIFT1, KEEP1));
        if (L > 2) {
            d = d.add(d.rearrange(SHIFT2, KEEP2));
        }
        if (L > 4) {
            d = d.add(d.rearrange(SHIFT4, KEEP4));
        }
        return d;
    }

    private static VectorShuffle<Double> shift(int by) {
        return VectorShuffle.fromOp(S, j -> Math.max(j - by, 0));
    }

    private static VectorMask<Double> keep(int by) {
        boolean[] bits = new boolean[L];
        for (int j = by; j < L; j++) {
            bits[j] = true;
        }
        return VectorMask.fromArray(S, bits, 0);
    }
}
