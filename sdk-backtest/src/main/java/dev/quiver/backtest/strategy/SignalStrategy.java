package dev.quiver.backtest.strategy;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.backtest.engine.PositionSizer;
import java.util.Objects;

/**
 * A long-only strategy given as precomputed signal columns of one symbol: on bar {@code i}, an entry signal while
 * flat buys the sizer's quantity, an exit signal while long sells the position (market orders; no new order while
 * one is open). This is the event-engine form of what {@code dev.quiver.backtest.signal.SignalBacktester} computes
 * column by column, and the two give identical results.
 *
 * <p>Thread-safety: not thread-safe; one instance per run. The arrays are read, never written; they must not change
 * during the run.
 */
public final class SignalStrategy implements Strategy {
    private final boolean[] entries;
    private final boolean[] exits;
    private final SignalState state;
    private int index;

    /**
     * A strategy over these signals, one per bar of the single symbol it trades.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public SignalStrategy(boolean[] entries, boolean[] exits, PositionSizer sizer) {
        if (entries.length != exits.length) {
            throw new IllegalArgumentException("signals: " + entries.length + " entries but " + exits.length
                    + " exits");
        }
        this.entries = entries;
        this.exits = exits;
        this.state = new SignalState(Objects.requireNonNull(sizer, "sizer"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the run has more bars than signals, or several symbols
     */
    @Override
    public void onBar(Bar bar, StrategyContext context) {
        if (bar.symbolIndex() != 0) {
            throw new IllegalStateException("a signal strategy trades one symbol; got a bar of " + bar.symbol());
        }
        int i = index++;
        if (i >= entries.length) {
            throw new IllegalStateException("signals cover " + entries.length + " bars; bar " + i + " has none");
        }
        state.observe(bar);
        state.act(bar, context, entries[i], exits[i]);
    }
}
