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
    // int slots and ages, no index that grows with the stream: no modulo per push and no overflow
    private int newest = -1; // the newest value's slot
    private int filled;      // values in the window, up to length
    private int highAge;     // bars since the window's (most recent) highest high: 0 for the newest bar
    private int lowAge;
    private double high;
    private double low;

    ExtremeWindow(int length) {
        this.length = length;
        this.highs = new double[length];
        this.lows = new double[length];
    }

    /** Adds a bar's high and low (the same value for a single series). */
    void push(double h, double l) {
        int slot = newest + 1 == length ? 0 : newest + 1;
        newest = slot;
        highs[slot] = h;
        lows[slot] = l;
        if (filled < length) {
            filled++;
        }
        highAge++;
        lowAge++;
        if (filled == 1 || highAge >= length) {
            rescanHigh();
        } else if (h >= high) {
            high = h;
            highAge = 0;
        }
        if (filled == 1 || lowAge >= length) {
            rescanLow();
        } else if (l <= low) {
            low = l;
            lowAge = 0;
        }
    }

    // oldest to newest, >= so that the most recent of equal highs wins
    private void rescanHigh() {
        highAge = highestAge(highs, newest, filled, length);
        high = highs[slotOf(newest, highAge, length)];
    }

    private void rescanLow() {
        lowAge = lowestAge(lows, newest, filled, length);
        low = lows[slotOf(newest, lowAge, length)];
    }

    /*
     * The static forms below are the window's arithmetic for batch kernels that keep the window's indices, extremes
     * and ages in local variables (the JIT keeps them in registers; fields are read and written through memory every
     * bar). A batch loop pushes a bar as push(...) does, with these rescans, so both forms compare the same values in
     * the same order.
     */

    /** The ring slot of the value {@code age} bars older than the one in slot {@code newest}. */
    static int slotOf(int newest, int age, int length) {
        int s = newest - age;
        return s < 0 ? s + length : s;
    }

    /**
     * The age of the most recent highest of the {@code filled} values ending at slot {@code newest}: scanned oldest to
     * newest with {@code >=}.
     */
    static int highestAge(double[] ring, int newest, int filled, int length) {
        int s = slotOf(newest, filled - 1, length);
        double best = ring[s];
        int age = filled - 1;
        for (int k = filled - 2; k >= 0; k--) {
            s = s + 1 == length ? 0 : s + 1;
            double v = ring[s];
            if (v >= best) {
                best = v;
                age = k;
            }
        }
        return age;
    }

    /** As {@link #highestAge}, for the most recent lowest value ({@code <=}). */
    static int lowestAge(double[] ring, int newest, int filled, int length) {
        int s = slotOf(newest, filled - 1, length);
        double best = ring[s];
        int age = filled - 1;
        for (int k = filled - 2; k >= 0; k--) {
            s = s + 1 == length ? 0 : s + 1;
            double v = ring[s];
            if (v <= best) {
                best = v;
                age = k;
            }
        }
        return age;
    }

    /** Whether {@code length} values have been pushed since the last clear. */
    boolean full() {
        return filled >= length;
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
        return highAge;
    }

    /** Bars since the (most recent) lowest low. */
    int lowAge() {
        return lowAge;
    }

    void clear() {
        newest = -1;
        filled = 0;
        highAge = 0;
        lowAge = 0;
    }
}
