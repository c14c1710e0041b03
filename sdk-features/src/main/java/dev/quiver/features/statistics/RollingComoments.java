package dev.quiver.features.statistics;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

/**
 * The centred second moments {@code Σdx², Σdy², Σdx·dy} of the last {@code n} finite pairs of two series in O(1) per
 * pair (amortised), and one output drawn from them per row: the Pearson correlation or the beta {@code cov/var(y)}.
 * The shared engine of {@link Correlation corr} and {@link Beta beta}; with {@code prices}, each series is first
 * turned into one-bar simple returns {@code (p − p₋₁)/p₋₁}, TA-Lib's {@code BETA} arithmetic.
 *
 * <p><b>Arithmetic</b>, as {@link dev.quiver.features.volatility.RollingMoments}' for one series: running sums of
 * deviations from anchors {@code Kx, Ky} (recent values of the series), updated once per pair with the entering and
 * the leaving deviations; {@code Mxy = Σ(dx·dy) − Σdx·Σdy/n}. The anchors move to the newest pair in O(1) at the end
 * of every lap of the window's ring ({@code n} pairs). A new window starts with the rings full of copies of its
 * first pair, the anchors, whose deviations are 0: the same loop fills the window and runs it. Beside the sums run {@code σx = Σ Σdx²} and
 * {@code σy = Σ Σdy²}, the sums of their partial sums since the last resummation, which bound their accumulated
 * rounding error by about {@code ε·σ} (and that of {@code Σdx·dy} by {@code ε·sqrt(σx·σy)}); the sums are recomputed
 * exactly from the window (means, then deviations) as soon as {@code Mxx < 2⁻¹¹ σx} or {@code Myy < 2⁻¹¹ σy}, so
 * that the error of each moment stays below {@code 2⁻⁴⁰ ≈ 1e-12} of its scale (a few ulps in practice), whatever
 * the level of the series, and at the latest every {@code 16n} pairs. TA-Lib's raw sums {@code Σx², Σxy} lose
 * {@code log10(level²/var)} digits instead. A window in which one series is exactly constant has its moments
 * exactly 0 (its running moment is residue, so it is resummed, and a resummation that finds the series' values all
 * equal anchors it at that value), so its correlation and, for a constant {@code y}, its beta are {@code 0/0 = NaN}.
 *
 * <p><b>Missing values</b> ({@code NaN}, ±∞ in either series, or with {@code prices} a previous price of 0): the
 * row outputs {@code NaN} and the window empties.
 *
 * <p>{@link #run} holds the per-pair arithmetic with the state in local variables and written back at the end, and
 * leaves its loop for the rare resummations; {@link #update} runs it over a one-row segment, so the batch kernel and
 * the incremental state are one piece of code and agree bit for bit.
 *
 * <p>Thread-safety: not thread-safe; one instance per pair of series.
 */
final class RollingComoments {
    /** Resummation when a centred moment falls below this fraction of its σ: see the class comment. */
    private static final double CANCELLATION = 0x1p-11;
    private static final int RESUM_WINDOWS = 16;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final int n;
    private final boolean beta;
    private final boolean prices;
    private final double invN;
    private final double[] xs; // the window, oldest at [next] once full
    private final double[] ys;
    private MemorySegment scratch; // the one row of update(x, y): x then y, made on first use
    private MemorySegment scratchY;
    private double previousX = Double.NaN; // with prices: the previous prices, missing or not
    private double previousY = Double.NaN;
    private boolean empty = true; // the next finite pair starts a window
    private int warm;             // rows still to output NaN: the window holds copies of its first pair
    private int next;
    private int moves;
    private double anchorX;
    private double anchorY;
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;
    private double scaleX; // σx: the sum of Σdx²'s partial sums since the last resummation
    private double scaleY;

    /**
     * An empty window.
     *
     * @param n pairs per window, at least 2
     * @param beta output the beta {@code Mxy/Myy} instead of the correlation {@code Mxy/sqrt(Mxx·Myy)}
     * @param prices take one-bar simple returns of both series first
     */
    RollingComoments(int n, boolean beta, boolean prices) {
        this.n = n;
        this.beta = beta;
        this.prices = prices;
        this.invN = 1.0 / n;
        this.xs = new double[n];
        this.ys = new double[n];
    }

