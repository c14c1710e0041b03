package dev.quiver.api.backtest;

import dev.quiver.api.provider.QuiverProvider;

/**
 * Makes {@link Backtester}s; discovered under the SPI name {@code backtest}.
 *
 * <p>Thread-safety: implementations must be safe to use from any thread.
 */
public interface BacktesterProvider extends QuiverProvider {

    /** A backtester. */
    Backtester create();
}
