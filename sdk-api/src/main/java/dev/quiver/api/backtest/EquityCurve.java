package dev.quiver.api.backtest;

import java.util.Arrays;

/**
 * Account equity at the close of each timestamp.
 *
 * <p>Thread-safety: immutable.
 */
public final class EquityCurve {
    private final long[] times;
    private final double[] equity;

    /**
     * A curve of these points (copied).
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public EquityCurve(long[] times, double[] equity) {
        if (times.length != equity.length) {
            throw new IllegalArgumentException("equity curve: " + times.length + " times but " + equity.length
                    + " values");
        }
        this.times = times.clone();
        this.equity = equity.clone();
    }

    /** The number of points. */
    public int size() {
        return times.length;
    }

    /** The timestamp of point {@code i}. */
    public long time(int i) {
        return times[i];
    }

    /** The equity at point {@code i}. */
    public double equity(int i) {
        return equity[i];
    }

    /** A copy of the timestamps. */
    public long[] times() {
        return times.clone();
    }

    /** A copy of the equity values. */
    public double[] values() {
        return equity.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EquityCurve c && Arrays.equals(times, c.times) && Arrays.equals(equity, c.equity);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(equity);
    }

    @Override
    public String toString() {
        return "EquityCurve[" + times.length + " points]";
    }
}
