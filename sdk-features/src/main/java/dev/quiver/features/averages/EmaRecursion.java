package dev.quiver.features.averages;

/**
 * An EMA of a stream of finite values with {@link Ema}'s seeding and arithmetic (TA-Lib's): the mean of the first
 * {@code n} values, then {@code ((x − ema)·α) + ema}. Shared by {@code dema} and {@code tema}, which chain them.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
final class EmaRecursion {
    private final int n;
    private final double alpha;
    private double ema;
    private int seen;

    EmaRecursion(int n) {
        this.n = n;
        this.alpha = Ema.alpha(n);
    }

    /** Adds a finite value; returns the EMA, or {@code NaN} while fewer than {@code n} values were added. */
    double add(double x) {
        if (seen == n) {
            ema = ((x - ema) * alpha) + ema;
            return ema;
        }
        ema += x;
        if (++seen < n) {
            return Double.NaN;
        }
        ema = ema / n;
        return ema;
    }

    void clear() {
        ema = 0.0;
        seen = 0;
    }
}
