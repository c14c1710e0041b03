package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.StrategyContext;

/**
 * How many units a strategy buys or sells short when it enters: a fixed quantity, a share of equity, or the
 * quantity that targets a volatility. Strategies call {@link #observe} with every bar they see (stateful sizers
 * learn from it) and {@link #quantity} when they enter.
 *
 * <p>Thread-safety: not thread-safe; a sizer may keep state per symbol, so each run needs its own (sweeps make one
 * per run through the strategy's factory).
 */
public interface PositionSizer {

    /**
     * The unsigned quantity to trade on this bar; 0 (or {@code NaN}) means "do not enter".
     *
     * @param bar the bar the strategy is deciding on (its close is the reference price)
     * @param context the account
     */
    double quantity(Bar bar, StrategyContext context);

    /** Learns from a bar; called by the strategy for every bar, before {@link #quantity}. */
    default void observe(Bar bar) {
    }

    /**
     * Always the same quantity.
     *
     * @throws IllegalArgumentException if the quantity is not positive and finite
     */
    static PositionSizer fixed(double quantity) {
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("fixed quantity must be positive and finite, not " + quantity);
        }
        return (bar, context) -> quantity;
    }

    /**
     * A share of the account's equity at the bar's close, split across the symbols the account trades:
     * {@code fraction * equity / symbols / close} units (fractional), {@code symbols} being
     * {@link StrategyContext#symbolCount()} (the panel's symbols). So {@code percentOfEquity(1)} over a 30-symbol
     * panel puts at most a thirtieth of the equity in each symbol, and the whole equity in one symbol's run.
     *
     * @throws IllegalArgumentException if the fraction is not positive and finite
     */
    static PositionSizer percentOfEquity(double fraction) {
        if (!(fraction > 0) || Double.isInfinite(fraction)) {
            throw new IllegalArgumentException("equity fraction must be positive and finite, not " + fraction);
        }
        return (bar, context) -> fraction * context.equity() / context.symbolCount() / bar.close();
    }

    /**
     * The quantity whose position would have the target annualised volatility, given the symbol's realised
     * volatility: {@code equity * min(target / realised, maxLeverage) / close}. The realised volatility is the sample
     * standard deviation of the last {@code lookback} close-to-close simple returns times
     * {@code sqrt(periodsPerYear)}; until {@code lookback} returns have been seen the quantity is 0 (no entry).
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    static PositionSizer volatilityTarget(double targetVolatility, int lookback, double periodsPerYear,
                                          double maxLeverage) {
        return new VolatilityTargetSizer(targetVolatility, lookback, periodsPerYear, maxLeverage);
    }
}
