package dev.quiver.features.averages;

/**
 * The linearly weighted mean of the last {@code n} finite values (weights 1 to {@code n}, newest heaviest), in
 * TA-Lib's {@code WMA} order of operations: a running weighted sum and a running plain sum, the weighted sum
 * reduced by the plain sum after each output. Shared by {@code wma} and {@code hma}.
 *
 * <p>Thread-safety: not thread-safe; one instance per series.
 */
final class WeightedWindow {
    private final int n;
    private final double divider;
    private final double[] ring;
    private int next;
    private int run;
    private double periodSum;
    private double periodSub;
    private double trailing;

    WeightedWindow(int n) {
        this.n = n;
        this.divider = divider(n);
        this.ring = new double[n];
    }

    /** TA-Lib's divider: the sum of the weights 1 to {@code n}. */
    static double divider(int n) {
        return (n * (n + 1)) >> 1;
    }

    /** Adds a finite value; returns the weighted mean, or {@code NaN} while the window is not full. */
    double add(double x) {
        if (n == 1) {
            run = 1;
            return x; // TA-Lib copies the input for n = 1
        }
        ring[next] = x;
        next = next + 1 == n ? 0 : next + 1;
        if (run < n - 1) {
            run++;
            periodSub += x;
            periodSum += x * run;
            return Double.NaN;
        }
        run = n;
        periodSub += x;
        periodSub -= trailing;
        periodSum += x * n;
        trailing = ring[next]; // the oldest value of this window, which leaves before the next output
        double y = periodSum / divider;
        periodSum -= periodSub;
        return y;
    }

    /** Empties the window (a missing value). */
    void clear() {
        next = 0;
        run = 0;
        periodSum = 0.0;
        periodSub = 0.0;
        trailing = 0.0;
    }
}
