package dev.quiver.features.volatility;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.SingleInputKernel;
import dev.quiver.features.kernel.SingleInputState;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The mean and variance of the last {@code n} finite values of a series in O(1) per value (amortised), and one
 * output drawn from them per row: the variance, the standard deviation or the z-score of the newest value. The
 * shared engine of {@code var}, {@code stddev}, {@code zscore} and {@code bbands}.
 *
 * <p><b>Arithmetic.</b> Running sums of deviations from an anchor {@code K}, {@code s₁ = Σ(x − K)} and
 * {@code s₂ = Σ(x − K)²}, each updated once per value with the difference of the entering and the leaving deviation
 * ({@code s₂ += (d − o)(d + o)}); the centred sum of squares is {@code M₂ = s₂ − s₁²/n}. The anchor is a recent
 * value of the series, so the deviations are of the size of the window's range, not of the series' level: a series
 * at 1e9 that moves by 1e-3 loses nothing to the level (TA-Lib's {@code E[x²] − E[x]²} loses all its digits there),
 * and for positive series within a factor 2 of the anchor each {@code x − K} is exact (Sterbenz). Every {@code n}
 * values the anchor moves to the newest value, in O(1) ({@code Σ(d − δ) = s₁ − nδ},
 * {@code Σ(d − δ)² = s₂ − δ(2s₁ − nδ)}; {@code δ} is the newest deviation, so the move adds no chain of dependent
 * operations to the sums'), so the deviations stay of the size of the range while the series drifts.
 *
 * <p><b>Accuracy.</b> Beside the sums runs {@code σ = Σ s₂}, the sum of the partial sums since the last exact
 * resummation: the rounding error {@code s₂} has accumulated is at most about {@code ε·σ} (each addition rounds by
 * half an ulp of its result). The sums are recomputed exactly from the window (two passes: its mean, which becomes
 * the anchor, then the deviations) as soon as {@code M₂ < 2⁻¹¹ σ}, so that this bound stays below
 * {@code 2⁻⁴⁰ ≈ 1e-12} of {@code M₂}, the accuracy of a two-pass computation to within a few thousand ulps in the
 * worst case and a few ulps in practice (checked against exact arithmetic in {@code RollingAccuracyTest}: series at
 * 1e9 with 1e-3 noise, windows that calm a millionfold after a spike, near-constant and exactly constant windows);
 * and at the latest every {@code 16n} values, so rounding residue never outlives sixteen windows. A window that
 * calms after a spike is thus resummed rather than read off the spike's residue. Each resummation costs O(n); the
 * periodic ones come every {@code 16n} values, and an early one needs the variance to fall far below the recent
 * windows', which a series cannot do every value for long: O(1) per value amortised.
 *
 * <p><b>Exactly constant windows</b> output a variance and standard deviation of exactly 0 and a z-score of
 * {@code NaN}, never rounding residue: their running {@code M₂} is residue, far below {@code 2⁻¹¹ σ}, so they are
 * resummed, and a resummation that finds every value of the window equal anchors at that value, where the sums are
 * exactly 0 and stay so while the values do.
 *
 * <p><b>Missing values</b> ({@code NaN}, ±∞) output {@code NaN} and empty the window; outputs resume {@code n}
 * values later. A new window starts with the ring full of copies of its first value, the anchor, whose deviations
 * are 0: the same loop fills the window and runs it. That fill costs O(n) per restart, so a series with a missing
 * value every few rows and a long window pays O(n) per gap (lazy fills measured slower on gap-free series).
 *
 * <p>{@link #run} holds the per-value arithmetic with the state in local variables (the JIT keeps them in registers)
 * and written back at the end, and leaves it for the rare resummations, whose loops would otherwise crowd its
 * registers; {@link #update} runs it over a one-value segment, so a batch kernel and an incremental state built on
 * this class are one piece of code and agree bit for bit.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
public final class RollingMoments {
    /** What {@link #run} outputs for each full window. */
    public enum Output {
        /** {@code M₂ / (n − ddof)}. */
        VARIANCE,
        /** The square root of {@link #VARIANCE}'s output, bit for bit. */
        STD_DEV,
        /** {@code (x − mean) / sd}, {@code x} the newest value and {@code sd} {@link #STD_DEV}'s output. */
        Z_SCORE
    }

    /** Resummation when {@code M₂ < CANCELLATION · σ}: the error bound {@code ε·σ} has reached 2⁻⁴⁰ of M₂. */
    private static final double CANCELLATION = 0x1p-11;
    /** Exact resummation at the latest every {@code RESUM_WINDOWS · n} values. */
    private static final int RESUM_WINDOWS = 16;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final int VARIANCE_KIND = 0;
    private static final int STD_DEV_KIND = 1;

    private final int n;
    private final Output output;
    private final double invN;
    private final double invDivisor;
    /** The window's values, oldest at {@code ring[next]} once full. */
    private final double[] ring;
    private MemorySegment scratch; // the one row of update(x), made on first use: batch kernels never need it
    private MemorySegment[] bandRow; // updateBands' row: x, upper, middle, lower; made on first use
    private boolean empty = true;  // the next finite value starts a window
    private int warm;              // rows still to output NaN: the window holds copies of its first value
    private int next;              // the ring slot of the next value
    private int moves;             // anchor moves since the last resummation
    private double anchor;
    private double s1;
    private double s2;
    private double scale;          // σ: the sum of s₂'s partial sums since the last resummation
    private double partial;        // runBands: the SMA's running sum of the window's values but the newest

    /**
     * An empty window.
     *
     * @param n the window length, at least 1
     * @param ddof the delta degrees of freedom of the divisor {@code n − ddof}: 0 (population) or 1 (sample)
     * @param output what {@link #run} writes
     * @throws IllegalArgumentException if {@code n < 1}, {@code ddof} is not 0 or 1, or {@code n − ddof < 1}
     */
    public RollingMoments(int n, int ddof, Output output) {
        if (n < 1 || ddof < 0 || ddof > 1 || n - ddof < 1) {
            throw new IllegalArgumentException("window length " + n + " with ddof " + ddof
                    + ": need n >= 1, ddof 0 or 1 and n - ddof >= 1");
        }
        this.n = n;
        this.output = output;
        this.invN = 1.0 / n;
        this.invDivisor = 1.0 / (n - ddof);
        this.ring = new double[n];
    }

    /**
     * Consumes rows {@code [from, to)} of {@code in} and writes each row's output to {@code out}: {@code NaN} until
     * the window holds {@code n} values, and at missing values. {@code in} and {@code out} may be the same segment.
     *
     * @throws IndexOutOfBoundsException if a row lies outside either segment
     */
    public void run(MemorySegment in, MemorySegment out, int from, int to) {
        run(in, out, null, null, 0.0, from, to);
    }

    /**
     * Bollinger bands in one pass: consumes rows {@code [from, to)} of {@code in} as {@link #run} does and writes,
     * for each row, the simple moving average of the window into {@code middle} ({@link
     * dev.quiver.features.kernel.SmaColumn}'s running sum, bit for bit, from the values in this window's ring),
     * {@code upper = middle + o·k} and {@code lower = middle − o·k}, {@code o} the row's output (the standard
     * deviation, for bands). A row whose window is not full or holds a missing value gets {@code NaN} in all three.
     *
     * @param in read only; none of the outputs may be it or each other
     * @throws IndexOutOfBoundsException if a row lies outside a segment
     */
    public void runBands(MemorySegment in, MemorySegment middle, MemorySegment upper, MemorySegment lower, double k,
                         int from, int to) {
        run(in, upper, Objects.requireNonNull(middle, "middle"), Objects.requireNonNull(lower, "lower"), k, from,
                to);
    }

    /** {@link #run} when {@code middle} is null, else {@link #runBands}: {@link #emit} tells the two apart. */
    private void run(MemorySegment in, MemorySegment out, MemorySegment middle, MemorySegment lower, double k,
                     int from, int to) {
        final int n = this.n;
        final double invN = this.invN;
        final double invDivisor = this.invDivisor;
        final int kind = this.output.ordinal();
        final double[] ring = this.ring;
        boolean empty = this.empty;
        int warm = this.warm;
        int next = this.next;
        int moves = this.moves;
        double anchor = this.anchor;
        double s1 = this.s1;
        double s2 = this.s2;
        double scale = this.scale;
        final boolean bands = middle != null;
        double partial = this.partial; // bands: the SMA's running sum, as SmaColumn's
        double mean = Double.NaN;       // bands: the row's SMA
        int i = from;
        while (i < to) {
            // the loop proper; the anchor moves each time the ring's slot wraps to 0. It leaves at a missing value or
            // when a resummation is due, both rare, so that the resummation's loops stay out of it
            boolean missing = false;
            for (; i < to; i++) {
                double x = in.getAtIndex(D, i);
                if (!Double.isFinite(x)) {
                    missing = true;
                    break;
                }
                if (empty) {
                    break; // the first value of a window, below
                }
                double o = ring[next] - anchor; // the leaving value's deviation
                ring[next] = x;
                double d = x - anchor;
                double dm = d - o;
                s1 += dm;
                s2 += dm * (d + o);
                scale += s2;
                if (++next == n) {
                    next = 0;
                    // a lap of the ring ends: the anchor moves to the newest value, as near as anchor + d rounds, or
                    // every RESUM_WINDOWS-th lap an exact resummation is due, which an infinite σ forces
                    if (++moves < RESUM_WINDOWS) {
                        double moved = anchor + d;
                        double delta = moved - anchor;
                        anchor = moved;
                        s2 -= delta * (2.0 * s1 - n * delta);
                        s1 -= n * delta;
                    } else {
                        scale = Double.POSITIVE_INFINITY;
                    }
                }
                if (warm > 0) { // the window still holds copies of its first value
                    warm--;
                    if (bands) {
                        partial += x;
                    }
                    emit(out, middle, lower, k, i, Double.NaN, Double.NaN);
                    continue;
                }
                if (bands) { // SmaColumn's steady step; ring[next] is now the window's oldest value
                    double total = partial + x;
                    mean = total / n;
                    partial = total - ring[next];
                }
                double m2 = s2 - s1 * s1 * invN;
                if (m2 < scale * CANCELLATION) {
                    break; // row i's value is in the sums and the ring; the resummation below outputs the row
                }
                emit(out, middle, lower, k, i, value(kind, m2, invDivisor, (x - anchor) - s1 * invN), mean);
            }
            if (i == to) {
                break;
            }
            double x = in.getAtIndex(D, i);
            if (missing) {
                empty = true;
                emit(out, middle, lower, k, i, Double.NaN, Double.NaN);
            } else if (empty) {
                // a new window: the ring holds n copies of its first value, the anchor, whose deviations are 0, so
                // the value leaves the sums at 0 and takes its slot as it is (a lap that ends here moves the anchor
                // by 0)
                Arrays.fill(ring, x);
                anchor = x;
                s1 = 0.0;
                s2 = 0.0;
                scale = 0.0;
                moves = 0;
                empty = false;
                next = next + 1 == n ? 0 : next + 1;
                warm = n - 1;
                partial = 0.0 + x; // the SMA's seed starts from 0, as SmaColumn's (0.0 + -0.0 is 0.0)
                if (warm > 0) {
                    warm--;
                    emit(out, middle, lower, k, i, Double.NaN, Double.NaN);
                } else { // a window of one value
                    mean = partial / n;
                    partial = partial - ring[next];
                    emit(out, middle, lower, k, i, value(kind, 0.0, invDivisor, 0.0), mean);
                }
            } else {
                this.next = next;
                anchor = resum(anchor);
                s1 = this.s1;
                s2 = this.s2;
                scale = s2;
                moves = 0;
                emit(out, middle, lower, k, i, value(kind, s2 - s1 * s1 * invN, invDivisor,
                        (x - anchor) - s1 * invN), mean); // the row's SMA was taken before the loop left
            }
            i++;
        }
        this.empty = empty;
        this.warm = warm;
        this.next = next;
        this.moves = moves;
        this.anchor = anchor;
        this.s1 = s1;
        this.s2 = s2;
        this.scale = scale;
        this.partial = partial;
    }

    /**
     * Recomputes {@link #s1} and {@link #s2} exactly from the full window in the ring, oldest first:
     * its mean, from deviations from {@code anchor}, then the deviations from that mean; for a window whose values
     * are all equal, the anchor is that value and both sums 0.
     *
     * @return the new anchor
     */
    private double resum(double anchor) {
        final int n = this.n;
        final double[] ring = this.ring;
        double newest = ring[next == 0 ? n - 1 : next - 1];
        double sum = 0.0;
        boolean constant = true;
        for (int k = 0, j = next; k < n; k++, j = j + 1 == n ? 0 : j + 1) {
            double x = ring[j];
            sum += x - anchor;
            constant &= x == newest;
        }
        double mean = constant ? newest : anchor + sum * invN;
        double a = 0.0;
        double b = 0.0;
        for (int k = 0, j = next; k < n; k++, j = j + 1 == n ? 0 : j + 1) {
            double e = ring[j] - mean;
            a += e;
            b += e * e;
        }
        s1 = a;
        s2 = b;
        return mean;
    }

    /**
     * Writes row {@code i}'s output {@code v}: into {@code out}, or, when a middle band is given, the row's moving
     * average {@code mean} into it and the bands {@code mean ± v·k} into {@code out} (upper) and {@code lower}. The
     * test is the same for every row of a run, so the branch costs nothing measurable.
     */
    private static void emit(MemorySegment out, MemorySegment middle, MemorySegment lower, double k, int i,
                             double v, double mean) {
        if (middle == null) {
            out.setAtIndex(D, i, v);
        } else {
            double width = v * k;
            middle.setAtIndex(D, i, mean);
            out.setAtIndex(D, i, mean + width);
            lower.setAtIndex(D, i, mean - width);
        }
    }

    /** The row's output: {@code centred} is the newest value's deviation from the window's mean. */
    private static double value(int kind, double m2, double invDivisor, double centred) {
        double variance = m2 > 0.0 ? m2 * invDivisor : 0.0;
        if (kind == VARIANCE_KIND) {
            return variance;
        }
        double sd = Math.sqrt(variance);
        return kind == STD_DEV_KIND ? sd : centred / sd;
    }

    /**
     * Consumes one value: {@link #run} over one row of a buffer of the recent values.
     *
     * @return the output for the window ending with {@code x}, {@code NaN} until it is full or if {@code x} is missing
     */
    public double update(double x) {
        if (scratch == null) {
            scratch = Arena.ofAuto().allocate(D);
        }
        scratch.setAtIndex(D, 0, x);
        run(scratch, scratch, 0, 1);
        return scratch.getAtIndex(D, 0);
    }

    /**
     * Consumes one value as {@link #runBands} does: {@code runBands} over one row of a buffer, so that the bands of
     * an incremental state and of the batch kernel are one piece of code.
     *
     * @param bands receives the upper band, the middle band and the lower band, in that order ({@code NaN} until
     *     the window is full or if {@code x} is missing)
     */
    public void updateBands(double x, double k, double[] bands) {
        if (bandRow == null) {
            MemorySegment row = Arena.ofAuto().allocate(D, 4); // x, upper, middle, lower
            bandRow = new MemorySegment[] {row, row.asSlice(Double.BYTES), row.asSlice(2L * Double.BYTES),
                row.asSlice(3L * Double.BYTES)};
        }
        bandRow[0].setAtIndex(D, 0, x);
        run(bandRow[0], bandRow[1], bandRow[2], bandRow[3], k, 0, 1);
        bands[0] = bandRow[1].getAtIndex(D, 0);
        bands[1] = bandRow[2].getAtIndex(D, 0);
        bands[2] = bandRow[3].getAtIndex(D, 0);
    }

    /** Empties the window and returns to the state of a fresh instance. */
    public void clear() {
        empty = true;
        next = 0;
    }

    /**
     * The kernel of an operator with parameters {@code n} and {@code ddof} whose output is one of {@link Output}'s:
     * a fresh {@link RollingMoments} run over each series; its incremental state runs one over each value.
     * {@code n − 1} warm-up rows.
     *
     * <p>Thread-safety: immutable; its incremental states are single-threaded.
     */
    public static final class Kernel extends SingleInputKernel {
        private final int n;
        private final int ddof;
        private final Output output;

        /**
         * The kernel of {@code descriptor} at {@code params}.
         *
         * @throws IllegalArgumentException if {@code n − ddof < 1}, or as {@link SingleInputKernel}'s constructor
         */
        public Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, Output output) {
            super(descriptor, params, inputs, params.getInt("n") - 1);
            this.n = params.getInt("n");
            this.ddof = params.getInt("ddof");
            this.output = output;
            if (n <= ddof) {
                throw new IllegalArgumentException(descriptor.name() + ": a window of " + n + " value has no "
                        + "sample variance; use n >= 2 with ddof = 1");
            }
        }

        @Override
        protected void computeRange(MemorySegment in, MemorySegment out, int from, int to) {
            new RollingMoments(n, ddof, output).run(in, out, from, to);
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(new RollingMoments(n, ddof, output));
        }
    }

    /** The incremental state: {@link #update}, the batch kernel's loop over one row. */
    private static final class State extends SingleInputState {
        private final RollingMoments window;

        State(RollingMoments window) {
            this.window = window;
        }

        @Override
        protected double step(double x) {
            return window.update(x);
        }

        @Override
        protected void clear() {
            window.clear();
        }
    }
}
