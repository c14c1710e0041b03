package dev.quiver.api.backtest;

import java.util.List;
import java.util.Objects;

/**
 * What one backtest produced.
 *
 * <p>Thread-safety: immutable.
 *
 * @param trades closed round trips, in exit order
 * @param equity the equity curve
 * @param metrics the summary statistics
 */
public record BacktestResult(List<Trade> trades, EquityCurve equity, Metrics metrics) {

    /** @throws NullPointerException if an argument is null */
    public BacktestResult {
        trades = List.copyOf(trades);
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(metrics, "metrics");
    }
}
