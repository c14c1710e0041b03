package dev.quiver.bench.gpu;

import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.features.Device;
import dev.quiver.features.ExecutorChoice;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.gpu.cuda.CudaRuntime;
import java.util.ArrayList;
import java.util.List;
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
 * Two of the GPU goals over the 4,000 × 1,260 panel, the CPU rows (a pool of 2 threads: the 2-core path)
 * and the GPU rows in the same run, transfers included (the plan's inputs go up and its outputs come back every
 * call; the result table is allocated and closed each time):
 * <ul>
 *   <li>{@code rank+zscore-25}: {@code xs_rank} and {@code xs_zscore} of 25 feature columns (goal: GPU ≥ 20× the
 *       CPU);</li>
 *   <li>{@code plan-30}: a 30-feature plan mixing every kernel family (goal: GPU ≥ 10× the CPU).</li>
 * </ul>
 * A {@code gpu} row whose plan the GPU would not take fails its setup with the reason, rather than measuring the CPU
 * under the GPU's name; {@link GpuBenchmarks} leaves the {@code gpu} rows out where CUDA is unavailable.
 *
 * <p>Thread-safety: JMH state, one per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xmx24g"})
@State(Scope.Benchmark)
public class FeaturePlanGpuBenchmark {
    /** The 30 features of {@code plan-30}. */
    static final List<String> PLAN_30 = List.of("sma(5)", "sma(10)", "sma(20)", "sma(50)", "ema(10)", "ema(20)",
            "ema(50)", "stddev(20)", "var(20)", "min(20)", "max(20)", "rsi(14)", "atr(14)", "natr(14)", "trange",
            "macd(12,26,9).macd", "macd(12,26,9).signal", "macd(12,26,9).hist", "xs_rank(close)",
            "xs_rank(rsi(14))", "xs_zscore(rsi(14))", "xs_zscore(close)", "xs_demean(close)", "xs_winsorize(close)",
            "xs_rank(sma(20),pct=true)", "xs_neutralize(close,sector)", "xs_rank(atr(14),ties=dense)",
            "xs_zscore(stddev(20))", "xs_mean(close)", "xs_clip(ema(20))");

    /** {@code rank+zscore-25} or {@code plan-30}. */
    @Param({"rank+zscore-25", "plan-30"})
    public String workload;

    /** {@code cpu} (2 threads) or {@code gpu}. */
    @Param({"cpu", "gpu"})
    public String device;

    /** Rows per series. */
    @Param({"1260"})
    public int rows;

    /** Series in the panel. */
    @Param({"4000"})
    public int symbols;

    private Table table;
    private Panel panel;
    private FeaturePlan plan;
    private ForkJoinPool pool;

    /** Builds the panel and the plan, and checks that the plan runs where the row says. */
    @Setup(Level.Trial)
    public void setUp() {
        if (device.equals("gpu") && !CudaRuntime.probe().available()) {
            throw new IllegalStateException("gpu row without CUDA: " + CudaRuntime.probe().reason());
        }
        boolean twentyFive = workload.equals("rank+zscore-25");
        table = GpuPanel.build(symbols, rows, twentyFive ? 25 : 0);
        panel = GpuPanel.panel(table);
        pool = new ForkJoinPool(2);
        FeatureEngine engine = FeatureEngine.builder().pool(pool).device(Device.parse(device)).build();
        List<String> specs = new ArrayList<>();
        if (twentyFive) {
            for (int c = 0; c < 25; c++) {
                specs.add("xs_rank(f" + c + ")");
                specs.add("xs_zscore(f" + c + ")");
            }
        } else {
            specs.addAll(PLAN_30);
        }
        plan = engine.plan(specs);
        ExecutorChoice choice = plan.executor(panel);
        if (!choice.executor().device().equals(device)) {
            throw new IllegalStateException(device + " row runs on " + choice);
        }
    }

    /** Frees the panel and the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        table.close();
        pool.shutdown();
    }

    /** The whole plan over the panel; returns a value of the result so that nothing is optimised away. */
    @Benchmark
    public double compute() {
        try (Table t = plan.compute(panel)) {
            return t.float64(t.column(0).name()).get(rows);
        }
    }
}
