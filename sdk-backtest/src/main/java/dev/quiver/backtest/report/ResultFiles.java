package dev.quiver.backtest.report;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.Trade;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.Timestamps;
import dev.quiver.io.TableFiles;
import dev.quiver.io.TableFormat;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.json.JsonFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one run's results as files, atomically, through sdk-io (CSV that quotes what must be quoted, JSON through
 * Jackson):
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
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private ResultFiles() {
    }

    /**
     * Writes the trades as CSV.
     *
     * @throws dev.quiver.io.DataFileException if the file cannot be written (it is then unchanged)
     */
    public static void writeTrades(Path file, List<Trade> trades) {
        int n = trades.size();
        String[] symbols = new String[n];
        long[] entry = new long[n];
        long[] exit = new long[n];
        double[][] numbers = new double[7][n];
        for (int i = 0; i < n; i++) {
            Trade t = trades.get(i);
            symbols[i] = t.symbol();
            entry[i] = t.entryTime();
            exit[i] = t.exitTime();
            numbers[0][i] = t.entryPrice();
            numbers[1][i] = t.exitPrice();
            numbers[2][i] = t.quantity();
            numbers[3][i] = t.profit();
            numbers[4][i] = t.profitPct();
            numbers[5][i] = t.fees();
        }
        LogicalType time = timeType(entry, exit);
        List<Column> columns = new ArrayList<>(List.of(StringColumn.encode("symbol", symbols),
                Int64Column.wrap("entry_time", entry).withLogicalType(time),
                Int64Column.wrap("exit_time", exit).withLogicalType(time)));
        String[] names = {"entry_price", "exit_price", "quantity", "profit", "profit_pct", "fees"};
        for (int c = 0; c < names.length; c++) {
            columns.add(Float64Column.wrap(names[c], numbers[c]));
        }
        TableFiles.write(Table.of(columns), file, CSV);
    }

    /**
     * Writes the equity curve and its drawdown as CSV.
     *
     * @throws dev.quiver.io.DataFileException if the file cannot be written (it is then unchanged)
     */
    public static void writeEquity(Path file, EquityCurve equity, double initialCash) {
        int n = equity.size();
        long[] times = new long[n];
        double[] values = new double[n];
        double[] drawdown = new double[n];
        double peak = initialCash;
        for (int i = 0; i < n; i++) {
            times[i] = equity.time(i);
            values[i] = equity.equity(i);
            peak = Math.max(peak, values[i]);
            drawdown[i] = values[i] / peak - 1;
        }
        TableFiles.write(Table.of(Int64Column.wrap("time", times).withLogicalType(timeType(times)),
                Float64Column.wrap("equity", values), Float64Column.wrap("drawdown", drawdown)), file, CSV);
    }

    /**
     * Writes a run's label, settings and metrics as JSON (Jackson); undefined values are {@code null}.
     *
     * @throws dev.quiver.io.DataFileException if the file cannot be written (it is then unchanged)
     */
    public static void writeMetrics(Path file, String label, BacktestConfig config, Metrics m) {
        ObjectNode root = JsonFiles.object();
        root.put("run", label);
        JsonFiles.put(root, "initial_cash", config.initialCash());
        root.put("fill", config.fill().name().toLowerCase(Locale.ROOT));
        JsonFiles.put(root, "periods_per_year", config.periodsPerYear());
        ObjectNode metrics = root.putObject("metrics");
        JsonFiles.put(metrics, "total_return", m.totalReturn());
        JsonFiles.put(metrics, "annual_return", m.annualReturn());
        JsonFiles.put(metrics, "volatility", m.volatility());
        JsonFiles.put(metrics, "sharpe", m.sharpe());
        JsonFiles.put(metrics, "sortino", m.sortino());
        JsonFiles.put(metrics, "calmar", m.calmar());
        JsonFiles.put(metrics, "max_drawdown", m.maxDrawdown());
        metrics.put("max_drawdown_bars", m.maxDrawdownBars());
        JsonFiles.put(metrics, "win_rate", m.winRate());
        JsonFiles.put(metrics, "profit_factor", m.profitFactor());
        JsonFiles.put(metrics, "expectancy", m.expectancy());
        JsonFiles.put(metrics, "exposure", m.exposure());
        JsonFiles.put(metrics, "turnover", m.turnover());
        metrics.put("trades", m.trades());
        JsonFiles.write(file, root);
    }

    private static final WriteOptions CSV = WriteOptions.builder().format(TableFormat.CSV).build();

    /** Dates when every time is midnight UTC (daily bars), else instants. */
    private static LogicalType timeType(long[]... times) {
        for (long[] ts : times) {
            for (long t : ts) {
                if (Math.floorMod(t, MILLIS_PER_DAY) != 0) {
                    return LogicalType.TIMESTAMP;
                }
            }
        }
        return LogicalType.DATE;
    }
}
