/**
 * Guice bindings for the backtester: {@link dev.quiver.backtest.guice.BacktestModule}. Needs Guice on the class or
 * module path; nothing else in the backtest module does.
 */
package dev.quiver.backtest.guice;
