/**
 * The vectorised fast path: {@link dev.quiver.backtest.signal.SignalBacktester} turns entry and exit columns of one
 * symbol into positions, fills and equity in a single loop over primitive columns, with results identical to the
 * event engine running the same signals; {@link dev.quiver.backtest.signal.Signals} builds such columns.
 */
package dev.quiver.backtest.signal;
