package dev.quiver.features.volatility;

/**
 * The variance of the last {@code n} finite values of a stream, updated in constant time and without the
 * cancellation of {@code E[x²] − E[x]²}.
 *
 * <p>It keeps {@code s₁ = Σ(x − K)} and {@code s₂ = Σ(x − K)²} over the window for an anchor {@code K}, and the
 * variance is {@code (s₂ − s₁²/n)/(n − ddof)}. The anchor is a recent value of the series, so the deviations are of
 * the size of the series' range, not of its level: the rounding error is a few ulps of the variance, not of the
 * squared price as in TA-Lib's {@code VAR}/{@code STDDEV}/{@code BBANDS} (which lose digits as the price level grows
 * against the volatility and floor variances below 1e-8 to 0). Every {@code n} values the anchor moves to the newest
 * value and both sums are recomputed from the window (oldest value first), so rounding residue from the
 * add-and-subtract updates never lives longer than {@code n} steps; that costs {@code O(1)} per value amortised.
 *
 * <p>A missing value is not passed in: the caller calls {@link #clear()} and starts a new window. Negative results
 * of rounding (a flat window) are returned as 0.
 *
 * <p>{@code bbands} keeps its batch loop equal to this class bit for bit; {@code stddev} and {@code var} now run
 * {@link RollingMoments}, which also re-centres and resums on cancellation and is one loop for batch and incremental.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
public final class RollingVariance {
    private final int n;
    private final double[] ring;
    private int next;
    private int run;
    private int sinceAnchor;
    private double anchor;
    private double s1;
    private double s2;

    /**
     * An empty window.
     *
     * @param n the window length, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public RollingVariance(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window length " + n + " < 1");
        }
        this.n = n;
        this.ring = new double[n];
    }

    /** Adds a finite value; returns whether the window now holds {@code n} values. */
    public boolean add(double x) {
        if (run == 0) {
            anchor = x;
            s1 = 0.0;
            s2 = 0.0;
            sinceAnchor = 0;
        }
        if (run == n) {
            double d = ring[next] - anchor; // the oldest value leaves the window
            s1 -= d;
            s2 -= d * d;
        } else {
            run++;
        }
        ring[next] = x;
        next = next + 1 == n ? 0 : next + 1;
        double d = x - anchor;
        s1 += d;
        s2 += d * d;
        if (++sinceAnchor >= n) {
            reanchor(x);
        }
        return run == n;
    }

    private void reanchor(double newest) {
        anchor = newest;
        double a = 0.0;
        double b = 0.0;
        int start = next - run;
        if (start < 0) {
            start += n;
        }
        for (int k = 0, j = start; k < run; k++) {
            double d = ring[j] - anchor;
            a += d;
            b += d * d;
            j = j + 1 == n ? 0 : j + 1;
        }
        s1 = a;
        s2 = b;
        sinceAnchor = 0;
    }

    /**
     * The variance of the full window, {@code Σ(x − mean)² / (n − ddof)}, at least 0; {@code NaN} if the window is
     * not full.
     */
    public double variance(int ddof) {
        if (run < n) {
            return Double.NaN;
        }
        double v = (s2 - s1 * s1 / n) / (n - ddof);
        return v > 0.0 ? v : 0.0;
    }

    /** Empties the window. */
    public void clear() {
        run = 0;
        next = 0;
        sinceAnchor = 0;
    }
}
