package dev.quiver.features.volatility;

/**
 * Wilder's smoothing of a stream of finite values as TA-Lib computes it: the first {@code n} values are summed and
 * divided by {@code n}; then {@code avg = ((avg·(n−1)) + x)/n}. Shared by ATR and the Keltner channel.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
public final class Wilder {
    private final int n;
    private final double keep;
    private double average;
    private int seen;

    /**
     * A fresh average.
     *
     * @param n the smoothing length, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Wilder(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("smoothing length " + n + " < 1");
        }
        this.n = n;
        this.keep = n - 1;
    }

    /** Adds a finite value; returns the average, or {@code NaN} while fewer than {@code n} values were added. */
    public double add(double x) {
        if (seen == n) {
            average = ((average * keep) + x) / n;
            return average;
        }
        average += x;
        seen++;
        if (seen < n) {
            return Double.NaN;
        }
        average = average / n;
        return average;
    }

    /** Forgets every value. */
    public void clear() {
        average = 0.0;
        seen = 0;
    }
}
