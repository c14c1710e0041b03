package dev.quiver.cli;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.engine.CommissionModel;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.engine.SlippageModel;
import dev.quiver.backtest.report.BacktestReport;
import dev.quiver.backtest.strategy.Strategies;
import dev.quiver.backtest.sweep.ConsoleProgress;
import dev.quiver.backtest.sweep.ParamGrid;
import dev.quiver.backtest.sweep.SweepPlan;
import dev.quiver.backtest.sweep.SweepTable;
import dev.quiver.cli.io.OutputPaths;
import dev.quiver.io.TableFiles;
import dev.quiver.io.TableFormat;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.panel.PriceTable;
import dev.quiver.io.panel.PriceTableOptions;
import dev.quiver.io.panel.TableShape;
import dev.quiver.spark.SparkEngine;
import dev.quiver.api.table.Column;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quiver backtest}: runs built-in strategies over a price file, one run or a sweep over a parameter grid, and
 * writes trades, equity, metrics, plots and an HTML report.
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest built-in strategies on a price file: one run, or a sweep over a parameter grid.",
                "Writes trades.csv, equity.csv, metrics.json, equity.png/.svg and report.html into --output;",
                "a sweep also writes sweep.csv, sweep.arrow and heatmap.png/.svg (the files of the best run).",
                "Strategies: sma_cross(fast,slow), rsi_reversion(n,low,high), breakout(n)."})
