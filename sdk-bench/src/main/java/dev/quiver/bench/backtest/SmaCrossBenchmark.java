package dev.quiver.bench.backtest;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.signal.SignalBacktester;
import dev.quiver.backtest.signal.SignalSizing;
import dev.quiver.backtest.signal.Signals;
import dev.quiver.backtest.strategy.SmaCross;
import dev.quiver.features.FeatureEngine;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * An SMA(10)/SMA(50) crossover over 5,000 daily bars of one symbol, single-threaded, six ways, all filling at
 * the signal bar's close with one unit per trade and no costs (so they trade identically; see the smoke test):
 * <ul>
 *   <li>{@link #eventEngine}: Quiver's event engine running {@link SmaCross} (incremental SMAs, one bar cursor);</li>
 *   <li>{@link #vectorised}: Quiver's vectorised path: batch SMA kernels (the engine's choice of provider), both
 *       cross signals in one pass ({@link Signals#crosses}), {@link SignalBacktester};
 *       {@link #signalBacktest} is the {@link SignalBacktester} run alone, over signals computed in the setup;</li>
 *   <li>{@link #ta4j} and {@link #ta4jDouble}: ta4j 0.22.2's {@code BarSeriesManager} with
 *       {@code CrossedUp/DownIndicatorRule} on {@code SMAIndicator}s (built afresh per run, since ta4j caches
 *       indicator values), with its default decimal numbers and with doubles;</li>
 *   <li>{@link #bareLoop}: a plain Java loop computing the same SMAs, crosses, positions and equity: the ceiling.</li>
 * </ul>
 * Scores are bar-steps per second (each invocation counts 5,000 operations).
 *
 * <p>Thread-safety: JMH state, one per trial; the benchmark methods run on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class SmaCrossBenchmark {
    static final int FAST = 10;
    static final int SLOW = 50;

    /** Bars in the series (twenty years of trading days); also each invocation's operation count. */
    static final int BARS = 5000;

    final int bars = BARS;

    SyntheticBars data;
    Panel panel;
    BacktestConfig config;
    BarSeries decimalSeries;
    BarSeries doubleSeries;
    FeatureKernel fastKernel;
    FeatureKernel slowKernel;
    MemorySegment[] in;
    MemorySegment[] fastOut;
    MemorySegment[] slowOut;
    double[] fast;
    double[] slow;
    double[] equity;
    boolean[] entries;
    boolean[] exits;
    boolean[] entryScratch;
    boolean[] exitScratch;

    /** Builds the data once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        data = new SyntheticBars(bars);
        panel = data.panel();
        config = BacktestConfig.defaults().withFill(FillTiming.CLOSE).withParallelism(1);
        decimalSeries = data.ta4j(DecimalNumFactory.getInstance());
        doubleSeries = data.ta4j(DoubleNumFactory.getInstance());
        FeatureEngine engine = FeatureEngine.create();
        fastKernel = engine.kernel("sma", Map.of("n", FAST));
        slowKernel = engine.kernel("sma", Map.of("n", SLOW));
        fast = new double[bars];
        slow = new double[bars];
        in = new MemorySegment[] {MemorySegment.ofArray(data.close)};
        fastOut = new MemorySegment[] {MemorySegment.ofArray(fast)};
        slowOut = new MemorySegment[] {MemorySegment.ofArray(slow)};
        equity = new double[bars];
        fastKernel.computeSeries(in, fastOut, 0, bars);
        slowKernel.computeSeries(in, slowOut, 0, bars);
        entries = Signals.crossAbove(fast, slow);
        exits = Signals.crossBelow(fast, slow);
        entryScratch = new boolean[bars];
        exitScratch = new boolean[bars];
    }

    /** The event engine. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public Metrics eventEngine() {
        return EventBacktester.create().run(new SmaCross(FAST, SLOW, PositionSizer.fixed(1)), panel, config)
                .metrics();
    }

    /** The vectorised path, indicators included: both cross signals in one pass into the trial's arrays. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public Metrics vectorised() {
        fastKernel.computeSeries(in, fastOut, 0, bars);
        slowKernel.computeSeries(in, slowOut, 0, bars);
        Signals.crosses(fast, slow, entryScratch, exitScratch);
        return SignalBacktester.create().run(panel, entryScratch, exitScratch, SignalSizing.fixed(1), config)
                .metrics();
    }

    /** The vectorised backtest alone, over signals computed in the setup: fills, books, curve and metrics. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public Metrics signalBacktest() {
        return SignalBacktester.create().run(panel, entries, exits, SignalSizing.fixed(1), config).metrics();
    }

    /** ta4j with its default decimal numbers. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public TradingRecord ta4j() {
        return ta4jRun(decimalSeries);
    }

    /** ta4j with double numbers. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public TradingRecord ta4jDouble() {
        return ta4jRun(doubleSeries);
    }

    static TradingRecord ta4jRun(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator f = new SMAIndicator(close, FAST);
        SMAIndicator s = new SMAIndicator(close, SLOW);
        return new BarSeriesManager(series).run(new BaseStrategy(new CrossedUpIndicatorRule(f, s),
                new CrossedDownIndicatorRule(f, s)));
    }

    /** A bare Java loop: running-sum SMAs, crosses, position, cash and equity; returns the final equity. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double bareLoop() {
        return bareLoop(data.close, equity);
    }

    /** The bare loop; fills {@code equity} and returns its last value. */
    static double bareLoop(double[] close, double[] equity) {
        double fastSum = 0;
        double slowSum = 0;
        double cash = 100_000;
        double position = 0;
        int side = 0;
        for (int i = 0; i < close.length; i++) {
            double c = close[i];
            fastSum += c;
            slowSum += c;
            if (i >= FAST) {
                fastSum -= close[i - FAST];
            }
            if (i >= SLOW) {
                slowSum -= close[i - SLOW];
            }
            if (i >= SLOW - 1) {
                double f = fastSum / FAST;
                double s = slowSum / SLOW;
                int previous = side;
                side = f > s ? 1 : f < s ? -1 : side;
                if (side > 0 && previous < 0 && position == 0) {
                    position = 1;
                    cash -= c;
                } else if (side < 0 && previous > 0 && position > 0) {
                    cash += position * c;
                    position = 0;
                }
            }
            equity[i] = cash + position * c;
        }
        return equity[close.length - 1];
    }
}
