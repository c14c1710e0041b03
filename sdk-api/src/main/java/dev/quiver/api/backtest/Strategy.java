package dev.quiver.api.backtest;

/**
 * Trading logic that sees one bar at a time, in time order (for a panel, all symbols' bars of one timestamp before
 * the next timestamp). It keeps its own incremental state (e.g. {@link dev.quiver.api.feature.IncrementalKernel}s)
 * and acts through the {@link StrategyContext}. The same code runs over history and over a live feed.
 *
 * <p>Thread-safety: an instance is driven by one thread at a time; sweeps create one instance per run.
 */
public interface Strategy {

    /** Called once before the first bar. */
    default void onStart(StrategyContext context) {
    }

    /** Called for each bar, after the engine has filled what could fill at this bar. */
    void onBar(Bar bar, StrategyContext context);

    /**
     * Called once per timestamp after every symbol's bar of it (and before the account's end of timestamp: borrow
     * cost, the maintenance check, the equity point): where a cross-sectional strategy ranks symbols and rebalances.
     * Orders submitted here fill like orders submitted on the timestamp's last bar: market orders at each symbol's
     * next open, or under {@link FillTiming#CLOSE} at once at the symbol's close of this timestamp when it had a bar
     * at it. A strategy that does not override it costs nothing per timestamp.
     *
     * @param time the timestamp, milliseconds since the epoch (UTC)
     */
    default void onTimestamp(long time, StrategyContext context) {
    }

    /** Called once after the last bar. */
    default void onFinish(StrategyContext context) {
    }
}
