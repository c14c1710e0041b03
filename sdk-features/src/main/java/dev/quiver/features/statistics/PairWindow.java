package dev.quiver.features.statistics;

/**
 * The last {@code n} pairs of two series, and their centred second moments computed in two passes (means first,
 * then sums of products of deviations, oldest pair first): no running sums of squares, whose cancellation loses
 * digits on series far from zero, and no drift; O(n) per row. Shared by the batch and incremental forms of
 * {@code corr} and {@code beta}.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
final class PairWindow {
    final RollingWindow x;
    final RollingWindow y;
    /** After {@link #moments()}: Σ(dx·dx), Σ(dy·dy), Σ(dx·dy), and whether either window is constant. */
    double sxx;
    double syy;
    double sxy;
    boolean xConstant;
    boolean yConstant;

    PairWindow(int n) {
        this.x = new RollingWindow(n);
        this.y = new RollingWindow(n);
    }

    /** Adds a pair of finite values; returns whether the window holds {@code n} pairs. */
    boolean add(double a, double b) {
        y.add(b);
        return x.add(a);
    }

    /** Computes the centred moments of a full window. */
    void moments() {
        int n = x.n;
        double[] xs = x.ring;
        double[] ys = y.ring;
        int start = x.next; // both windows, oldest first, are ring[start .. start + n): they are added together
        double x0 = xs[start];
        double y0 = ys[start];
        double sumX = 0.0;
        double sumY = 0.0;
        boolean xc = true;
        boolean yc = true;
        for (int k = start; k < start + n; k++) {
            double a = xs[k];
            double b = ys[k];
            sumX += a;
            sumY += b;
            xc &= a == x0;
            yc &= b == y0;
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double xx = 0.0;
        double yy = 0.0;
        double xy = 0.0;
        for (int k = start; k < start + n; k++) {
            double dx = xs[k] - meanX;
            double dy = ys[k] - meanY;
            xx += dx * dx;
            yy += dy * dy;
            xy += dx * dy;
        }
        sxx = xx;
        syy = yy;
        sxy = xy;
        xConstant = xc;
        yConstant = yc;
    }

    void clear() {
        x.clear();
        y.clear();
    }
}
