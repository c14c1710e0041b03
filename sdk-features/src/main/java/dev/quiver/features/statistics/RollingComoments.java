package dev.quiver.features.statistics;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * The centred second moments {@code Σdx², Σdy², Σdx·dy} of the last {@code n} finite pairs of two series in O(1) per
 * pair (amortised), and one output drawn from them per row: the Pearson correlation or the beta {@code cov/var(y)}.
 * The shared engine of {@link Correlation corr} and {@link Beta beta}; with {@code prices}, each series is first
 * turned into one-bar simple returns {@code (p − p₋₁)/p₋₁}, TA-Lib's {@code BETA} arithmetic.
 *
 * <p><b>Arithmetic</b>, as {@link dev.quiver.features.volatility.RollingMoments}' for one series: running sums of
 * deviations from anchors {@code Kx, Ky} (the window's means as of the last resummation), updated once per pair
 * with the entering and the leaving deviations; {@code Mxy = Σ(dx·dy) − Σdx·Σdy/n}. The anchors move to the window's
 * means in O(1) every {@code n} pairs; the sums are recomputed exactly from the window (means, then deviations) at
 * the latest every {@code 16n} pairs, and as soon as {@code Mxx} or {@code Myy} falls
 * below {@code 2⁻⁸} of the squared deviations that entered and left since the last resummation (cancellation). The
 * error of each moment is then a few ulps of its scale in practice (a few hundred at worst), whatever the level of the series; TA-Lib's raw sums {@code Σx², Σxy} lose {@code log10(level²/var)}
 * digits instead. Exactly constant windows are detected exactly (a count of trailing values equal to the newest,
 * per series).
 *
 * <p><b>Missing values</b> ({@code NaN}, ±∞ in either series, or with {@code prices} a previous price of 0): the
 * row outputs {@code NaN} and the window empties.
 *
 * <p>{@link #run} holds the per-pair arithmetic with the state in local variables and written back at the end;
 * {@link #update} runs it over a one-row segment, so the batch kernel and the incremental state are one piece of
 * code and agree bit for bit.
 *
 * <p>Thread-safety: not thread-safe; one instance per pair of series.
 */
final class RollingComoments {
    private static final double CANCELLATION = 0x1p-8;
    private static final int RESUM_WINDOWS = 16;
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final int n;
    private final boolean beta;
    private final boolean prices;
    private final double invN;
    private final int mask;
    private final double[] xs; // the window at [row & mask], power-of-two rings of at least n slots
    private final double[] ys;
    private MemorySegment scratch; // the one row of update(x, y): x then y, made on first use
    private MemorySegment scratchY;
    private double previousX = Double.NaN; // with prices: the previous prices, missing or not
    private double previousY = Double.NaN;
    private int next;
    private int run;
    private int since;
    private int centred;
    private int equalX;
    private int equalY;
    private double lastX;
    private double lastY;
    private double anchorX;
    private double anchorY;
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;
    private double scaleX;
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
        this.mask = Integer.highestOneBit(Math.max(1, n - 1)) * 2 - 1;
        this.xs = new double[mask + 1];
        this.ys = new double[mask + 1];
    }

    /** Consumes rows {@code [from, to)} of {@code x} and {@code y}, writing each row's output to {@code out}. */
    void run(MemorySegment x, MemorySegment y, MemorySegment out, int from, int to) {
        final int n = this.n;
        final int mask = this.mask;
        final double[] xs = this.xs;
        final double[] ys = this.ys;
        final double invN = this.invN;
        final boolean beta = this.beta;
        final boolean prices = this.prices;
        double previousX = this.previousX;
        double previousY = this.previousY;
        int next = this.next;
        int run = this.run;
        int since = this.since;
        int centred = this.centred;
        int equalX = this.equalX;
        int equalY = this.equalY;
        double lastX = this.lastX;
        double lastY = this.lastY;
        double anchorX = this.anchorX;
        double anchorY = this.anchorY;
        double sx = this.sx;
        double sy = this.sy;
        double sxx = this.sxx;
        double syy = this.syy;
        double sxy = this.sxy;
        double scaleX = this.scaleX;
        double scaleY = this.scaleY;
        for (int i = from; i < to; i++) {
            double a = x.getAtIndex(D, i);
            double b = y.getAtIndex(D, i);
            if (prices) {
                double pa = a;
                double pb = b;
                a = simpleReturn(pa, previousX);
                b = simpleReturn(pb, previousY);
                previousX = pa;
                previousY = pb;
            }
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                run = 0;
                since = 0;
                centred = 0;
                equalX = 0;
                equalY = 0;
                sx = sy = sxx = syy = sxy = scaleX = scaleY = 0.0;
                out.setAtIndex(D, i, Double.NaN);
                continue;
            }
            if (run == 0) {
                anchorX = a;
                anchorY = b;
            }
            double dx = a - anchorX;
            double dy = b - anchorY;
            double ox = 0.0; // the leaving pair's deviations, once full
            double oy = 0.0;
            if (run == n) {
                int oldest = (next - n) & mask;
                ox = xs[oldest] - anchorX;
                oy = ys[oldest] - anchorY;
            }
            sx += dx - ox;
            sy += dy - oy;
            sxx += (dx - ox) * (dx + ox);
            syy += (dy - oy) * (dy + oy);
            sxy += dx * dy - ox * oy;
            scaleX += dx * dx + ox * ox;
            scaleY += dy * dy + oy * oy;
            xs[next] = a;
            ys[next] = b;
            next = (next + 1) & mask;
            equalX = a == lastX ? Math.min(equalX + 1, n) : 1;
            equalY = b == lastY ? Math.min(equalY + 1, n) : 1;
            lastX = a;
            lastY = b;
            since++;
            if (run < n && ++run < n) {
                out.setAtIndex(D, i, Double.NaN);
                continue;
            }
            if (++centred >= n) {
                // the anchors move to the window's means in O(1), as RollingMoments' does
                double movedX = anchorX + sx * invN;
                double movedY = anchorY + sy * invN;
                double deltaX = movedX - anchorX;
                double deltaY = movedY - anchorY;
                anchorX = movedX;
                anchorY = movedY;
                sxy -= deltaX * sy + deltaY * (sx - n * deltaX);
                sxx -= deltaX * (2.0 * sx - n * deltaX);
                syy -= deltaY * (2.0 * sy - n * deltaY);
                sx -= n * deltaX;
                sy -= n * deltaY;
                centred = 0;
            }
            double mxx = sxx - sx * sx * invN;
            double myy = syy - sy * sy * invN;
            if (since >= RESUM_WINDOWS * n || mxx < scaleX * CANCELLATION || myy < scaleY * CANCELLATION) {
                // exact resummation: the window's means become the anchors, then the deviations from them
                int oldest = next - n;
                double sumX = 0.0;
                double sumY = 0.0;
                for (int k = 0; k < n; k++) {
                    int j = (oldest + k) & mask;
                    sumX += xs[j] - anchorX;
                    sumY += ys[j] - anchorY;
                }
                anchorX += sumX * invN;
                anchorY += sumY * invN;
                double ax = 0.0;
                double ay = 0.0;
                double axx = 0.0;
                double ayy = 0.0;
                double axy = 0.0;
                for (int k = 0; k < n; k++) {
                    int j = (oldest + k) & mask;
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
                sxx = scaleX = axx;
                syy = scaleY = ayy;
                sxy = axy;
                since = 0;
                centred = 0;
                mxx = sxx - sx * sx * invN;
                myy = syy - sy * sy * invN;
            }
            double mxy = sxy - sx * sy * invN;
            double value;
            if (equalY >= n) {
                value = Double.NaN; // y constant: no variance to divide by
            } else if (beta) {
                value = mxy / myy;
            } else if (equalX >= n) {
                value = Double.NaN;
            } else {
                value = Math.max(-1.0, Math.min(1.0, mxy / Math.sqrt(mxx * myy)));
            }
            out.setAtIndex(D, i, value);
        }
        this.previousX = previousX;
        this.previousY = previousY;
        this.next = next;
        this.run = run;
        this.since = since;
        this.centred = centred;
        this.equalX = equalX;
        this.equalY = equalY;
        this.lastX = lastX;
        this.lastY = lastY;
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

    private static double simpleReturn(double p, double previous) {
        // TA-Lib's arithmetic; NaN when either price is missing or the previous one is 0
        return Double.isFinite(p) && Double.isFinite(previous) && previous != 0.0
                ? (p - previous) / previous : Double.NaN;
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

    /** Empties the window and forgets the previous prices: a missing pair, through {@link #run}'s own reset. */
    void clear() {
        update(Double.NaN, Double.NaN);
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
