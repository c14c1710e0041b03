/**
 * A backtest's plots and report: {@link dev.quiver.backtest.report.BacktestPlots} (equity with trade markers over the
 * drawdown; sweep heatmaps) and {@link dev.quiver.backtest.report.BacktestReport}, which writes a run's files and an
 * HTML report over them (built with sdk-report's {@code HtmlReport}).
 */
package dev.quiver.backtest.report;
