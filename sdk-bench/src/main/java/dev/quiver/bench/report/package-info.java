/**
 * The benchmark report generator: JMH JSON results to Markdown tables and PNG bar charts
 * ({@link dev.quiver.bench.report.BenchmarkReport}).
 */
package dev.quiver.bench.report;
