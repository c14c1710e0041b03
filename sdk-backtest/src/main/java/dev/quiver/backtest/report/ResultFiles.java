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
 *       profit_pct,fees,borrow_cost,exit}, one closed trade per line in exit order (quantity negative for a short;
 *       profit after fees and borrow cost; {@code profit_pct} a fraction of the entry value; {@code exit} is
 *       {@code order}, or {@code liquidation} for a forced liquidation at the maintenance margin);</li>
 *   <li>{@link #writeEquity equity.csv}: {@code time,equity,drawdown}, one line per timestamp (drawdown a fraction
 *       at or below 0, from the running peak including the initial cash);</li>
 *   <li>{@link #writeMetrics metrics.json}: the run's label, its settings (the margin account too) and its
 *       {@link Metrics} by {@link Metrics#NAMES} (counts as integers);
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
        String[] reasons = new String[n];
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
            numbers[6][i] = t.borrowCost();
            reasons[i] = t.liquidation() ? "liquidation" : "order";
        }
        LogicalType time = timeType(entry, exit);
        List<Column> columns = new ArrayList<>(List.of(StringColumn.encode("symbol", symbols),
                Int64Column.wrap("entry_time", entry).withLogicalType(time),
                Int64Column.wrap("exit_time", exit).withLogicalType(time)));
        String[] names = {"entry_price", "exit_price", "quantity", "profit", "profit_pct", "fees", "borrow_cost"};
        for (int c = 0; c < names.length; c++) {
            columns.add(Float64Column.wrap(names[c], numbers[c]));
        }
        columns.add(StringColumn.encode("exit", reasons));
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
        JsonFiles.put(root, "commission_bps", config.commissionBps());
        JsonFiles.put(root, "slippage_bps", config.slippageBps());
        ObjectNode margin = root.putObject("margin");
        JsonFiles.put(margin, "long_initial", config.longInitialMargin());
        JsonFiles.put(margin, "long_maintenance", config.longMaintenanceMargin());
        JsonFiles.put(margin, "short_initial", config.shortInitialMargin());
        JsonFiles.put(margin, "short_maintenance", config.shortMaintenanceMargin());
        JsonFiles.put(margin, "borrow_rate", config.borrowRate());
        margin.put("buying_power_policy", config.buyingPowerPolicy().name().toLowerCase(Locale.ROOT));
        JsonFiles.put(root, "max_volume_share", config.maxVolumeShare());
        ObjectNode metrics = root.putObject("metrics");
        for (String name : Metrics.NAMES) {
            double v = m.value(name);
            if (Metrics.COUNTS.contains(name)) {
                metrics.put(name, (long) v);
            } else {
                JsonFiles.put(metrics, name, v);
            }
        }
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
