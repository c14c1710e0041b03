package dev.quiver.features.volatility;

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
 * The mean and variance of the last {@code n} finite values of a series in O(1) per value (amortised), and one
 * output drawn from them per row: the variance, the standard deviation or the z-score of the newest value. The
 * shared engine of {@code var}, {@code stddev} and {@code zscore}.
 *
 * <p><b>Arithmetic.</b> Running sums of deviations from an anchor {@code K}, {@code s₁ = Σ(x − K)} and
 * {@code s₂ = Σ(x − K)²}, each updated once per value with the difference of the entering and the leaving deviation
 * ({@code s₂ += (d − o)(d + o)}); the centred sum of squares is {@code M₂ = s₂ − s₁²/n}. The anchor is the window's
 * mean as of the last resummation, so the deviations are of the size of the window's spread, not of the series'
 * level: a series at 1e9 that moves by 1e-3 loses nothing to the level (TA-Lib's {@code E[x²] − E[x]²} loses all
 * its digits there), and for positive series within a factor 2 of the anchor each {@code x − K} is exact (Sterbenz).
 * Every {@code n} values the anchor moves to the window's current mean, in O(1) ({@code Σ(d − δ) = s₁ − nδ},
 * {@code Σ(d − δ)² = s₂ − δ(2s₁ − nδ)}), so the deviations stay of the size of the spread while the series drifts.
 * The sums are recomputed exactly from the window (two passes: its mean, which becomes the anchor, then the
 * deviations) as soon as {@code M₂} falls below {@code 2⁻⁸} of the sum of the squared deviations that entered and
 * left since the last resummation, the scale of the rounding error the running sums may carry (a window that calms
 * after a spike is resummed rather than read off the spike's residue), and at the latest every {@code 16n}
 * values, so rounding residue never outlives sixteen windows. The relative error of {@code M₂} stays within a few
 * hundred ulps in the worst case and a few ulps in practice, the accuracy of a two-pass computation (checked
 * against exact arithmetic in {@code RollingAccuracyTest}). Each resummation costs O(n); the periodic ones come
 * every {@code 16n} values, and an early one needs the variance to fall 256-fold against the recent deviations,
 * which a series cannot do every value for long: O(1) per value amortised.
 *
 * <p><b>Exactly constant windows</b> are detected exactly (a count of trailing values equal to the newest): their
 * variance and standard deviation are exactly 0 and their z-score {@code NaN}, never rounding residue.
 *
 * <p><b>Missing values</b> ({@code NaN}, ±∞) output {@code NaN} and empty the window; outputs resume {@code n}
 * values later.
 *
 * <p>{@link #run} holds the per-value arithmetic with the state in local variables (the JIT keeps them in registers)
 * and written back at the end; {@link #update} runs it over a one-value segment, so a batch kernel and an
 * incremental state built on this class are one piece of code and agree bit for bit.
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

    /** Resummation when {@code M₂ < CANCELLATION · scale}: the running sums have lost about 8 bits to cancellation. */
    private static final double CANCELLATION = 0x1p-8;
    /** Exact resummation at the latest every {@code RESUM_WINDOWS · n} values. */
    private static final int RESUM_WINDOWS = 16;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final int n;
    private final Output output;
    private final double invN;
    private final double invDivisor;
    private final int mask;
    /** The window's values at {@code ring[row & mask]}: a power-of-two ring of at least {@code n} slots. */
    private final double[] ring;
    private MemorySegment scratch; // the one row of update(x), made on first use: batch kernels never need it
    private int next;       // the ring slot of the next value
    private int run;        // values in the window, up to n
    private int since;      // values added since the last resummation
    private int centred;    // values added since the anchor last moved
    private int equal;      // trailing values equal to the newest, up to n
    private double last;    // the newest value
    private double anchor;
    private double s1;
    private double s2;
    private double scale;   // s₂ at the last resummation plus the squared deviations added and removed since

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
        this.mask = Integer.highestOneBit(Math.max(1, n - 1)) * 2 - 1;
        this.ring = new double[mask + 1];
    }

    /**
     * Consumes rows {@code [from, to)} of {@code in} and writes each row's output to {@code out}: {@code NaN} until
     * the window holds {@code n} values, and at missing values. {@code in} and {@code out} may be the same segment.
     *
     * @throws IndexOutOfBoundsException if a row lies outside either segment
     */
    public void run(MemorySegment in, MemorySegment out, int from, int to) {
        final int n = this.n;
        final int mask = this.mask;
        final double[] ring = this.ring;
        final double invN = this.invN;
        final double invDivisor = this.invDivisor;
        final Output output = this.output;
        int next = this.next;
        int run = this.run;
        int since = this.since;
        int centred = this.centred;
        int equal = this.equal;
        double last = this.last;
        double anchor = this.anchor;
        double s1 = this.s1;
        double s2 = this.s2;
        double scale = this.scale;
        for (int i = from; i < to; i++) {
            double x = in.getAtIndex(D, i);
            if (!Double.isFinite(x)) {
                run = 0;
                since = 0;
                centred = 0;
                equal = 0;
                s1 = 0.0;
                s2 = 0.0;
                scale = 0.0;
                out.setAtIndex(D, i, Double.NaN);
                continue;
            }
            if (run == 0) {
                anchor = x;
            }
            double d = x - anchor;
            double o = run == n ? ring[(next - n) & mask] - anchor : 0.0; // the leaving value, once full
            s1 += d - o;
            s2 += (d - o) * (d + o);
            scale += d * d + o * o;
            ring[next] = x;
            next = (next + 1) & mask;
            equal = x == last ? Math.min(equal + 1, n) : 1;
            last = x;
            since++;
            if (run < n && ++run < n) {
                out.setAtIndex(D, i, Double.NaN);
                continue;
            }
            if (++centred >= n) {
                // the anchor moves to the window's mean, so that deviations stay of the size of the spread while the
                // series drifts: Σ(d − δ) = s₁ − nδ, Σ(d − δ)² = s₂ − δ(2s₁ − nδ), O(1) and no rounding beyond M₂'s
                double moved = anchor + s1 * invN;
                double delta = moved - anchor;
                anchor = moved;
                s2 -= delta * (2.0 * s1 - n * delta);
                s1 -= n * delta;
                centred = 0;
            }
            double m2 = s2 - s1 * s1 * invN;
            if (since >= RESUM_WINDOWS * n || m2 < scale * CANCELLATION) {
                // exact resummation: the window's mean becomes the anchor, then the deviations from it
                int oldest = next - n;
                double sum = 0.0;
                for (int k = 0; k < n; k++) {
                    sum += ring[(oldest + k) & mask] - anchor;
                }
                anchor += sum * invN;
                double a = 0.0;
                double b = 0.0;
                for (int k = 0; k < n; k++) {
                    double e = ring[(oldest + k) & mask] - anchor;
                    a += e;
                    b += e * e;
                }
                s1 = a;
                s2 = b;
                scale = b;
                since = 0;
                centred = 0;
                m2 = s2 - s1 * s1 * invN;
            }
            boolean constant = equal >= n;
            double variance = constant ? 0.0 : Math.max(m2, 0.0) * invDivisor;
            double value = switch (output) {
                case VARIANCE -> variance;
                case STD_DEV -> Math.sqrt(variance);
                case Z_SCORE -> constant ? Double.NaN : ((x - anchor) - s1 * invN) / Math.sqrt(variance);
            };
            out.setAtIndex(D, i, value);
        }
        this.next = next;
        this.run = run;
        this.since = since;
        this.centred = centred;
        this.equal = equal;
        this.last = last;
        this.anchor = anchor;
        this.s1 = s1;
        this.s2 = s2;
        this.scale = scale;
    }

    /**
     * Consumes one value: {@link #run} over one row.
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

    /** Empties the window: a missing value, through {@link #run}'s own reset. */
    public void clear() {
        update(Double.NaN);
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
