package dev.quiver.backtest.report;

import static dev.quiver.report.HtmlReport.number;
import static dev.quiver.report.HtmlReport.percent;

import dev.quiver.api.backtest.Metrics;
import dev.quiver.backtest.sweep.SweepTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A backtest's figures as the rows of a report's tables: a run's metrics and the top rows of a sweep; fractions
 * ({@link Metrics#FRACTIONS}) are shown in percent in both, with {@code (%)} in a sweep column's header.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class ReportTables {
    /** The small print of every backtest report. */
    static final String FOOTER = "Quiver backtest report. Returns are fractions of equity shown in percent; ratios "
            + "are annualised with a risk-free rate of 0 (see docs/backtest.md).";

    private ReportTables() {
    }

    /** The labels of the metrics in a run's table, by {@link Metrics#NAMES}. */
    private static final java.util.Map<String, String> LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("total_return", "total return"),
            java.util.Map.entry("annual_return", "annual return (CAGR)"),
            java.util.Map.entry("volatility", "volatility (annualised)"), java.util.Map.entry("sharpe", "Sharpe"),
            java.util.Map.entry("sortino", "Sortino"), java.util.Map.entry("calmar", "Calmar"),
            java.util.Map.entry("max_drawdown", "max drawdown"),
            java.util.Map.entry("max_drawdown_bars", "max drawdown duration (bars)"),
            java.util.Map.entry("win_rate", "win rate"), java.util.Map.entry("profit_factor", "profit factor"),
            java.util.Map.entry("expectancy", "expectancy (per trade)"), java.util.Map.entry("exposure", "exposure"),
            java.util.Map.entry("turnover", "turnover (per year)"), java.util.Map.entry("trades", "trades"),
            java.util.Map.entry("borrow_cost", "short-borrow cost"),
            java.util.Map.entry("liquidations", "forced liquidations"),
            java.util.Map.entry("rejected_orders", "orders rejected (buying power)"),
            java.util.Map.entry("reduced_orders", "orders reduced (buying power)"),
            java.util.Map.entry("benchmark_return", "benchmark total return"),
            java.util.Map.entry("excess_return", "excess return over the benchmark"),
            java.util.Map.entry("beta", "beta to the benchmark"),
            java.util.Map.entry("information_ratio", "information ratio"));

    /** A run's metrics, one row each in {@link Metrics#NAMES} order: fractions in percent, the rest as numbers. */
    static List<String[]> metrics(Metrics m) {
        List<String[]> rows = new ArrayList<>();
        for (String name : Metrics.NAMES) {
            rows.add(new String[] {LABELS.get(name), format(name, m.value(name))});
        }
        return rows;
    }

    /** A metric's value as a report shows it: a fraction in percent, anything else as a number. */
    static String format(String metric, double value) {
        return Metrics.FRACTIONS.contains(metric) ? percent(value) : number(value);
    }

    /** The metrics to show in a sweep's table: the sort metric first, then the others, each once. */
    static List<String> sweepColumns(String sortMetric, List<String> others) {
        java.util.LinkedHashSet<String> shown = new java.util.LinkedHashSet<>();
        shown.add(sortMetric);
        shown.addAll(others);
        return List.copyOf(shown);
    }

    static List<String> sweepHeader(List<String> metrics) {
        List<String> header = new ArrayList<>(List.of("#", "run", "status"));
        for (String metric : metrics) {
            header.add(Metrics.FRACTIONS.contains(metric) ? metric + " (%)" : metric);
        }
        return header;
    }

    /** The first {@code maxRows} rows of {@code table} with the given metric columns. */
    static List<List<String>> sweepRows(SweepTable table, int maxRows, List<String> metrics) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(maxRows, table.size()); i++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), table.run(i),
                    table.completed(i) ? "ok" : "failed"));
            for (String c : metrics) {
                row.add(table.completed(i) ? format(c, table.metric(i, c)) : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
