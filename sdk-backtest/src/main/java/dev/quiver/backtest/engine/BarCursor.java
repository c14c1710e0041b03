package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.Bar;

/**
 * The one {@link Bar} object of a run, moved from bar to bar: the engine allocates nothing per bar. In a historical
 * run it reads the panel's columns at the bar's row ({@link #at}), so moving to the next bar is one store whatever the
 * strategy reads; in a live session it holds the pushed bar's values in arrays of one element of its own.
 *
 * <p>Thread-safety: not thread-safe; confined to the run's thread.
 */
final class BarCursor implements Bar {
    int symbolIndex;
    String symbol;
    /** The bar's index in the arrays: its table row in a historical run, 0 in a live session. */
    int at;
    private long[] time = new long[1];
    private double[] open = new double[1];
    private double[] high = new double[1];
    private double[] low = new double[1];
    private double[] close = new double[1];
    private double[] volume = new double[1];
    /** Whether the arrays are the panel's ({@link #row()} is {@link #at}) rather than a live bar's. */
    private boolean history;

    /** Reads the bars of this index from now on: {@link #at} is the table row. */
    void view(BarIndex index) {
        time = index.time;
        open = index.open;
        high = index.high;
        low = index.low;
        close = index.close;
        volume = index.volume;
        history = true;
    }

    /** A live bar's time and values; the symbol is set apart, only when it changes. */
    void set(long time, double open, double high, double low, double close, double volume) {
        this.time[0] = time;
        this.open[0] = open;
        this.high[0] = high;
        this.low[0] = low;
        this.close[0] = close;
        this.volume[0] = volume;
        this.at = 0;
    }

    @Override
    public int symbolIndex() {
        return symbolIndex;
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public long time() {
        return time[at];
    }

    @Override
    public double open() {
        return open[at];
    }

    @Override
    public double high() {
        return high[at];
    }

    @Override
    public double low() {
        return low[at];
    }

    @Override
    public double close() {
        return close[at];
    }

    @Override
    public double volume() {
        return volume[at];
    }

    @Override
    public int row() {
        return history ? at : -1;
    }

    @Override
    public String toString() {
        return "Bar[" + symbol + " " + dev.quiver.api.table.Timestamps.format(time()) + " o=" + open() + " h="
                + high() + " l=" + low() + " c=" + close() + " v=" + volume() + "]";
    }
}
