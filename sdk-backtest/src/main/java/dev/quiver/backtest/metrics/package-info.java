/**
 * The performance statistics every backtest and sweep reports: {@link dev.quiver.backtest.metrics.ReturnStatistics}
 * over a series of per-period returns, and {@link dev.quiver.backtest.metrics.MetricsCalculator}, which turns an
 * equity curve and its trades into {@link dev.quiver.api.backtest.Metrics}. Returns are fractions, the risk-free
 * rate is 0, and undefined ratios are {@code NaN}.
 */
package dev.quiver.backtest.metrics;
