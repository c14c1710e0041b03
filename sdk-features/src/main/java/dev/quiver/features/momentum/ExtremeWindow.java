package dev.quiver.features.momentum;

/**
 * The largest and smallest of the last {@code length} values and where they are, for the stochastics, Williams %R
 * and Aroon. Among equal extremes the most recent counts (as TA-Lib's {@code >=} and {@code <=} scans choose), which
 * fixes Aroon's output when a high is repeated. A new extreme is found by rescanning the window only when the old
 * one leaves it, so a bar costs O(1) on average.
 *
 * <p>Thread-safety: not thread-safe; each instance belongs to one state object.
 */
final class ExtremeWindow {
    private final int length;
    private final double[] highs;
    private final double[] lows;
    private long last = -1; // the index of the newest value, counting from 0 since the last clear
    private long highAt;
    private long lowAt;
    private double high;
    private double low;

    ExtremeWindow(int length) {
        this.length = length;
        this.highs = new double[length];
        this.lows = new double[length];
    }

    /** Adds a bar's high and low (the same value for a single series). */
    void push(double h, double l) {
        last++;
        int slot = (int) (last % length);
        highs[slot] = h;
        lows[slot] = l;
        long oldest = last - length + 1;
        if (last == 0 || highAt < oldest) {
            rescanHigh(Math.max(oldest, 0));
        } else if (h >= high) {
            high = h;
            highAt = last;
        }
        if (last == 0 || lowAt < oldest) {
            rescanLow(Math.max(oldest, 0));
        } else if (l <= low) {
            low = l;
            lowAt = last;
        }
    }

    private void rescanHigh(long from) {
        high = highs[(int) (from % length)];
        highAt = from;
        for (long j = from + 1; j <= last; j++) {
            double v = highs[(int) (j % length)];
            if (v >= high) {
                high = v;
                highAt = j;
            }
        }
    }

    private void rescanLow(long from) {
        low = lows[(int) (from % length)];
        lowAt = from;
        for (long j = from + 1; j <= last; j++) {
            double v = lows[(int) (j % length)];
            if (v <= low) {
                low = v;
                lowAt = j;
            }
        }
    }

    /** Whether {@code length} values have been pushed since the last clear. */
    boolean full() {
        return last + 1 >= length;
    }

    /** The highest high of the window. */
    double high() {
        return high;
    }

    /** The lowest low of the window. */
    double low() {
        return low;
    }

    /** Bars since the (most recent) highest high: 0 if it is the newest bar. */
    int highAge() {
        return (int) (last - highAt);
    }

    /** Bars since the (most recent) lowest low. */
    int lowAge() {
        return (int) (last - lowAt);
    }

    void clear() {
        last = -1;
    }
}
