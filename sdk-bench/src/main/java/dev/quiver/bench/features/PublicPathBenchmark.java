package dev.quiver.bench.features;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.features.FeatureBuffers;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.features.execution.ColumnPool;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
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
 * The headline indicators as users call them, against the same kernels into preallocated columns and against
 * TA-Lib, in one run: what the public path costs on top of the arithmetic. Panel: {@code symbols} series of
 * {@code days} synthetic OHLCV bars ({@link FeatureSetBenchmark#bars}).
 * <ul>
 *   <li>{@link #kernels}: the kernels the engine picks (vector where the vector provider has the operator), each
 *       {@code compute(panel, in, out)} into columns allocated once, on the calling thread: the floor of the public
 *       path on one thread;</li>
 *   <li>{@link #plan}: {@code plan.compute(panel)}, a new table per call, closed at once; its columns come from the
 *       engine's {@link ColumnPool}, so from the second call on they are reused memory;</li>
 *   <li>{@link #planUnpooled}: the same on an engine with {@link ColumnPool#unpooled()}: fresh, zeroed memory for
 *       every output and temporary (what every call cost before the pool);</li>
 *   <li>{@link #planBuffers}: {@code plan.compute(panel, buffers)} into caller-owned buffers;</li>
 *   <li>{@link #taLib}: TA-Lib's Java port over one {@code double[]} per symbol and input, outputs preallocated.</li>
 * </ul>
 * {@code spec} {@code six} is the six as one plan ({@code sma(20), ema(20), rsi(14), macd(12,26,9),
 * bbands(20,2), atr(14)}: 10 output columns). The plan methods run on a pool of {@code threads}; {@link #kernels}
 * and {@link #taLib} always run on one thread. Score: milliseconds per operation (one operation = the whole panel).
 *
 * <p>Thread-safety: JMH state, one per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class PublicPathBenchmark {
    /** The six headline specs, the {@code six} plan. */
    public static final List<String> SIX = List.of("sma(20)", "ema(20)", "rsi(14)", "macd(12,26,9)",
            "bbands(20,2)", "atr(14)");

    /** One headline spec, or {@code six} for all of them as one plan. */
    @Param({"sma(20)", "ema(20)", "rsi(14)", "macd(12,26,9)", "bbands(20,2)", "atr(14)", "six"})
    public String spec;

    /** The plan's pool parallelism. */
    @Param({"1", "2"})
    public int threads;

    /** Days per symbol. */
    @Param({"1260"})
    public int days;

    /** Symbols in the panel. */
    @Param({"4000"})
    public int symbols;

    private Table table;
    private Panel panel;
    private ForkJoinPool pool;
    private ColumnPool memory;
    private FeaturePlan plan;
    private FeaturePlan unpooled;
    private FeatureBuffers buffers;
    private Arena arena;
    private FeatureKernel[] kernels;
    private MemorySegment[][] kernelIn;
    private MemorySegment[][] kernelOut;

    private List<String> specs;
    private double[][] high;
    private double[][] low;
    private double[][] close;
    private double[][][] taOut;
    private Core core;
    private MInteger begin;
    private MInteger count;

    /** Builds the panel, the plans, the preallocated columns and TA-Lib's arrays; once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        specs = spec.equals("six") ? SIX : List.of(spec);
        table = FeatureSetBenchmark.bars(symbols, days);
        panel = Panel.of(table, "symbol", "time");
        pool = new ForkJoinPool(threads);
        memory = ColumnPool.create(16L << 30, Duration.ofMinutes(30));
        plan = FeatureEngine.builder().pool(pool).memory(memory).build().plan(specs);
        unpooled = FeatureEngine.builder().pool(pool).memory(ColumnPool.unpooled()).build().plan(specs);
        buffers = plan.buffers(panel.rowCount());

        ExecutionPlan execution = plan.execution();
        arena = Arena.ofShared();
        int steps = execution.steps().size();
        kernels = new FeatureKernel[steps];
        kernelIn = new MemorySegment[steps][];
        kernelOut = new MemorySegment[steps][];
        long bytes = (long) panel.rowCount() * Double.BYTES;
        for (int s = 0; s < steps; s++) {
            FeatureKernel k = execution.steps().get(s).kernel();
            kernels[s] = k;
            kernelIn[s] = new MemorySegment[k.inputs().size()];
            for (int i = 0; i < kernelIn[s].length; i++) {
                kernelIn[s][i] = table.float64(k.inputs().get(i)).data();
            }
            kernelOut[s] = new MemorySegment[k.outputs().size()];
            for (int o = 0; o < kernelOut[s].length; o++) {
                kernelOut[s][o] = arena.allocate(bytes, 64);
            }
        }

        high = perSymbol("high");
        low = perSymbol("low");
        close = perSymbol("close");
        taOut = new double[3][symbols][days];
        core = new Core();
        begin = new MInteger();
        count = new MInteger();
    }

    private double[][] perSymbol(String column) {
        MemorySegment data = table.float64(column).data();
        double[][] values = new double[symbols][days];
        for (int s = 0; s < symbols; s++) {
            MemorySegment.copy(data, ValueLayout.JAVA_DOUBLE, (long) s * days * Double.BYTES, values[s], 0, days);
        }
        return values;
    }

    /** Frees the panel, buffers, columns and pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        buffers.close();
        arena.close();
        table.close();
        memory.trim();
        pool.shutdown();
    }

    /** The plan's kernels into preallocated columns, on the calling thread. */
    @Benchmark
    public MemorySegment kernels() {
        for (int s = 0; s < kernels.length; s++) {
            kernels[s].compute(panel, kernelIn[s], kernelOut[s]);
        }
        return kernelOut[0][0];
    }

    /** {@code plan.compute(panel)}: a new table from the pool, closed at once. */
    @Benchmark
    public double plan() {
        try (Table t = plan.compute(panel)) {
            return t.float64(t.column(0).name()).get(panel.rowCount() - 1);
        }
    }

    /** {@code plan.compute(panel)} with fresh memory for every column. */
    @Benchmark
    public double planUnpooled() {
        try (Table t = unpooled.compute(panel)) {
            return t.float64(t.column(0).name()).get(panel.rowCount() - 1);
        }
    }

    /** {@code plan.compute(panel, buffers)} into caller-owned columns. */
    @Benchmark
    public double planBuffers() {
        Table t = plan.compute(panel, buffers);
        return t.float64(t.column(0).name()).get(panel.rowCount() - 1);
    }

    /** TA-Lib's functions for the same specs, symbol by symbol. */
    @Benchmark
    public double[][][] taLib() {
        for (String s : specs) {
            for (int k = 0; k < symbols; k++) {
                RetCode rc = taLib(s, k);
                if (rc != RetCode.Success) {
                    throw new IllegalStateException("TA-Lib " + s + ": " + rc);
                }
            }
        }
        return taOut;
    }

    private RetCode taLib(String s, int k) {
        int end = days - 1;
        double[] c = close[k];
        double[] r0 = taOut[0][k];
        double[] r1 = taOut[1][k];
        double[] r2 = taOut[2][k];
        return switch (s) {
            case "sma(20)" -> core.sma(0, end, c, 20, begin, count, r0);
            case "ema(20)" -> core.ema(0, end, c, 20, begin, count, r0);
            case "rsi(14)" -> core.rsi(0, end, c, 14, begin, count, r0);
            case "macd(12,26,9)" -> core.macd(0, end, c, 12, 26, 9, begin, count, r0, r1, r2);
            case "bbands(20,2)" -> core.bbands(0, end, c, 20, 2.0, 2.0, MAType.Sma, begin, count, r0, r1, r2);
            case "atr(14)" -> core.atr(0, end, high[k], low[k], c, 14, begin, count, r0);
            default -> throw new IllegalArgumentException("no TA-Lib equivalent of " + s);
        };
    }
}
