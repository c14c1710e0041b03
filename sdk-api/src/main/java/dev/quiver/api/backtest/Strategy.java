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

    /** Called once after the last bar. */
    default void onFinish(StrategyContext context) {
    }
}
