package dev.quiver.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps: one shared off-heap panel, every thread count gives the same outcomes, failures stay contained. */
class SweepTest {
    @TempDir
    Path tmp;

    static List<StrategyRun> runs() {
        List<StrategyRun> runs = new ArrayList<>(SweepPlan.of(List.of("sma_cross", "rsi_reversion", "breakout"),
                ParamGrid.parse(List.of("fast=5:25:10", "slow=30,60", "n=10,20")),
                () -> PositionSizer.percentOfEquity(1)).runs());
        runs.add(3, new StrategyRun("exploding(100)", Params.none(), () -> TestBars.scripted((bar, ctx, i) -> {
            if (i == 100) {
                throw new IllegalStateException("boom at bar 100");
            }
        })));
        return runs;
    }

    /** The S&P 500 as an off-heap table, shared by every run. */
    static Table offHeapSpx() {
        double[][] rows = TestBars.csvRows("sp500_2000_2020.csv");
        double[][] cols = new double[5][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < 5; c++) {
                cols[c][i] = rows[i][c];
            }
        }
        try (TableBuilder b = TableBuilder.offHeap()) {
            return b.int64("time", TestBars.csvTimes("sp500_2000_2020.csv")).float64("open", cols[0])
                    .float64("high", cols[1]).float64("low", cols[2]).float64("close", cols[3])
                    .float64("volume", cols[4]).build();
        }
    }

    @Test
    void outcomesDoNotDependOnTheThreadCountAndAFailureStopsNothing() {
        try (Table table = offHeapSpx()) {
            Panel panel = Panel.ofSeries(table, "SPX", "time");
            List<StrategyRun> runs = runs();
            long bytes = NativeMemory.bytesInUse();
            List<List<RunOutcome>> byThreads = new ArrayList<>();
            for (int threads : new int[] {1, 2, 3}) {
                Recorder recorder = new Recorder();
                BacktestConfig config = BacktestConfig.defaults().withCosts(2, 1).withParallelism(threads);
                List<RunOutcome> outcomes = EventBacktester.create().sweep(runs, panel, config, recorder);
                byThreads.add(outcomes);

                assertThat(outcomes).hasSize(runs.size());
                assertThat(recorder.started.get()).isEqualTo(runs.size());
                assertThat(recorder.done).hasSize(runs.size());
                assertThat(recorder.finished.get()).isEqualTo(1);
                if (threads > 1) {
                    // runs go to the sweep's workers (how many of them get one depends on timing)
                    assertThat(recorder.threads).as("runs on the sweep's workers")
                            .allMatch(name -> name.startsWith("quiver-sweep-"));
                }
            }
            assertThat(NativeMemory.bytesInUse()).as("no run copied the panel off-heap").isEqualTo(bytes);

            List<RunOutcome> sequential = byThreads.get(0);
            for (int i = 0; i < runs.size(); i++) {
                assertThat(sequential.get(i).run()).isSameAs(runs.get(i));
                if (i == 3) {
                    assertThat(sequential.get(i)).isInstanceOf(RunOutcome.Failed.class);
                    assertThat(((RunOutcome.Failed) sequential.get(i)).error()).hasMessage("boom at bar 100");
                } else {
                    assertThat(sequential.get(i)).as(runs.get(i).label()).isInstanceOf(RunOutcome.Completed.class);
                }
                for (List<RunOutcome> other : byThreads.subList(1, byThreads.size())) {
                    if (i == 3) {
                        assertThat(other.get(i)).isInstanceOf(RunOutcome.Failed.class);
                    } else {
                        BacktestResult a = ((RunOutcome.Completed) sequential.get(i)).result();
                        BacktestResult b = ((RunOutcome.Completed) other.get(i)).result();
                        assertThat(b.trades()).isEqualTo(a.trades());
                        assertThat(b.equity()).isEqualTo(a.equity());
                        assertThat(b.metrics()).isEqualTo(a.metrics());
                    }
                }
            }
        }
    }

    @Test
    void summariesKeepTheMetricsAndDropTheCurves() {
        Panel panel = TestBars.csv("SPX", "sp500_2000_2020.csv");
        List<StrategyRun> runs = runs();
        BacktestConfig config = BacktestConfig.defaults().withParallelism(2);
        List<RunOutcome> full = EventBacktester.create().sweep(runs, panel, config, ProgressListener.NONE);
        List<RunOutcome> lean = EventBacktester.create().sweepSummaries(runs, panel, config, ProgressListener.NONE);
        for (int i = 0; i < runs.size(); i++) {
            if (full.get(i) instanceof RunOutcome.Completed c) {
                BacktestResult summary = ((RunOutcome.Completed) lean.get(i)).result();
                assertThat(summary.metrics()).isEqualTo(c.result().metrics());
                assertThat(summary.trades()).isEmpty();
                assertThat(summary.equity().size()).isZero();
            } else {
                assertThat(lean.get(i)).isInstanceOf(RunOutcome.Failed.class);
            }
        }
    }

    @Test
    void resultTablesSortByAnyMetricAndWriteCsvAndArrow() throws Exception {
        Panel panel = TestBars.csv("SPX", "sp500_2000_2020.csv");
        List<RunOutcome> outcomes = EventBacktester.create().sweep(runs(), panel,
                BacktestConfig.defaults().withParallelism(2), ProgressListener.NONE);
        SweepTable table = SweepTable.of(outcomes);
        assertThat(table.size()).isEqualTo(outcomes.size());
        assertThat(table.failures()).isEqualTo(1);
        assertThat(table.paramNames()).containsExactly("fast", "slow", "allow_short", "n", "low", "high");

        SweepTable best = table.sortedBy("sharpe", true);
        for (int i = 1; i < best.size(); i++) {
            double previous = best.metric(i - 1, "sharpe");
            double current = best.metric(i, "sharpe");
            assertThat(Double.isNaN(current) || previous >= current).as("row %d", i).isTrue();
        }
        assertThat(best.run(best.size() - 1)).as("the failed run (NaN) sorts last").isEqualTo("exploding(100)");
        assertThat(table.sortedBy("max_drawdown", false).metric(0, "max_drawdown"))
                .isLessThanOrEqualTo(table.metric(1, "max_drawdown"));

        Path csv = tmp.resolve("out/sweep.csv");
        best.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("run,strategy,status,fast,slow,allow_short,n,low,high," + String.join(",",
                SweepTable.METRICS) + ",error");
        assertThat(lines).hasSize(outcomes.size() + 1);
        assertThat(lines.get(1)).startsWith("\"" + best.run(0) + "\"," + best.strategy(0) + ",ok,");
        assertThat(lines.get(lines.size() - 1)).startsWith("exploding(100),exploding,failed,")
                .endsWith(",IllegalStateException: boom at bar 100");

        Path arrow = tmp.resolve("out/sweep.arrow");
        best.writeArrow(arrow);
        try (RootAllocator allocator = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(arrow), allocator)) {
            assertThat(reader.loadNextBatch()).isTrue();
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getRowCount()).isEqualTo(best.size());
            VarCharVector run = (VarCharVector) root.getVector("run");
            Float8Vector sharpe = (Float8Vector) root.getVector("sharpe");
            Float8Vector fast = (Float8Vector) root.getVector("fast");
            for (int i = 0; i < best.size(); i++) {
                assertThat(new String(run.get(i), StandardCharsets.UTF_8)).isEqualTo(best.run(i));
                if (best.completed(i)) {
                    assertThat(sharpe.get(i)).isEqualTo(best.metric(i, "sharpe"));
                } else {
                    assertThat(sharpe.isNull(i)).isTrue();
                }
                Object f = best.param(i, "fast");
                assertThat(fast.isNull(i)).isEqualTo(f == null);
                if (f != null) {
                    assertThat(fast.get(i)).isCloseTo(((Number) f).doubleValue(), within(0.0));
                }
            }
        }
        try (var files = Files.list(tmp.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("no temporary file left").containsExactlyInAnyOrder("sweep.csv", "sweep.arrow");
        }
    }

    @Test
    void theConsoleProgressBarCountsRunsAndFailures() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress("sweep", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<StrategyRun> runs = runs();
        EventBacktester.create().sweep(runs, TestBars.csv("SPX", "sp500_2000_2020.csv"),
                BacktestConfig.defaults().withParallelism(2), progress);
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("sweep").contains(runs.size() + "/" + runs.size()).contains("1 failed");
    }

    /** Records what a sweep reports. */
    static final class Recorder implements ProgressListener {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final Set<Integer> done = ConcurrentHashMap.newKeySet();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        @Override
        public void onStart(int total) {
            started.set(total);
        }

        @Override
        public void onRunFinished(RunOutcome outcome, int n, int total) {
            done.add(n);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void onFinish() {
            finished.incrementAndGet();
        }
    }
}
