package dev.quiver.bench.features;

import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.bench.SyntheticPrices;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The headline figure: a realistic feature set ({@link #FEATURES}, 32 specs giving 37 columns: averages,
 * oscillators, MACD and Bollinger parts, ATR/ADX, volume indicators, returns, rolling statistics, and five
 * cross-sectional ranks and z-scores of computed columns) over a synthetic panel of {@code symbols} ×
 * {@code days} daily bars, through {@code FeatureEngine.plan(...).compute(panel)} on a {@link ForkJoinPool} of
 * {@code threads}, with whichever providers are available (the {@code vector} provider when the Vector API is
 * present, as the {@code @Fork} arranges). The score is feature sets per second (result allocation included: the
 * plan returns a new off-heap table, closed at once); the {@code rows} counter ({@link PanelRows}) is panel rows per
 * second, to compare with the seed pipeline's {@value #SEED_ROWS_PER_SECOND} rows/s (81 features, 3,973 × 1,260).
 *
 * <p>Data: closes from {@link SyntheticPrices} (seed 42); each bar's open is the previous close, its high and low
 * extend the open-close range by a half-normal fraction (sd 1 %) of the close, from {@code SplittableRandom(seed +
 * symbol + 1,000,000)}; volume is log-normal around 1 M shares from the same generator.
 *
 * <p>Thread-safety: JMH state, one per trial.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class FeatureSetBenchmark {
    /** The seed pipeline's throughput: 5,005,980 rows in about 19.5 minutes. */
    public static final double SEED_ROWS_PER_SECOND = 4_269;

    /** The feature set: 32 specs, 37 output columns. */
    public static final List<String> FEATURES = List.of(
            "sma(10)", "sma(20)", "sma(50)", "ema(12)", "ema(26)", "wma(20)",
            "rsi(14)", "macd(12,26,9)", "bbands(20,2)",
            "atr(14)", "natr(14)", "adx(14)", "cci(20)", "stoch(14,3,3)", "willr(14)",
            "roc(10)", "mom(10)", "obv", "mfi(14)", "cmf(20)",
            "ret(1)", "ret(5)", "logret(1)", "zscore(20)", "stddev(20)", "min(20)", "max(20)",
            "xs_rank(roc(10))", "xs_zscore(rsi(14))", "xs_rank(ret(5))", "xs_zscore(natr(14))", "xs_rank(volume)");

    /** Days per symbol: 1,260 is five years of trading days. */
    @Param({"1260"})
    public int days;

    /** Symbols in the panel. */
    @Param({"4000"})
    public int symbols;

    /** The pool's parallelism. */
    @Param({"1", "2"})
    public int threads;

    private Table table;
    private Panel panel;
    private FeaturePlan plan;
    private ForkJoinPool pool;

    /** Builds the panel and compiles the plan; JMH calls it once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        table = bars(symbols, days);
        panel = Panel.of(table, "symbol", "time");
        panel.dateCount(); // the date index is built once per panel, not per run
        pool = new ForkJoinPool(threads);
        plan = FeatureEngine.builder().pool(pool).build().plan(FEATURES);
    }

    /** An off-heap panel (symbol, time, open, high, low, close, volume) sorted by (symbol, time). */
    static Table bars(int symbols, int days) {
        int n = symbols * days;
        String[] sym = new String[n];
        long[] time = new long[n];
        try (TableBuilder b = TableBuilder.offHeap()) {
            ValueLayout.OfDouble d = ValueLayout.JAVA_DOUBLE;
            MemorySegment open = b.allocateFloat64("open", n);
            MemorySegment high = b.allocateFloat64("high", n);
            MemorySegment low = b.allocateFloat64("low", n);
            MemorySegment close = b.allocateFloat64("close", n);
            MemorySegment volume = b.allocateFloat64("volume", n);
            for (int s = 0; s < symbols; s++) {
                double[] closes = SyntheticPrices.walk(SyntheticPrices.SEED, s, days);
                SplittableRandom random = new SplittableRandom(SyntheticPrices.SEED + s + 1_000_000);
                String name = String.format("S%05d", s);
                double previous = 100;
                for (int r = 0; r < days; r++) {
                    int row = s * days + r;
                    sym[row] = name;
                    time[row] = 86_400_000L * (10_000 + r);
                    double c = closes[r];
                    double top = Math.max(previous, c);
                    double bottom = Math.min(previous, c);
                    open.setAtIndex(d, row, previous);
                    high.setAtIndex(d, row, top + Math.abs(gaussian(random)) * 0.01 * c);
                    low.setAtIndex(d, row, bottom - Math.abs(gaussian(random)) * 0.01 * c);
                    close.setAtIndex(d, row, c);
                    volume.setAtIndex(d, row, Math.rint(1e6 * Math.exp(0.5 * gaussian(random))));
                    previous = c;
                }
            }
            return b.string("symbol", sym).int64("time", time).build();
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Frees the panel and the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        table.close();
        pool.shutdown();
    }

    /** The feature set over the whole panel; returns a checksum so the work is not eliminated. */
    @Benchmark
    public double featureSet(PanelRows counter) {
        try (Table out = plan.compute(panel)) {
            counter.rows += out.rowCount();
            return out.float64("rsi(14)").get(out.rowCount() - 1);
        }
    }

    /** The panel (for the smoke test). */
    Panel panel() {
        return panel;
    }

    /** The compiled plan (for the smoke test). */
    FeaturePlan compiled() {
        return plan;
    }
}
