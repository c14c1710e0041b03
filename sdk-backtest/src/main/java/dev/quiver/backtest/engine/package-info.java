/**
 * The event-driven engine: {@link dev.quiver.backtest.engine.EventBacktester} (history),
 * {@link dev.quiver.backtest.engine.LiveSession} (bars pushed as they arrive), their cost models
 * ({@link dev.quiver.backtest.engine.CommissionModel}, {@link dev.quiver.backtest.engine.SlippageModel}) and
 * {@link dev.quiver.backtest.engine.PositionSizer position sizing}. One account, order book and bookkeeping serves
 * both drivers, so a strategy trades the same way in both.
 */
package dev.quiver.backtest.engine;
