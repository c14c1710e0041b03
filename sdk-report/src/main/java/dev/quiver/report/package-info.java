/**
 * Plots and HTML reports: {@link dev.quiver.report.ChartFiles}, {@link dev.quiver.report.Plot},
 * {@link dev.quiver.report.HtmlReport}.
 */
package dev.quiver.report;
