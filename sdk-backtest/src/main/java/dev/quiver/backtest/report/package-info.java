/**
 * Plots and reports: {@link dev.quiver.backtest.report.BacktestPlots} (equity with trade markers over the drawdown;
 * sweep heatmaps) as PNG and SVG with XChart, and {@link dev.quiver.backtest.report.HtmlReport}, which links them with
 * the metrics and result tables.
 */
package dev.quiver.backtest.report;
