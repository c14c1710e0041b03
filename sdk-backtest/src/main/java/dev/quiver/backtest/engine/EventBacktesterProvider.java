package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.Backtester;
import dev.quiver.api.backtest.BacktesterProvider;
import dev.quiver.api.provider.Availability;

/**
 * The {@code event} backtester provider: {@link EventBacktester}, with costs from each run's config. Pure Java,
 * always available, priority 0 (the reference).
 *
 * <p>Thread-safety: stateless; safe to use from any thread.
 */
public final class EventBacktesterProvider implements BacktesterProvider {

    /** The provider; does no work (discovery instantiates it). */
    public EventBacktesterProvider() {
    }

    @Override
    public String name() {
        return "event";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.AVAILABLE;
    }

    @Override
    public String description() {
        return "event-driven bar-by-bar backtester (pure Java)";
    }

    @Override
    public Backtester create() {
        return EventBacktester.create();
    }
}
