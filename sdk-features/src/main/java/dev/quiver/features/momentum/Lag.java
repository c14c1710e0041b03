package dev.quiver.features.momentum;

/**
 * The value {@code n} finite bars back within the current run of finite values, for {@code mom} and {@code roc}.
 *
 * <p>Thread-safety: not thread-safe; each instance belongs to one state object.
 */
final class Lag {
    private final int n;
    private final double[] ring;
    private int next;
    private int run;

    Lag(int n) {
        this.n = n;
        this.ring = new double[n];
    }

    /** Stores {@code x} and returns the value {@code n} bars before it, or {@code NaN} if the run is shorter. */
    double push(double x) {
        double old = ring[next];
        ring[next] = x;
        next = next + 1 == n ? 0 : next + 1;
        if (run < n) {
            run++;
            return Double.NaN;
        }
        return old;
    }

    void clear() {
        next = 0;
        run = 0;
    }
}
