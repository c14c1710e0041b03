/**
 * Built-in example strategies ({@link dev.quiver.backtest.strategy.SmaCross},
 * {@link dev.quiver.backtest.strategy.RsiReversion}, {@link dev.quiver.backtest.strategy.Breakout}) built on
 * sdk-features' incremental indicators, and {@link dev.quiver.backtest.strategy.Strategies}, which parses their spec
 * text ({@code sma_cross(10,50)}) into sweep runs.
 */
package dev.quiver.backtest.strategy;
