package dev.quiver.bench.backtest;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.signal.SignalBacktester;
import dev.quiver.backtest.signal.SignalSizing;
import dev.quiver.backtest.signal.Signals;
import dev.quiver.backtest.strategy.Strategies;
import dev.quiver.features.FeatureEngine;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A sweep of {@code fasts × slows} SMA-crossover parameter combinations (100 × 100 = 10,000 by default) over 5,000
 * daily bars of one symbol, on {@code threads} threads, two ways:
 * <ul>
 *   <li>{@link #eventSweep}: {@link EventBacktester#sweepSummaries} (one {@link dev.quiver.backtest.strategy.SmaCross}
 *       per run, incremental SMAs; metrics kept, curves dropped);</li>
 *   <li>{@link #vectorisedSweep}: each distinct SMA computed once by the batch kernel and shared, then per run the
 *       cross signals (both in one pass into the worker's arrays) and {@link SignalBacktester}, the runs spread over
 *       the same number of threads.</li>
 * </ul>
 * Fills at the close, all of the equity per entry, no costs. Scores are seconds per whole sweep.
 *
 * <p>Thread-safety: JMH state, one per trial.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g"})
@State(Scope.Benchmark)
public class SweepBenchmark {

    /** Threads running the sweep. */
    @Param({"1", "2"})
    public int threads;

    /** Fast SMA lengths: 2, 3, ..., fasts + 1. */
    @Param({"100"})
    public int fasts;

    /** Slow SMA lengths: 110, 111, ..., 109 + slows. */
    @Param({"100"})
    public int slows;

    /** Bars in the series. */
    @Param({"5000"})
    public int bars;

    Panel panel;
    BacktestConfig config;
    List<StrategyRun> runs;
    int[] fastOf;
    int[] slowOf;
    double[][] sma;
    ExecutorService executor;

    /** Builds the data, the runs and (for the vectorised sweep) every SMA once. */
    @Setup(Level.Trial)
    public void setUp() {
        SyntheticBars data = new SyntheticBars(bars);
        panel = data.panel();
        config = BacktestConfig.defaults().withFill(FillTiming.CLOSE).withParallelism(threads);
        runs = new ArrayList<>(fasts * slows);
        fastOf = new int[fasts * slows];
        slowOf = new int[fasts * slows];
        for (int f = 0; f < fasts; f++) {
            for (int s = 0; s < slows; s++) {
                int i = f * slows + s;
                fastOf[i] = 2 + f;
                slowOf[i] = 110 + s;
                Params p = Strategies.bind("sma_cross", Map.of("fast", Integer.toString(fastOf[i]), "slow",
                        Integer.toString(slowOf[i])));
                runs.add(Strategies.run("sma_cross", p, () -> PositionSizer.percentOfEquity(1)));
            }
        }
        int longest = 110 + slows;
        sma = new double[longest][];
        FeatureEngine engine = FeatureEngine.create();
        MemorySegment[] in = {MemorySegment.ofArray(data.close)};
        for (int n = 2; n < longest; n++) {
            if (n <= fasts + 1 || n >= 110) {
                FeatureKernel k = engine.kernel("sma", Map.of("n", n));
                sma[n] = new double[bars];
                k.computeSeries(in, new MemorySegment[] {MemorySegment.ofArray(sma[n])}, 0, bars);
            }
        }
        executor = Executors.newFixedThreadPool(threads);
    }

    /** Stops the vectorised sweep's threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdownNow();
    }

    /** The event engine's sweep. */
    @Benchmark
    public List<RunOutcome> eventSweep() {
        return EventBacktester.create().sweepSummaries(runs, panel, config, ProgressListener.NONE);
    }

    /** The vectorised sweep over shared, precomputed SMA columns. */
    @Benchmark
    public Metrics[] vectorisedSweep() throws InterruptedException, ExecutionException {
        int n = fastOf.length;
        Metrics[] out = new Metrics[n];
        AtomicInteger next = new AtomicInteger();
        SignalBacktester backtester = SignalBacktester.create();
        SignalSizing sizing = SignalSizing.percentOfEquity(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(executor.submit(() -> {
                // each worker's signal arrays, refilled per run
                boolean[] entries = new boolean[bars];
                boolean[] exits = new boolean[bars];
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    Signals.crosses(sma[fastOf[i]], sma[slowOf[i]], entries, exits);
                    out[i] = backtester.run(panel, entries, exits, sizing, config).metrics();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        return out;
    }
}
