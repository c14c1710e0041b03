package dev.quiver.bench.backtest;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.signal.SignalBacktester;
import dev.quiver.backtest.signal.SignalSizing;
import dev.quiver.backtest.signal.Signals;
import dev.quiver.backtest.strategy.SmaCross;
import dev.quiver.backtest.strategy.Strategies;
import dev.quiver.features.FeatureEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SMA(10)/SMA(50) crossover over a panel of 4,000 symbols × 1,260 daily bars, one run per symbol (each on its
 * own account), on {@code threads} threads, all filling at the signal bar's close with one unit per trade and no
 * costs:
 * <ul>
 *   <li>{@link #eventEngine}: {@link EventBacktester#sweepSymbolSummaries} running {@link SmaCross} (incremental
 *       SMAs, one bar cursor, fills and books per bar, the metrics of every run), and {@link #eventEngineWhole},
 *       {@link EventBacktester#sweepSymbols}, which also returns every run's trades and curve;</li>
 *   <li>{@link #vectorised}: {@link SignalBacktester#runSymbolSummaries} over cross signals computed once in the
 *       setup from the batch SMAs of the whole panel (the backtest alone: fills, books, curves, metrics), and
 *       {@link #vectorisedWhole}, {@link SignalBacktester#runSymbols}, with trades and curves;</li>
 *   <li>{@link #bareLoop}: {@link SmaCrossBenchmark#bareLoop} per symbol (running-sum SMAs, crosses, position and
 *       equity; no metrics), the runs spread over the same number of threads: the ceiling.</li>
 * </ul>
 * Scores are bar-steps per second (each invocation counts 4,000 × 1,260 = 5,040,000). The setup checks that the two
 * Quiver paths agree on the first symbols' metrics.
 *
 * <p>Thread-safety: JMH state, one per trial.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx3g"})
@State(Scope.Benchmark)
public class PanelBenchmark {
    static final int SYMBOLS = 4000;
    static final int BARS = 1260;

    /** Threads running the per-symbol runs. */
    @Param({"2", "1"})
    public int threads;

    Panel panel;
    BacktestConfig config;
    StrategyRun run;
    boolean[] entries;
    boolean[] exits;
    double[][] closes;
    double[][] equity;
    ExecutorService executor;

    /** Builds the panel, the signals and the bare loop's series once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        panel = SyntheticBars.panel(SYMBOLS, BARS);
        config = BacktestConfig.defaults().withFill(FillTiming.CLOSE).withParallelism(threads);
        run = Strategies.parse("sma_cross(" + SmaCrossBenchmark.FAST + "," + SmaCrossBenchmark.SLOW + ")",
                () -> PositionSizer.fixed(1));
        FeatureEngine features = FeatureEngine.create();
        String f = "sma(" + SmaCrossBenchmark.FAST + ")";
        String s = "sma(" + SmaCrossBenchmark.SLOW + ")";
        try (Table t = features.compute(panel, features.kernels(f, s))) {
            double[] fast = t.float64(f).toArray();
            double[] slow = t.float64(s).toArray();
            // each series' averages start with a warm-up of NaN, which restarts the cross rule at every series
            entries = Signals.crossAbove(fast, slow);
            exits = Signals.crossBelow(fast, slow);
        }
        closes = new double[SYMBOLS][];
        // the bare loop reads its own copy of each series' closes
        double[] close = panel.table().float64("close").toArray();
        for (int i = 0; i < SYMBOLS; i++) {
            closes[i] = Arrays.copyOfRange(close, panel.seriesStart(i), panel.seriesEnd(i));
        }
        equity = new double[threads][BARS];
        executor = Executors.newFixedThreadPool(threads);
        List<RunOutcome> event = eventEngineWhole();
        List<BacktestResult> vectorised = vectorisedWhole();
        for (int i = 0; i < 20; i++) {
            if (!(event.get(i) instanceof RunOutcome.Completed c) || !c.result().equals(vectorised.get(i))) {
                throw new IllegalStateException("symbol " + panel.symbol(i) + ": the event engine and the vectorised"
                        + " path disagree: " + event.get(i) + " vs " + vectorised.get(i).metrics());
            }
        }
    }

    /** Stops the bare loop's threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdownNow();
    }

    /** The event engine, one run per symbol, metrics kept. */
    @Benchmark
    @OperationsPerInvocation(SYMBOLS * BARS)
    public List<RunOutcome> eventEngine() {
        return EventBacktester.create().sweepSymbolSummaries(run, panel, config, ProgressListener.NONE);
    }

    /** The event engine, one run per symbol, every result whole (trades and curves: 80 MB a panel). */
    @Benchmark
    @OperationsPerInvocation(SYMBOLS * BARS)
    public List<RunOutcome> eventEngineWhole() {
        return EventBacktester.create().sweepSymbols(run, panel, config, ProgressListener.NONE);
    }

    /** The vectorised path over precomputed signals, one run per symbol, metrics kept. */
    @Benchmark
    @OperationsPerInvocation(SYMBOLS * BARS)
    public List<BacktestResult> vectorised() {
        return SignalBacktester.create().runSymbolSummaries(panel, entries, exits, SignalSizing.fixed(1), config);
    }

    /** The vectorised path, every result whole. */
    @Benchmark
    @OperationsPerInvocation(SYMBOLS * BARS)
    public List<BacktestResult> vectorisedWhole() {
        return SignalBacktester.create().runSymbols(panel, entries, exits, SignalSizing.fixed(1), config);
    }

    /** The bare loop per symbol; returns the sum of the final equities. */
    @Benchmark
    @OperationsPerInvocation(SYMBOLS * BARS)
    public double bareLoop() throws InterruptedException, ExecutionException {
        AtomicInteger next = new AtomicInteger();
        List<Future<Double>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            double[] scratch = equity[t];
            futures.add(executor.submit(() -> {
                double sum = 0;
                for (int i = next.getAndIncrement(); i < SYMBOLS; i = next.getAndIncrement()) {
                    sum += SmaCrossBenchmark.bareLoop(closes[i], scratch);
                }
                return sum;
            }));
        }
        double total = 0;
        for (Future<Double> f : futures) {
            total += f.get();
        }
        return total;
    }
}
