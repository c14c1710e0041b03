package dev.quiver.features.momentum;

/**
 * Wilder-smoothed average gain and loss of a series' one-bar changes, with the seeding and arithmetic of
 * {@link Rsi} (TA-Lib's {@code RSI} and {@code CMO}): the first averages are the means of the first {@code n}
 * changes, then {@code G = (G·(n−1) + gain)/n}. Fed finite values only.
 *
 * <p>Thread-safety: not thread-safe; each instance belongs to one state object.
 */
final class WilderGainLoss {
    private final int n;
    private final double keep;
    private boolean started;
    private double previous;
    private int changes;
    private double gain;
    private double loss;

    WilderGainLoss(int n) {
        this.n = n;
        this.keep = n - 1;
    }

    /** Consumes the next finite value; whether the averages are ready (after {@code n} changes). */
    boolean next(double x) {
        if (!started) {
            started = true;
            previous = x;
            return false;
        }
        double change = x - previous;
        previous = x;
        if (changes == n) {
            loss = (loss * keep - Rsi.lossOf(change)) / n;
            gain = (gain * keep + Rsi.gainOf(change)) / n;
            return true;
        }
        gain += Rsi.gainOf(change);
        loss -= Rsi.lossOf(change);
        changes++;
        if (changes < n) {
            return false;
        }
        loss /= n;
        gain /= n;
        return true;
    }

    double gain() {
        return gain;
    }

    double loss() {
        return loss;
    }

    void clear() {
        started = false;
        previous = 0.0;
        changes = 0;
        gain = 0.0;
        loss = 0.0;
    }
}
