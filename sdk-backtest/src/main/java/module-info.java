/**
 * Quiver's backtester: for now the performance statistics every backtest and sweep reports
 * ({@link dev.quiver.backtest.metrics.ReturnStatistics}, {@link dev.quiver.backtest.metrics.MetricsCalculator}).
 */
module dev.quiver.backtest {
    requires transitive dev.quiver.api;

    exports dev.quiver.backtest.metrics;
}