final class BacktestCommand implements Callable<Integer> {
    static final List<String> PRICE_COLUMNS = List.of("open", "high", "low", "close", "volume");

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Price file (CSV, Parquet, Arrow): Date, Open, High, Low, Close, Volume in any case, "
                    + "optionally Symbol; or a wide table of closes. Only Close is required.")
    private Path input;

    @Option(names = "--strategy", required = true, paramLabel = "SPEC",
            description = "A strategy, e.g. sma_cross(10,50) or rsi_reversion(n=14,low=30,high=70); repeatable.")
    private List<String> strategies;

    @Option(names = "--param-grid", paramLabel = "AXIS",
            description = "A sweep axis: name=v1,v2,... or name=start:end:step (inclusive); repeatable.")
    private List<String> grid = new ArrayList<>();

    @Option(names = "--fill", paramLabel = "WHEN", defaultValue = "next_open",
            description = "When market orders fill: next_open (default) or close.")
    private String fill;

    @Option(names = "--commission", paramLabel = "SPEC", defaultValue = "0",
            description = "Commission per fill: BPS, bps:R[:MIN], per_share:R[:MIN], per_trade:A, joined with +.")
    private String commission;

    @Option(names = "--slippage", paramLabel = "SPEC", defaultValue = "0",
            description = "Slippage: BPS, bps:R (fixed basis points) or volume:K (K * share of bar volume squared).")
    private String slippage;

    @Option(names = "--size", paramLabel = "SPEC", defaultValue = "percent:1",
            description = "Entry size: percent:F (share of equity split across the symbols, default 1), fixed:Q, or "
                    + "voltarget:V[:LOOKBACK].")
    private String size;

    @Option(names = "--benchmark", paramLabel = "SYMBOL",
            description = "The report's benchmark: buy and hold of this symbol (default: of the whole universe).")
    private String benchmark;

    @Option(names = "--cash", paramLabel = "AMOUNT", defaultValue = "100000", description = "Initial cash.")
    private double cash;

    @Option(names = "--periods-per-year", paramLabel = "N", defaultValue = "252",
            description = "Bars per year, for annualising (252 for daily bars).")
    private double periodsPerYear;

    @Option(names = "--threads", paramLabel = "N",
            description = "Sweep threads (default: all cores; 1 runs sequentially).")
    private Integer threads;

    @Option(names = "--sort", paramLabel = "METRIC", defaultValue = "sharpe",
            description = "The metric that sorts the sweep and picks the best run (default sharpe).")
    private String sort;

    @Option(names = "--symbol", paramLabel = "NAME",
            description = "The symbol of a file without a Symbol column (default: the file name).")
    private String symbol;

    @Option(names = "--shape", paramLabel = "SHAPE", converter = FeaturesCommand.ShapeConverter.class,
            description = "long, series or wide (default: detected; see docs/io.md).")
    private TableShape shape;

    @Mixin
    private TableFileOptions files;

    @Mixin
    private SparkOptions engineOptions;

    @Option(names = "--no-progress", description = "Do not draw the sweep's progress bar.")
    private boolean noProgress;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Directory for the outputs.")
    private Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        BacktestConfig config = BacktestConfig.builder().initialCash(cash).fill(fillTiming(fill))
                .periodsPerYear(periodsPerYear)
                .parallelism(threads != null ? threads : Runtime.getRuntime().availableProcessors()).build();
        EventBacktester backtester = EventBacktester.builder().commission(commission(commission))
                .slippage(slippage(slippage)).build();
        Supplier<PositionSizer> sizer = sizer(size, periodsPerYear);
        SweepPlan plan = SweepPlan.of(strategies, ParamGrid.parse(grid), sizer);
        OutputPaths.checkDirectory(output, List.of(input), "--output");
        List<String> required = new ArrayList<>(List.of("close"));
        if (strategies.stream().anyMatch(st -> st.strip().toLowerCase(Locale.ROOT).startsWith("breakout"))) {
            required.addAll(List.of("high", "low")); // the channel is made of highs and lows
        }
        PriceTableOptions options = PriceTableOptions.builder().shape(shape).seriesSymbol(symbol)
                .required(required).build();
        long t0 = System.nanoTime();
        try (PriceTable prices = PriceTable.read(input, files.read().build(), options)) {
            long loaded = System.nanoTime();
            Panel panel = bars(prices, out, slippage.strip().toLowerCase(Locale.ROOT).startsWith("volume"));
            if (engineOptions.spark()) {
                sweepOnSpark(panel, out);
                return 0;
            }
            if (plan.runs().size() > 1) {
                out.printf(Locale.ROOT, "sweep: %d runs on %d threads%s%n", plan.runs().size(), config.parallelism(),
                        plan.skipped().isEmpty() ? "" : " (" + plan.skipped().size()
                                + " invalid combinations skipped)");
                out.flush();
            }
            ProgressListener progress = noProgress || plan.runs().size() == 1 ? ProgressListener.NONE
                    : new ConsoleProgress("backtest", System.err);
            BacktestReport.Written written = BacktestReport.run(panel, input.getFileName().toString(), plan.runs(),
                    backtester, config, sort, benchmark, progress, output);
            if (written.best() == null) {
                throw new IllegalStateException("every run failed; the first: " + written.table().run(0) + ": "
                        + written.table().error(0));
            }
            Metrics m = written.best().metrics();
            out.printf(Locale.ROOT, "%s on %s: %d bars, %d trades%n", written.bestLabel(),
                    input.getFileName(), panel.rowCount(), m.trades());
            BacktestReport.Timings time = written.timings();
            out.printf(Locale.ROOT, "  read %.1f ms, backtest %.1f ms, write %.1f ms, plots %.1f ms%n",
                    (loaded - t0) / 1e6, time.backtestNanos() / 1e6, time.writeNanos() / 1e6, time.plotNanos() / 1e6);
            out.printf(Locale.ROOT, "  total return %.2f %%, annual %.2f %%, volatility %.2f %%, Sharpe %.3f, "
                            + "max drawdown %.2f %%, win rate %.1f %%%n", 100 * m.totalReturn(), 100 * m.annualReturn(),
                    100 * m.volatility(), m.sharpe(), 100 * m.maxDrawdown(), 100 * m.winRate());
            if (written.table().failures() > 0) {
                out.printf("  %d of %d runs failed (see report.html)%n", written.table().failures(),
                        written.table().size());
            }
            out.println("outputs: " + output.toAbsolutePath().normalize() + " (report.html)");
        }
        return 0;
    }

    /**
     * The sweep on Spark ({@code --engine spark}): {@code sweep.csv} and {@code sweep.arrow}, the columns and the
     * completed runs' values of the single-JVM sweep, sorted by {@code --sort}; a combination a strategy rejects is a
     * failed row. The best run's trades, curve and report come from running it alone ({@code --strategy LABEL}).
     */
    private void sweepOnSpark(Panel panel, PrintWriter out) throws IOException {
        String metric = sort.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!SweepTable.METRICS.contains(metric)) {
            throw new IllegalArgumentException("--sort '" + sort + "': unknown metric; the metrics are "
                    + String.join(", ", SweepTable.METRICS));
        }
        boolean descending = !Metrics.LOWER_IS_BETTER.contains(metric);
        CliBacktestSetup setup = new CliBacktestSetup(commission, slippage, size, cash, fill, periodsPerYear);
        long t0 = System.nanoTime();
        try (SparkEngine spark = engineOptions.start("backtest");
             Table table = spark.sweep(panel, strategies, ParamGrid.parse(grid), setup,
                     engineOptions.partitions(spark), metric, descending)) {
            long t1 = System.nanoTime();
            Files.createDirectories(output);
            TableFiles.write(table, output.resolve("sweep.csv"),
                    WriteOptions.builder().format(TableFormat.CSV).build());
            TableFiles.write(table, output.resolve("sweep.arrow"),
                    WriteOptions.builder().format(TableFormat.ARROW_FILE).build());
            long failed = 0;
            for (int r = 0; r < table.rowCount(); r++) {
                failed += "failed".equals(table.string("status").get(r)) ? 1 : 0;
            }
            out.printf(Locale.ROOT, "sweep on Spark (%s): %d runs in %.1f ms, %d failed%n", engineOptions.master(),
                    table.rowCount(), (t1 - t0) / 1e6, failed);
            if (failed < table.rowCount()) {
                out.printf(Locale.ROOT, "  best by %s: %s (%s %.4f); its report: quiver backtest --strategy '%s'%n",
                        metric, table.string("run").get(0), metric, table.float64(metric).get(0),
                        table.string("run").get(0));
            }
            out.println("outputs: " + output.toAbsolutePath().normalize() + " (sweep.csv, sweep.arrow)");
        }
    }

    /**
     * The bars of a price table as the backtester reads them: FLOAT64 {@code open, high, low, close, volume}. A file
     * without open, high or low (a close-only file) gets the close for them, so fills at the next open are fills at
     * the next close; one without volume gets missing volumes. Both are said on the console.
     */
    static Panel bars(PriceTable prices, PrintWriter out, boolean volumeNeeded) {
        Table t = prices.table();
        List<Column> columns = new ArrayList<>(t.columns());
        List<String> filled = new ArrayList<>();
        Float64Column close = t.float64("close");
        for (String c : List.of("open", "high", "low")) {
            if (!t.schema().contains(c)) {
                columns.add(close.renamed(c));
                filled.add(c);
            }
        }
        if (!t.schema().contains("volume")) {
            if (volumeNeeded) {
                throw new IllegalArgumentException(prices.panel().symbolCount() == 0 ? "the input has no rows"
                        : "the input has no Volume column, which --slippage volume:K needs");
            }
            double[] none = new double[t.rowCount()];
            java.util.Arrays.fill(none, Double.NaN);
            columns.add(Float64Column.wrap("volume", none));
            filled.add("volume");
        }
        if (!filled.isEmpty()) {
            out.println("note: the input has no " + String.join(", ", filled) + (filled.contains("volume")
                    && filled.size() == 1 ? ": volumes are missing" : ": bars take the close for "
                    + String.join(", ", filled.stream().filter(f -> !f.equals("volume")).toList())
                    + (filled.contains("volume") ? " and have no volume" : "")
                    + " (market orders fill at a close)"));
        }
        Table bars = Table.of(columns);
        return bars.schema().contains(PriceTable.SYMBOL) ? Panel.of(bars, PriceTable.SYMBOL, PriceTable.DATE)
                : Panel.ofSeries(bars, prices.panel().symbolCount() == 0 ? "none" : prices.panel().symbol(0),
                        PriceTable.DATE);
    }

    static FillTiming fillTiming(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "next_open", "open" -> FillTiming.NEXT_OPEN;
            case "close" -> FillTiming.CLOSE;
            default -> throw new IllegalArgumentException("--fill '" + text + "': expected next_open or close");
        };
    }

    /** {@code 10} (bps), {@code bps:10[:min]}, {@code per_share:0.005[:min]}, {@code per_trade:1}, joined by +. */
    static CommissionModel commission(String text) {
        CommissionModel total = null;
        for (String part : text.split("\\+")) {
            String[] f = part.strip().toLowerCase(Locale.ROOT).split(":");
            CommissionModel m;
            try {
                m = switch (f[0]) {
                    case "bps" -> CommissionModel.bps(number(f, 1, part), f.length > 2 ? number(f, 2, part) : 0);
                    case "per_share" -> CommissionModel.perShare(number(f, 1, part), f.length > 2 ? number(f, 2, part)
                            : 0);
                    case "per_trade" -> CommissionModel.perTrade(number(f, 1, part));
                    default -> f.length == 1 ? CommissionModel.bps(Double.parseDouble(f[0]), 0) : null;
                };
            } catch (NumberFormatException e) {
                m = null;
            }
            if (m == null || f.length > 3 || f[0].equals("per_trade") && f.length > 2) {
                throw new IllegalArgumentException("--commission '" + text + "': expected BPS, bps:R[:MIN], "
                        + "per_share:R[:MIN] or per_trade:A, joined with +");
            }
            total = total == null ? m : total.plus(m);
        }
        return total;
    }

    /** {@code 5} (bps), {@code bps:5} or {@code volume:0.1}. */
    static SlippageModel slippage(String text) {
        String[] f = text.strip().toLowerCase(Locale.ROOT).split(":");
        try {
            if (f.length == 1) {
                return SlippageModel.fixedBps(Double.parseDouble(f[0]));
            }
            if (f.length == 2 && f[0].equals("bps")) {
                return SlippageModel.fixedBps(Double.parseDouble(f[1]));
            }
            if (f.length == 2 && f[0].equals("volume")) {
                return SlippageModel.volumeShare(Double.parseDouble(f[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--slippage '" + text + "': expected BPS, bps:R or volume:K");
    }

    /** {@code percent:F}, {@code fixed:Q} or {@code voltarget:V[:LOOKBACK]}. */
    static Supplier<PositionSizer> sizer(String text, double periodsPerYear) {
        String[] f = text.strip().toLowerCase(Locale.ROOT).split(":");
        try {
            if (f.length == 2 && f[0].equals("percent")) {
                double fraction = Double.parseDouble(f[1]);
                PositionSizer.percentOfEquity(fraction);
                return () -> PositionSizer.percentOfEquity(fraction);
            }
            if (f.length == 2 && f[0].equals("fixed")) {
                double q = Double.parseDouble(f[1]);
                PositionSizer.fixed(q);
                return () -> PositionSizer.fixed(q);
            }
            if ((f.length == 2 || f.length == 3) && f[0].equals("voltarget")) {
                double target = Double.parseDouble(f[1]);
                int lookback = f.length == 3 ? Integer.parseInt(f[2]) : 20;
                PositionSizer.volatilityTarget(target, lookback, periodsPerYear, 2);
                return () -> PositionSizer.volatilityTarget(target, lookback, periodsPerYear, 2);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--size '" + text + "': expected percent:F, fixed:Q or "
                + "voltarget:V[:LOOKBACK]");
    }

    private static double number(String[] fields, int i, String part) {
        if (i >= fields.length) {
            throw new NumberFormatException(part);
        }
        return Double.parseDouble(fields[i]);
    }
}
