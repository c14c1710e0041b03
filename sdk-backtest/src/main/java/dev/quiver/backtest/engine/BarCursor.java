package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.Bar;

/**
 * The one {@link Bar} object of a run, overwritten for every bar: the engine allocates nothing per bar.
 *
 * <p>Thread-safety: not thread-safe; confined to the run's thread.
 */
final class BarCursor implements Bar {
    int symbolIndex;
    String symbol;
    long time;
    double open;
    double high;
    double low;
    double close;
    double volume;
    int row = -1;

    /** The bar's time and values; the symbol is set apart, only when it changes. */
    void set(long time, double open, double high, double low, double close, double volume) {
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
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
        return time;
    }

    @Override
    public double open() {
        return open;
    }

    @Override
    public double high() {
        return high;
    }

    @Override
    public double low() {
        return low;
    }

    @Override
    public double close() {
        return close;
    }

    @Override
    public double volume() {
        return volume;
    }

    @Override
    public int row() {
        return row;
    }

    @Override
    public String toString() {
        return "Bar[" + symbol + " " + dev.quiver.api.table.Timestamps.format(time) + " o=" + open + " h=" + high
                + " l=" + low + " c=" + close + " v=" + volume + "]";
    }
}
