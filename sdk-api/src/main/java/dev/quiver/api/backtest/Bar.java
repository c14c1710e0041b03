package dev.quiver.api.backtest;

/**
 * The bar a strategy is looking at. The engine reuses one cursor object for all bars, so a strategy must copy the
 * values it wants to keep, never the {@code Bar} itself.
 *
 * <p>Thread-safety: not thread-safe; valid only during the {@link Strategy#onBar} call that received it.
 */
public interface Bar {
    /** The symbol's index in the panel (stable for the whole run). */
    int symbolIndex();

    /** The symbol. */
    String symbol();

    /** The bar's timestamp, milliseconds since the epoch (UTC). */
    long time();

    /** Open price. */
    double open();

    /** High price. */
    double high();

    /** Low price. */
    double low();

    /** Close price. */
    double close();

    /** Volume. */
    double volume();

    /**
     * The bar's row in the panel's table, for reading columns computed over the same panel (features of a plan:
     * row {@code r} of a plan's result belongs to row {@code r} of the panel); {@code -1} where the bar comes from no
     * table (a live feed).
     */
    default int row() {
        return -1;
    }
}
