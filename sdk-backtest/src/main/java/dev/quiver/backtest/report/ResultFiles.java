package dev.quiver.backtest.report;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.Trade;
import dev.quiver.api.table.Timestamps;
import dev.quiver.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes one run's results as files, atomically:
 * <ul>
 *   <li>{@link #writeTrades trades.csv}: {@code symbol,entry_time,exit_time,entry_price,exit_price,quantity,profit,
 *       profit_pct,fees}, one closed trade per line in exit order (quantity negative for a short; profit after fees;
 *       {@code profit_pct} a fraction of the entry value);</li>
 *   <li>{@link #writeEquity equity.csv}: {@code time,equity,drawdown}, one line per timestamp (drawdown a fraction
 *       at or below 0, from the running peak including the initial cash);</li>
 *   <li>{@link #writeMetrics metrics.json}: the run's label, its settings and its {@link Metrics} in snake case;
 *       undefined values ({@code NaN}, infinities) are {@code null}.</li>
 * </ul>
 * Times are dates ({@code YYYY-MM-DD}) for daily bars, else ISO instants ({@link Timestamps#format}).
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class ResultFiles {
    private ResultFiles() {
    }

    /**
     * Writes the trades as CSV.
     *
     * @throws IOException if the file cannot be written (it is then unchanged)
     */
    public static void writeTrades(Path file, List<Trade> trades) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("symbol,entry_time,exit_time,entry_price,exit_price,quantity,profit,profit_pct,fees\n");
            for (Trade t : trades) {
                w.write(t.symbol() + "," + Timestamps.format(t.entryTime()) + "," + Timestamps.format(t.exitTime())
                        + "," + number(t.entryPrice()) + "," + number(t.exitPrice()) + "," + number(t.quantity())
                        + "," + number(t.profit()) + "," + number(t.profitPct()) + "," + number(t.fees()) + "\n");
            }
        });
    }

    /**
     * Writes the equity curve and its drawdown as CSV.
     *
     * @throws IOException if the file cannot be written (it is then unchanged)
     */
    public static void writeEquity(Path file, EquityCurve equity, double initialCash) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("time,equity,drawdown\n");
            double peak = initialCash;
            for (int i = 0; i < equity.size(); i++) {
                double e = equity.equity(i);
                peak = Math.max(peak, e);
                w.write(Timestamps.format(equity.time(i)) + "," + number(e) + "," + number(e / peak - 1) + "\n");
            }
        });
    }

    /**
     * Writes a run's label, settings and metrics as JSON.
     *
     * @throws IOException if the file cannot be written (it is then unchanged)
     */
    public static void writeMetrics(Path file, String label, BacktestConfig config, Metrics m) throws IOException {
        String json = "{\n"
                + "  \"run\": " + string(label) + ",\n"
                + "  \"initial_cash\": " + json(config.initialCash()) + ",\n"
                + "  \"fill\": " + string(config.fill().name().toLowerCase(Locale.ROOT)) + ",\n"
                + "  \"periods_per_year\": " + json(config.periodsPerYear()) + ",\n"
                + "  \"metrics\": {\n"
                + "    \"total_return\": " + json(m.totalReturn()) + ",\n"
                + "    \"annual_return\": " + json(m.annualReturn()) + ",\n"
                + "    \"volatility\": " + json(m.volatility()) + ",\n"
                + "    \"sharpe\": " + json(m.sharpe()) + ",\n"
                + "    \"sortino\": " + json(m.sortino()) + ",\n"
                + "    \"calmar\": " + json(m.calmar()) + ",\n"
                + "    \"max_drawdown\": " + json(m.maxDrawdown()) + ",\n"
                + "    \"max_drawdown_bars\": " + m.maxDrawdownBars() + ",\n"
                + "    \"win_rate\": " + json(m.winRate()) + ",\n"
                + "    \"profit_factor\": " + json(m.profitFactor()) + ",\n"
                + "    \"expectancy\": " + json(m.expectancy()) + ",\n"
                + "    \"exposure\": " + json(m.exposure()) + ",\n"
                + "    \"turnover\": " + json(m.turnover()) + ",\n"
                + "    \"trades\": " + m.trades() + "\n"
                + "  }\n}\n";
        AtomicFiles.writeText(file, w -> w.write(json));
    }

    private static String json(double v) {
        return Double.isFinite(v) ? number(v) : "null";
    }

    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
