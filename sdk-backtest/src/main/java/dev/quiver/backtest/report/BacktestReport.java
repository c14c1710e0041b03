package dev.quiver.backtest.report;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Backtester;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Timestamps;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.metrics.Benchmark;
import dev.quiver.backtest.sweep.SweepTable;
import dev.quiver.report.HtmlReport;
import dev.quiver.report.OutputDirectory;
import dev.quiver.report.Plot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs a backtest or a sweep and writes everything a person looks at into one directory:
 * <ul>
 *   <li>for the run (in a sweep, the best completed run by the chosen metric): {@code trades.csv},
 *       {@code equity.csv}, {@code metrics.json} ({@link ResultFiles}, with the benchmark metrics) and
 *       {@code equity.png}/{@code .svg} ({@link BacktestPlots#equity}, with the benchmark's curve);</li>
 *   <li>for a sweep, also {@code sweep.csv} and {@code sweep.arrow} (every run, sorted by the metric) and, when the
 *       runs vary two numeric parameters, {@code heatmap.png}/{@code .svg} of the metric over the first two;</li>
 *   <li>{@code report.html}, which links them all.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; safe from any thread (give each call its own directory).
 */
public final class BacktestReport {
    private BacktestReport() {
    }

    /**
     * What was run and written.
     *
     * @param table every run's row, sorted by the metric (one row for a single run)
     * @param bestLabel the label of the run whose files were written, or {@code null} if every run failed
     * @param best that run's result, or {@code null}
     * @param report the HTML report
     * @param files every file written, the report last
     * @param timings how long the backtest, the files and the plots took
     */
    public record Written(SweepTable table, String bestLabel, BacktestResult best, Path report, List<Path> files,
                          Timings timings) {
    }

    /**
     * Where the time of a {@link #run} went.
     *
     * @param backtestNanos running the strategies
     * @param writeNanos writing the tables, the JSON and the report
     * @param plotNanos drawing the plots
     */
    public record Timings(long backtestNanos, long writeNanos, long plotNanos) {
    }

    /**
     * Runs {@code runs} over {@code bars} and writes the outputs into {@code dir}, whole: into a new sibling directory
     * that then replaces {@code dir} in one step ({@link dev.quiver.api.io.AtomicFiles#writeDirectory}), so a failed or
     * interrupted run leaves the previous outputs exactly as they were.
     *
     * @param title the report's title (e.g. the input file)
     * @param sortMetric the metric that orders the sweep table and picks the best run (one of
     *     {@link SweepTable#METRICS}); higher is better except for drawdown, volatility and turnover
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException if there are no runs or the metric is unknown
     */
    public static Written run(Panel bars, String title, List<StrategyRun> runs, Backtester backtester,
                              BacktestConfig config, String sortMetric, ProgressListener progress, Path dir)
            throws IOException {
        return run(bars, title, runs, backtester, config, sortMetric, null, progress, dir);
    }

    /**
     * Runs {@code runs} over {@code bars} and writes the outputs into {@code dir}, as the other {@code run} does,
     * with the buy-and-hold of {@code benchmarkSymbol} as the benchmark, or of the whole universe (equal cash per
     * symbol) when it is {@code null} ({@link Benchmark}).
     *
     * @throws IOException if a file cannot be written
     * @throws IllegalArgumentException if there are no runs, the metric is unknown or the benchmark symbol is not in
     *     the data
     */
    public static Written run(Panel bars, String title, List<StrategyRun> runs, Backtester backtester,
                              BacktestConfig config, String sortMetric, String benchmarkSymbol,
                              ProgressListener progress, Path dir) throws IOException {
        Objects.requireNonNull(bars, "bars");
        if (benchmarkSymbol != null) {
            Benchmark.buyAndHold(bars, benchmarkSymbol, new long[0], 1); // checks the symbol before any run
        }
        Objects.requireNonNull(backtester, "backtester");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: no strategy given");
        }
        String metric = sortMetric.strip().toLowerCase(Locale.ROOT);
        if (!SweepTable.METRICS.contains(metric)) {
            throw new IllegalArgumentException("unknown metric '" + sortMetric + "'; the metrics are "
                    + String.join(", ", SweepTable.METRICS));
        }
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        long start = System.nanoTime();
        // a large sweep keeps only metrics (the event engine can), and the best run is re-run for its curve
        List<RunOutcome> outcomes = runs.size() == 1 ? List.of(single(runs.get(0), bars, backtester, config))
                : backtester instanceof EventBacktester event ? event.sweepSummaries(runs, bars, config, listener)
                : backtester.sweep(runs, bars, config, listener);
        SweepTable table = SweepTable.of(outcomes).sortedBy(metric, !Metrics.LOWER_IS_BETTER.contains(metric));
        RunOutcome.Completed best = best(table, outcomes);
        if (best != null && outcomes.size() > 1 && backtester instanceof EventBacktester) {
            // summaries carry no curve: run the best again (runs are deterministic, so its metrics are the same)
            RunOutcome again = single(best.run(), bars, backtester, config);
            best = again instanceof RunOutcome.Completed c ? c : null;
        }
        long backtest = System.nanoTime() - start;
        RunOutcome.Completed chosen = best;
        long[] plotNanos = new long[1];
        List<Path> written = new ArrayList<>();
        OutputDirectory.checkReplaceable(dir);
        long writeStart = System.nanoTime();
        OutputDirectory.write(dir, "backtest report",
                tmp -> written.addAll(write(tmp, bars, title, outcomes, table, chosen, config, metric,
                        benchmarkSymbol, plotNanos)));
        long writing = System.nanoTime() - writeStart - plotNanos[0];
        List<Path> files = new ArrayList<>();
        for (Path f : written) {
            files.add(dir.resolve(f.getFileName()));
        }
        return new Written(table, best == null ? null : best.run().label(),
                best == null ? null : withBenchmark(best.result(), bars, config, benchmarkSymbol), files.getLast(),
                List.copyOf(files), new Timings(backtest, writing, plotNanos[0]));
    }

    /** The result with its metrics compared with the benchmark. */
    private static BacktestResult withBenchmark(BacktestResult result, Panel bars, BacktestConfig config,
                                                String benchmarkSymbol) {
        double[] benchmark = Benchmark.buyAndHold(bars, benchmarkSymbol, result.equity().times(),
                config.initialCash());
        return new BacktestResult(result.trades(), result.equity(), Benchmark.compare(result.metrics(),
                result.equity(), benchmark, config.initialCash(), config.periodsPerYear()));
    }

    /** The best completed run by the table's order, or {@code null} if every run failed. */
    private static RunOutcome.Completed best(SweepTable table, List<RunOutcome> outcomes) {
        for (int i = 0; i < table.size(); i++) {
            if (table.completed(i)) {
                for (RunOutcome o : outcomes) {
                    if (o instanceof RunOutcome.Completed c && c.run().label().equals(table.run(i))) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    /** Writes the outputs into {@code dir} (the new directory); returns the files, the report last. */
    private static List<Path> write(Path dir, Panel bars, String title, List<RunOutcome> outcomes, SweepTable table,
                                    RunOutcome.Completed best, BacktestConfig config, String metric,
                                    String benchmarkSymbol, long[] plotNanos) throws IOException {
        List<Path> files = new ArrayList<>();
        HtmlReport html = HtmlReport.builder("Backtest: " + title).footer(ReportTables.FOOTER);
        html.paragraph(bars.symbolCount() + " symbol" + (bars.symbolCount() == 1 ? "" : "s") + ", "
                + bars.rowCount() + " bars" + span(bars) + "; initial cash " + config.initialCash() + ", fills at "
                + (config.fill() == dev.quiver.api.backtest.FillTiming.CLOSE ? "the bar's close" : "the next open")
                + ", " + config.periodsPerYear() + " bars per year.");

        if (outcomes.size() > 1) {
            Path csv = dir.resolve("sweep.csv");
            Path arrow = dir.resolve("sweep.arrow");
            table.writeCsv(csv);
            table.writeArrow(arrow);
            files.add(csv);
            files.add(arrow);
            html.heading("Sweep: " + table.size() + " runs" + (table.failures() == 0 ? ""
                    : ", " + table.failures() + " failed"));
            List<String> shown = ReportTables.sweepColumns(metric, List.of("total_return", "annual_return", "sharpe",
                    "max_drawdown", "trades", "win_rate"));
            html.table("Best runs by " + metric, ReportTables.sweepHeader(shown),
                    ReportTables.sweepRows(table, 25, shown));
            List<String> numeric = numericParams(table);
            if (numeric.size() >= 2) {
                long p0 = System.nanoTime();
                Plot heat = BacktestPlots.heatmap(table, numeric.get(0), numeric.get(1), metric, dir, "heatmap");
                plotNanos[0] += System.nanoTime() - p0;
                files.add(heat.png());
                files.add(heat.svg());
                html.plot(metric + " by " + numeric.get(0) + " and " + numeric.get(1), heat);
            }
            html.link("All runs (CSV)", csv).link("All runs (Arrow IPC)", arrow);
            for (int i = 0; i < table.size(); i++) {
                if (!table.completed(i)) {
                    html.paragraph("Failed: " + table.run(i) + ": " + table.error(i));
                }
            }
        } else if (best == null) {
            html.paragraph("The run failed: " + table.error(0));
        }
        if (best != null) {
            String label = best.run().label();
            BacktestResult result = withBenchmark(best.result(), bars, config, benchmarkSymbol);
            double[] benchmark = Benchmark.buyAndHold(bars, benchmarkSymbol, result.equity().times(),
                    config.initialCash());
            String benchmarkName = benchmarkSymbol == null ? "buy and hold of the universe"
                    : "buy and hold of " + benchmarkSymbol;
            Path trades = dir.resolve("trades.csv");
            Path equity = dir.resolve("equity.csv");
            Path metrics = dir.resolve("metrics.json");
            ResultFiles.writeTrades(trades, result.trades());
            ResultFiles.writeEquity(equity, result.equity(), config.initialCash());
            ResultFiles.writeMetrics(metrics, label, config, result.metrics());
            long p0 = System.nanoTime();
            Plot plot = result.equity().size() == 0 ? null : BacktestPlots.equity(result, benchmark, benchmarkName,
                    config.initialCash(), label + " on " + title, dir, "equity");
            plotNanos[0] += System.nanoTime() - p0;
            files.addAll(List.of(trades, equity, metrics));
            html.heading((outcomes.size() > 1 ? "Best run: " : "Run: ") + label)
                    .keyValues("Metrics (benchmark: " + benchmarkName + ")", ReportTables.metrics(result.metrics()));
            if (plot != null) {
                files.addAll(List.of(plot.png(), plot.svg()));
                html.plot("Equity with entries (green) and exits (red), the benchmark (grey), drawdown beneath",
                        plot);
            }
            html.link("Trades (CSV)", trades).link("Equity curve (CSV)", equity).link("Metrics (JSON)", metrics);
        }
        Path report = dir.resolve("report.html");
        html.write(report);
        files.add(report);
        return files;
    }

    private static RunOutcome single(StrategyRun run, Panel bars, Backtester backtester, BacktestConfig config) {
        try {
            return new RunOutcome.Completed(run, backtester.run(run.strategy().get(), bars, config));
        } catch (RuntimeException e) {
            return new RunOutcome.Failed(run, e);
        }
    }

    private static List<String> numericParams(SweepTable table) {
        List<String> out = new ArrayList<>();
        for (String p : table.paramNames()) {
            java.util.Set<Object> distinct = new java.util.HashSet<>();
            boolean numeric = true;
            for (int i = 0; i < table.size(); i++) {
                Object v = table.param(i, p);
                if (v != null) {
                    numeric &= v instanceof Number;
                    distinct.add(v);
                }
            }
            if (numeric && distinct.size() > 1) {
                out.add(p);
            }
        }
        return out;
    }

    private static String span(Panel bars) {
        if (bars.rowCount() == 0) {
            return "";
        }
        return " from " + Timestamps.format(bars.date(0)) + " to " + Timestamps.format(bars.date(bars.dateCount() - 1));
    }
}