    /** Consumes rows {@code [from, to)} of {@code x} and {@code y}, writing each row's output to {@code out}. */
    void run(MemorySegment x, MemorySegment y, MemorySegment out, int from, int to) {
        final int n = this.n;
        final double[] xs = this.xs;
        final double[] ys = this.ys;
        final double invN = this.invN;
        final boolean beta = this.beta;
        final boolean prices = this.prices;
        double previousX = this.previousX;
        double previousY = this.previousY;
        boolean empty = this.empty;
        int warm = this.warm;
        int next = this.next;
        int moves = this.moves;
        double anchorX = this.anchorX;
        double anchorY = this.anchorY;
        double sx = this.sx;
        double sy = this.sy;
        double sxx = this.sxx;
        double syy = this.syy;
        double sxy = this.sxy;
        double scaleX = this.scaleX;
        double scaleY = this.scaleY;
        int i = from;
        while (i < to) {
            // one lap of the ring, from slot next to its end, where the anchors move; the loop leaves early at a
            // missing pair or when a resummation is due, both rare, so that the resummation's loops stay out of it
            int stop = Math.min(to, i + (n - next));
            int base = i - next;
            double dx = 0.0;
            double dy = 0.0;
            double a = 0.0;
            double b = 0.0;
            boolean missing = false;
            for (; i < stop; i++) {
                a = x.getAtIndex(D, i);
                b = y.getAtIndex(D, i);
                if (prices) {
                    double pa = a;
                    double pb = b;
                    a = simpleReturn(pa, previousX);
                    b = simpleReturn(pb, previousY);
                    previousX = pa;
                    previousY = pb;
                }
                if (!Double.isFinite(a) || !Double.isFinite(b)) {
                    missing = true;
                    break;
                }
                if (empty) {
                    break; // the first pair of a window, below
                }
                int j = i - base;
                double ox = xs[j] - anchorX; // the leaving pair's deviations
                double oy = ys[j] - anchorY;
                xs[j] = a;
                ys[j] = b;
                dx = a - anchorX;
                dy = b - anchorY;
                double mx = dx - ox;
                double my = dy - oy;
                sx += mx;
                sy += my;
                sxx += mx * (dx + ox);
                syy += my * (dy + oy);
                sxy += dx * dy - ox * oy;
                scaleX += sxx;
                scaleY += syy;
                if (warm > 0) { // the window still holds copies of its first pair
                    warm--;
                    out.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                double mxx = sxx - sx * sx * invN;
                double myy = syy - sy * sy * invN;
                if (mxx < scaleX * CANCELLATION || myy < scaleY * CANCELLATION) {
                    break; // row i's pair is in the sums and the rings; the resummation below outputs the row
                }
                out.setAtIndex(D, i, value(beta, mxx, myy, sxy - sx * sy * invN));
            }
            if (missing) {
                empty = true;
                out.setAtIndex(D, i, Double.NaN);
                next = i - base; // the row takes no slot
                i++;
                continue;
            }
            if (empty && i < stop) {
                // a new window: the rings hold n copies of its first pair, the anchors, whose deviations are 0, so
                // the pair leaves the sums at 0 and takes its slot as it is
                Arrays.fill(xs, a);
                Arrays.fill(ys, b);
                anchorX = a;
                anchorY = b;
                sx = sy = sxx = syy = sxy = scaleX = scaleY = 0.0;
                moves = 0;
                warm = n - 2; // n >= 2: this row is the first of n - 1 without output
                empty = false;
                out.setAtIndex(D, i, Double.NaN);
                i++;
            } else if (i < stop) {
                this.anchorX = anchorX;
                this.anchorY = anchorY;
                resum(i - base);
                anchorX = this.anchorX;
                anchorY = this.anchorY;
                sx = this.sx;
                sy = this.sy;
                sxx = scaleX = this.sxx;
                syy = scaleY = this.syy;
                sxy = this.sxy;
                moves = 0;
                out.setAtIndex(D, i, value(beta, sxx - sx * sx * invN, syy - sy * sy * invN, sxy - sx * sy * invN));
                dx = xs[i - base] - anchorX;
                dy = ys[i - base] - anchorY;
                i++;
            }
            next = i - base;
            if (next < n) {
                continue;
            }
            next = 0;
            // the lap ends: the anchors move to the newest pair (as near as anchor + d rounds), or every
            // RESUM_WINDOWS-th lap an exact resummation is due, which an infinite σ forces at the next full window
            if (++moves < RESUM_WINDOWS) {
                double movedX = anchorX + dx;
                double movedY = anchorY + dy;
                double deltaX = movedX - anchorX;
                double deltaY = movedY - anchorY;
                anchorX = movedX;
                anchorY = movedY;
                sxy -= deltaX * sy + deltaY * (sx - n * deltaX);
                sxx -= deltaX * (2.0 * sx - n * deltaX);
                syy -= deltaY * (2.0 * sy - n * deltaY);
                sx -= n * deltaX;
                sy -= n * deltaY;
            } else {
                scaleX = Double.POSITIVE_INFINITY;
            }
        }
        this.previousX = previousX;
        this.previousY = previousY;
        this.empty = empty;
        this.warm = warm;
        this.next = next;
        this.moves = moves;
        this.anchorX = anchorX;
        this.anchorY = anchorY;
        this.sx = sx;
        this.sy = sy;
        this.sxx = sxx;
        this.syy = syy;
        this.sxy = sxy;
        this.scaleX = scaleX;
        this.scaleY = scaleY;
    }

    /**
     * Recomputes the sums exactly from the window in the rings, {@code newest} the slot of its newest pair: the
     * means, from deviations from the anchors, become the anchors, then the deviations from them; a series whose
     * values are all equal is anchored at that value, where its sums are exactly 0.
     */
    private void resum(int newest) {
        final int n = this.n;
        final double[] xs = this.xs;
        final double[] ys = this.ys;
        double lastX = xs[newest];
        double lastY = ys[newest];
        double sumX = 0.0;
        double sumY = 0.0;
        boolean constantX = true;
        boolean constantY = true;
        for (int j = 0; j < n; j++) { // the ring in slot order: the sums' order does not depend on the oldest
            sumX += xs[j] - anchorX;
            sumY += ys[j] - anchorY;
            constantX &= xs[j] == lastX;
            constantY &= ys[j] == lastY;
        }
        anchorX = constantX ? lastX : anchorX + sumX * invN;
        anchorY = constantY ? lastY : anchorY + sumY * invN;
        double ax = 0.0;
        double ay = 0.0;
        double axx = 0.0;
        double ayy = 0.0;
        double axy = 0.0;
        for (int j = 0; j < n; j++) {
            double ex = xs[j] - anchorX;
            double ey = ys[j] - anchorY;
            ax += ex;
            ay += ey;
            axx += ex * ex;
            ayy += ey * ey;
            axy += ex * ey;
        }
        sx = ax;
        sy = ay;
        sxx = axx;
        syy = ayy;
        sxy = axy;
    }

    /** The row's output from the window's centred moments. */
    private static double value(boolean beta, double mxx, double myy, double mxy) {
        if (beta) {
            return mxy / myy;
        }
        // clamped to [-1, 1] with comparisons: Math.min/max's NaN and -0.0 rules cost more here (about 10 % of corr's
        // time on this machine kind), and give the same results for these values (a NaN or -0.0 passes through)
        double r = mxy / Math.sqrt(mxx * myy);
        return r > 1.0 ? 1.0 : r < -1.0 ? -1.0 : r;
    }

    private static double simpleReturn(double p, double previous) {
        // TA-Lib's arithmetic. A missing price or a previous price of 0 gives a result that is not finite (NaN or
        // ±∞), which the caller's test of the pair treats as missing: no tests of its own here
        return (p - previous) / previous;
    }

    /** Consumes one pair: {@link #run} over one row. */
    double update(double x, double y) {
        if (scratch == null) {
            scratch = Arena.ofAuto().allocate(D, 2);
            scratchY = scratch.asSlice(Double.BYTES);
        }
        scratch.setAtIndex(D, 0, x);
        scratch.setAtIndex(D, 1, y);
        run(scratch, scratchY, scratch, 0, 1);
        return scratch.getAtIndex(D, 0);
    }

    /** Empties the window and forgets the previous prices: the state of a fresh instance. */
    void clear() {
        empty = true;
        next = 0;
        previousX = Double.NaN;
        previousY = Double.NaN;
    }

    /** The batch kernel of {@code corr} and {@code beta}: a fresh window run over each series. Immutable. */
    static final class Kernel extends MultiInputKernel {
        private final int n;
        private final boolean beta;
        private final boolean prices;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, int warmUp, boolean beta,
               boolean prices) {
            super(descriptor, params, inputs, warmUp);
            this.n = params.getInt("n");
            this.beta = beta;
            this.prices = prices;
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            new RollingComoments(n, beta, prices).run(in[0], in[1], out[0], from, to);
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(new RollingComoments(n, beta, prices));
        }
    }

    /** The incremental state: {@link #update}, the batch kernel's loop over one row. */
    private static final class State extends MultiInputState {
        private final RollingComoments window;

        State(RollingComoments window) {
            super(2, 1);
            this.window = window;
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = window.update(in[0], in[1]);
        }

        @Override
        protected void clear() {
            window.clear();
        }
    }
}
