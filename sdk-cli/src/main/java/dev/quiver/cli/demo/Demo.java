package dev.quiver.cli.demo;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.Timestamps;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.report.BacktestReport;
import dev.quiver.backtest.sweep.ParamGrid;
import dev.quiver.backtest.sweep.SweepPlan;
import dev.quiver.api.io.AtomicFiles;
import dev.quiver.features.FeatureEngine;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFiles;
import dev.quiver.io.panel.PriceTable;
import dev.quiver.io.panel.PriceTableOptions;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.TableBuilder;
import java.lang.foreign.MemorySegment;
import dev.quiver.features.FeaturePlan;
import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.report.PortfolioReport;
import dev.quiver.portfolio.search.Optimizers;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.PortfolioSearch;
import dev.quiver.portfolio.search.SearchResult;
import dev.quiver.portfolio.search.SearchSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The end-to-end demo: load real daily prices of several symbols, cache them as Arrow, compute features over the
 * panel (cached too), sweep a moving-average crossover over a parameter grid on the S&amp;P 500, choose a portfolio of
 * 35 strategies from a generated 25,544 × 82 daily P&amp;L matrix with all eight search algorithms, print a summary
 * with timings and cache statistics, and write the outputs.
 *
 * <p>Outputs, written atomically into the output directory: {@code features.csv} (every bar with its prices and
 * indicators; warm-up rows empty), {@code summary.txt} (what was printed) and {@code backtest/} (the sweep's
 * {@code report.html}, {@code sweep.csv}, {@code sweep.arrow}, {@code heatmap.png}, and the best run's trades, equity,
 * metrics and plot), {@code strategies.csv} (the generated P&amp;L matrix) and {@code portfolio/} (the searches'
 * {@code summary.json}, {@code report.html}, plots, and each algorithm's {@code portfolio.json} and equity).
 *
 * <p>Thread-safety: an instance serves one run at a time.
 */
public final class Demo {
    /** The bundled series and the symbol each is given. */
    static final Map<String, String> SERIES = Map.of(
            "AAPL", "aapl_2013_2018.csv",
            "MSFT", "msft_2000_2001.csv",
            "SPX", "sp500_2000_2020.csv");

    /**
     * The features the demo computes: indicators per symbol, then cross-sectional ones across the symbols trading
     * on each date (nested: the RSI is computed once and ranked and scored per date).
     */
    static final List<String> FEATURES = List.of("sma(20)", "sma(50)", "ema(20)", "ema(high,10)", "rsi(14)",
            "rsi_rank=xs_rank(rsi(14),pct=true)", "xs_zscore(rsi(14))", "xs_rank(volume)",
            "macd(12,26,9)", "bbands(20,2)", "atr(14)", "natr(14)", "adx(14)", "cci(20)", "stoch", "willr(14)",
            "roc(10)", "mom(10)", "obv", "mfi(14)", "cmf(20)", "zscore(20)", "logret(1)", "stddev(20)",
            "roc_rank=xs_rank(roc(10),pct=true)");

    /** The feature columns the console summary shows; the output file has them all. */
    static final List<String> HEADLINE = List.of("sma(20)", "ema(20)", "rsi(14)", "rsi_rank",
            "macd(12,26,9).hist", "atr(14)", "adx(14)", "roc_rank");

    static final List<String> PRICE_COLUMNS = List.of("open", "high", "low", "close", "volume");

    /** The demo's sweep: a moving-average crossover over a small grid, on the S&amp;P 500. */
    static final String SWEEP_SYMBOL = "SPX";
    static final List<String> SWEEP_GRID = List.of("fast=5:30:5", "slow=50:200:50");

    // bump when the demo's loading or output changes what is cached
    private static final String DEMO_VERSION = "demo-2";

    private final Cache cache;
    private final FeatureEngine engine;

    /** A demo over this cache and feature engine. */
    public Demo(Cache cache, FeatureEngine engine) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * What one run did.
     *
     * @param symbols the number of symbols
     * @param bars the number of bars across symbols
     * @param pricesTier where the prices came from: {@code memory}, {@code disk} or {@code loaded}
     * @param featuresTier where the features came from
     * @param stats the cache's counters after the run
     * @param features the output file of bars and indicators
     * @param summary the output file of the printed summary
     * @param report the sweep's HTML report
     * @param portfolio the portfolio searches' HTML report
     */
    public record Result(int symbols, int bars, String pricesTier, String featuresTier, CacheStats stats,
                         Path features, Path summary, Path report, Path portfolio) {
    }

    /**
     * Runs the demo.
     *
     * @param dataDir the directory holding the bundled CSV files
     * @param outputDir where to write the outputs (created if missing)
     * @param console where to print the summary
     * @throws UncheckedIOException if a file cannot be read or written
     * @throws IllegalArgumentException if a data file is malformed (naming file, line, column and value)
     */
    public Result run(Path dataDir, Path outputDir, PrintWriter console) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        Map<String, Path> files = new LinkedHashMap<>();
        SERIES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> files.put(e.getKey(), dataDir.resolve(e.getValue())));
        for (Path f : files.values()) {
            if (!Files.isRegularFile(f)) {
                throw new UncheckedIOException(new java.io.FileNotFoundException(
                        "demo data file " + f + " is missing; pass --data DIR with the bundled data/market files"));
            }
        }
        Fingerprint.Builder pricesFp = Fingerprint.builder().codeVersion(DEMO_VERSION);
        files.values().forEach(pricesFp::file);
        Fingerprint prices = pricesFp.build();
        FeaturePlan plan = engine.plan(FEATURES);

        out.printf("Quiver demo: %d symbols from %s%n", files.size(), dataDir);
        out.printf("%-34s %10s  %s%n", "step", "time", "source");

        CacheStats before = cache.stats();
        long t0 = System.nanoTime();
        try (Table table = cache.getOrLoad(CacheKey.of("demo/prices", prices), () -> loadPrices(files))) {
            long t1 = System.nanoTime();
            String pricesTier = tier(before, cache.stats());
            out.printf("%-34s %10s  %s%n", "load prices (CSV -> Arrow cache)", millis(t1 - t0), pricesTier);

            Panel panel = Panel.of(table, PriceTable.SYMBOL, PriceTable.DATE);
            CacheStats mid = cache.stats();
            long t2 = System.nanoTime();
            // cached under a fingerprint of the prices, the plan and the sdk-features code
            try (Table features = plan.compute(panel, cache, prices)) {
                long t3 = System.nanoTime();
                String featuresTier = tier(mid, cache.stats());
                out.printf("%-34s %10s  %s%n", "compute " + FEATURES.size() + " features", millis(t3 - t2),
                        featuresTier);

                Path featuresFile = outputDir.resolve("features.csv");
                long t4 = System.nanoTime();
                writeFeatures(featuresFile, panel, features);
                long t5 = System.nanoTime();
                out.printf("%-34s %10s  %s%n", "write features.csv", millis(t5 - t4), "");
                BacktestReport.Written sweep = sweep(panel, outputDir.resolve("backtest"));
                long t6 = System.nanoTime();
                out.printf("%-34s %10s  %s%n", "sweep sma_cross: " + sweep.table().size() + " runs on "
                        + SWEEP_SYMBOL, millis(t6 - t5), "");
                PortfolioReport.Written portfolio = portfolio(outputDir, out);
                out.println();
                printLastBars(out, panel, features);
                CacheStats stats = cache.stats();
                out.println();
                out.printf(Locale.ROOT, "cache: %d memory hits, %d disk hits, %d loads (%.1f ms loading), "
                                + "%s in memory, %s on disk%n", stats.memoryHits(), stats.diskHits(), stats.misses(),
                        stats.totalLoadNanos() / 1e6, bytes(stats.memoryBytes()), bytes(stats.diskBytes()));
                Path summaryFile = outputDir.resolve("summary.txt");
                Metrics best = sweep.best().metrics();
                out.printf(Locale.ROOT, "best of the sweep by Sharpe: %s (Sharpe %.3f, total return %.1f %%, max "
                                + "drawdown %.1f %%, %d trades)%n", sweep.bestLabel(), best.sharpe(),
                        100 * best.totalReturn(), 100 * best.maxDrawdown(), best.trades());
                out.printf("outputs: %s, %s, %s, %s%n", featuresFile, summaryFile, sweep.report(),
                        portfolio.report());
                out.flush();
                String summary = buffer.toString();
                AtomicFiles.writeText(summaryFile, w -> w.write(summary));
                console.print(summary);
                console.flush();
                return new Result(panel.symbolCount(), panel.rowCount(), pricesTier, featuresTier, stats,
                        featuresFile, summaryFile, sweep.report(), portfolio.report());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo: " + e.getMessage(), e);
        }
    }

    /** The demo's strategy universe: the size of the workload behind the portfolio module. */
    static final int STRATEGIES = 25_544;
    static final int DAYS = 82;

    /**
     * Generates the strategy matrix (written as {@code strategies.csv}), then runs every search algorithm at its
     * defaults for a portfolio of 35 and writes their report into {@code portfolio/}; prints one line per step and
     * one per algorithm.
     */
    private static PortfolioReport.Written portfolio(Path outputDir, PrintWriter out) throws IOException {
        long t0 = System.nanoTime();
        PnlMatrix matrix = PnlGenerator.generate(STRATEGIES, DAYS, 42, java.time.LocalDate.of(2024, 1, 1));
        Path file = outputDir.resolve("strategies.csv");
        try (Table wide = matrix.toWide()) {
            TableFiles.write(wide, file);
        }
        long t1 = System.nanoTime();
        out.printf("%-34s %10s  %s%n", "generate " + STRATEGIES + " × " + DAYS + " P&L", millis(t1 - t0),
                "strategies.csv");
        PortfolioProblem problem = PortfolioProblem.builder(PnlMatrix.read(file)).size(35).build();
        List<SearchResult> results = new ArrayList<>();
        for (PortfolioOptimizer o : Optimizers.all()) {
            results.add(PortfolioSearch.run(problem, o, SearchSettings.seed(42)));
        }
        long t2 = System.nanoTime();
        out.printf("%-34s %10s  %s%n", "portfolio of 35: " + results.size() + " algorithms", millis(t2 - t1), "");
        PortfolioReport.Written written = PortfolioReport.write(outputDir.resolve("portfolio"),
                "strategies.csv (generated)", problem, results, java.util.Set.of());
        long t3 = System.nanoTime();
        out.printf("%-34s %10s  %s%n", "write the portfolio report", millis(t3 - t2 - written.plotNanos()), "");
        out.printf("%-34s %10s  %s%n", "plot the portfolio report", millis(written.plotNanos()), "");
        for (SearchResult r : results.stream().sorted(java.util.Comparator.comparingDouble(SearchResult::fitness)
                .reversed()).toList()) {
            PortfolioProblem.Evaluation e = problem.evaluate(r.members());
            out.printf(Locale.ROOT, "    %-22s fitness %12.2f  roi %11.2f  max drawdown %9.2f  mean corr %7.4f%n",
                    r.algorithm(), e.fitness(), e.roi(), e.maxDrawdown(), e.meanCorrelation());
        }
        return written;
    }

    /**
     * Sweeps the crossover grid over one symbol of the panel, on all cores, reading the cached table in place (a
     * slice shares its memory), and writes the report into {@code dir}.
     */
    private static BacktestReport.Written sweep(Panel panel, Path dir) throws IOException {
        int s = 0;
        while (!panel.symbol(s).equals(SWEEP_SYMBOL)) {
            s++;
        }
        int from = panel.seriesStart(s);
        int to = panel.seriesEnd(s);
        List<Column> columns = new ArrayList<>();
        columns.add(panel.table().column(PriceTable.DATE).slice(from, to));
        for (String p : PRICE_COLUMNS) {
            columns.add(panel.table().column(p).slice(from, to));
        }
        Panel spx = Panel.ofSeries(Table.of(columns), SWEEP_SYMBOL, PriceTable.DATE);
        SweepPlan plan = SweepPlan.of(List.of("sma_cross"), ParamGrid.parse(SWEEP_GRID),
                () -> PositionSizer.percentOfEquity(1));
        return BacktestReport.run(spx, SWEEP_SYMBOL + " (S&P 500)", plan.runs(), EventBacktester.create(),
                BacktestConfig.defaults().withCosts(1, 1), "sharpe", ProgressListener.NONE, dir);
    }

    /** The files, each one symbol's series, as one long off-heap table sorted by (symbol, date). */
    private static Table loadPrices(Map<String, Path> files) {
        List<PriceTable> series = new ArrayList<>();
        try {
            int rows = 0;
            for (Map.Entry<String, Path> e : new java.util.TreeMap<>(files).entrySet()) {
                PriceTable p = PriceTable.read(e.getValue(), ReadOptions.defaults(), PriceTableOptions.builder()
                        .seriesSymbol(e.getKey()).required(PRICE_COLUMNS).build());
                series.add(p);
                rows += p.table().rowCount();
            }
            try (TableBuilder b = TableBuilder.offHeap()) {
                int[] codes = new int[rows];
                List<String> symbols = new ArrayList<>();
                MemorySegment dates = b.allocate(Field.date(PriceTable.DATE), rows);
                int at = 0;
                for (PriceTable p : series) {
                    symbols.add(p.panel().symbol(0));
                    MemorySegment src = p.table().column(PriceTable.DATE).data();
                    MemorySegment.copy(src, 0, dates, (long) at * Long.BYTES, src.byteSize());
                    java.util.Arrays.fill(codes, at, at + p.table().rowCount(), symbols.size() - 1);
                    at += p.table().rowCount();
                }
                for (String column : PRICE_COLUMNS) {
                    MemorySegment dst = b.allocate(Field.float64(column), rows);
                    long offset = 0;
                    for (PriceTable p : series) {
                        MemorySegment src = p.table().column(column).data();
                        MemorySegment.copy(src, 0, dst, offset, src.byteSize());
                        offset += src.byteSize();
                    }
                }
                b.stringCodes(PriceTable.SYMBOL, codes, symbols);
                return b.build();
            }
        } finally {
            series.forEach(PriceTable::close);
        }
    }

    private static void printLastBars(PrintWriter out, Panel panel, Table features) {
        Float64Column close = panel.table().float64("close");
        Int64Column time = panel.table().int64(PriceTable.DATE);
        out.printf("%-6s %6s  %-10s  %-10s %10s", "symbol", "bars", "first", "last", "close");
        for (String name : HEADLINE) {
            // macd(12,26,9).hist prints as macd.hist
            int dot = name.lastIndexOf('.');
            out.printf(" %12s", name.length() <= 12 ? name : name.substring(0, name.indexOf('('))
                    + (dot < 0 ? "" : name.substring(dot)));
        }
        out.println();
        for (int s = 0; s < panel.symbolCount(); s++) {
            int first = panel.seriesStart(s);
            int last = panel.seriesEnd(s) - 1;
            out.printf(Locale.ROOT, "%-6s %6d  %-10s  %-10s %10.2f", panel.symbol(s), last - first + 1,
                    Timestamps.format(time.get(first)), Timestamps.format(time.get(last)), close.get(last));
            for (String name : HEADLINE) {
                out.printf(Locale.ROOT, " %12.2f", features.float64(name).get(last));
            }
            out.println();
        }
    }

    private static void writeFeatures(Path file, Panel panel, Table features) {
        Table prices = panel.table();
        List<Column> columns = new ArrayList<>();
        columns.add(prices.column(PriceTable.SYMBOL));
        columns.add(prices.column(PriceTable.DATE));
        for (String p : PRICE_COLUMNS) {
            columns.add(prices.column(p));
        }
        columns.addAll(features.columns());
        TableFiles.write(Table.of(columns), file);
    }

    private static String tier(CacheStats before, CacheStats after) {
        if (after.memoryHits() > before.memoryHits()) {
            return "memory cache hit";
        }
        if (after.diskHits() > before.diskHits()) {
            return "disk cache hit";
        }
        return "computed, now cached";
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String bytes(long b) {
        return b < 1 << 20 ? String.format(Locale.ROOT, "%.1f KiB", b / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024.0));
    }
}
