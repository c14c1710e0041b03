package dev.quiver.backtest.report;

import static dev.quiver.report.HtmlReport.number;
import static dev.quiver.report.HtmlReport.percent;

import dev.quiver.api.backtest.Metrics;
import dev.quiver.backtest.sweep.SweepTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A backtest's figures as the rows of a report's tables: a run's metrics (fractions shown in percent) and the top
 * rows of a sweep.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class ReportTables {
    /** The small print of every backtest report. */
    static final String FOOTER = "Quiver backtest report. Returns are fractions of equity shown in percent; ratios "
            + "are annualised with a risk-free rate of 0 (see docs/backtest.md).";

    private ReportTables() {
    }

    static List<String[]> metrics(Metrics m) {
        return List.of(
                new String[] {"total return", percent(m.totalReturn())},
                new String[] {"annual return (CAGR)", percent(m.annualReturn())},
                new String[] {"volatility (annualised)", percent(m.volatility())},
                new String[] {"Sharpe", number(m.sharpe())}, new String[] {"Sortino", number(m.sortino())},
                new String[] {"Calmar", number(m.calmar())}, new String[] {"max drawdown", percent(m.maxDrawdown())},
                new String[] {"max drawdown duration (bars)", number(m.maxDrawdownBars())},
                new String[] {"trades", number(m.trades())}, new String[] {"win rate", percent(m.winRate())},
                new String[] {"profit factor", number(m.profitFactor())},
                new String[] {"expectancy (per trade)", number(m.expectancy())},
                new String[] {"exposure", percent(m.exposure())},
                new String[] {"turnover (per year)", number(m.turnover())});
    }

    static List<String> sweepHeader(List<String> metrics) {
        List<String> header = new ArrayList<>(List.of("#", "run", "status"));
        header.addAll(metrics);
        return header;
    }

    /** The first {@code maxRows} rows of {@code table} with the given metric columns. */
    static List<List<String>> sweepRows(SweepTable table, int maxRows, List<String> metrics) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(maxRows, table.size()); i++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), table.run(i),
                    table.completed(i) ? "ok" : "failed"));
            for (String c : metrics) {
                row.add(table.completed(i) ? number(table.metric(i, c)) : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
