/**
 * The Backtester SPI: run a {@link dev.quiver.api.backtest.Strategy} bar by bar over a panel of bars and get back
 * {@link dev.quiver.api.backtest.Trade trades}, an {@link dev.quiver.api.backtest.EquityCurve equity curve} and
 * {@link dev.quiver.api.backtest.Metrics metrics}; run many strategies over shared data in parallel.
 *
 * <p>Bars are the rows of a {@link dev.quiver.api.table.Panel} with {@code FLOAT64} columns {@code open},
 * {@code high}, {@code low}, {@code close} and {@code volume}. The same {@code Strategy} code runs over history and
 * over a live feed.
 */
package dev.quiver.api.backtest;
