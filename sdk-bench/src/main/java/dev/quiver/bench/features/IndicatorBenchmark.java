package dev.quiver.bench.features;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.bench.SyntheticPrices;
import dev.quiver.features.ScalarKernelProvider;
import dev.quiver.features.vector.VectorKernelProvider;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
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
 * One indicator over a panel of {@code symbols} series of {@code rows} daily closes, single-threaded, four ways in
 * the same run:
 * <ul>
 *   <li>{@link #scalar}: the {@code scalar} provider's kernel, series by series over one off-heap column
 *       ({@code computeSeries}), as {@code FeatureEngine} runs each task;</li>
 *   <li>{@link #vector}: the {@code vector} provider's kernel over the whole panel ({@code compute(panel, ...)}):
 *       sma vectorised along each series, ema and rsi across symbols;</li>
 *   <li>{@link #taLib}: TA-Lib's Java port ({@code com.tictactec:ta-lib} 0.4.0) over one {@code double[]} per
 *       symbol, its natural layout;</li>
 *   <li>{@link #copy}: a plain copy of the input column into the output column, the memory-bandwidth ceiling of a
 *       kernel that reads one column and writes one. It ignores {@code indicator}.</li>
 * </ul>
 * ta4j, far slower, runs on a smaller panel in {@link Ta4jIndicatorBenchmark}. Periods: SMA 20, EMA 20, RSI 14. Data:
 * {@link SyntheticPrices} (seed 42). Scores: panels per second; the {@code values} counter ({@link PanelValues}) is
 * input values per second, and each kernel's fraction of the copy is its {@code values} over the copy's.
 *
 * <p>Thread-safety: JMH state, one per trial; the benchmark methods run on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class IndicatorBenchmark {

    /** The indicator: {@code sma}, {@code ema} or {@code rsi}. */
    @Param({"sma", "ema", "rsi"})
    public String indicator;

    /** Rows per series: 1,260 is five years of trading days. */
    @Param({"1260"})
    public int rows;

    /** Series in the panel. */
    @Param({"4000"})
    public int symbols;

    private Arena arena;
    private Table index;
    private Panel panel;
    private MemorySegment[] in;
    private MemorySegment[] out;
    private FeatureKernel scalarKernel;
    private FeatureKernel vectorKernel;

    private double[][] taIn;
    private double[][] taOut;
    private Core core;
    private MInteger begin;
    private MInteger count;
    private int period;

    /** Builds the data and the kernels; JMH calls it once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        period = period(indicator);
        taIn = SyntheticPrices.walks(SyntheticPrices.SEED, symbols, rows);
        taOut = new double[symbols][rows];
        long values = (long) rows * symbols;
        arena = Arena.ofShared();
        MemorySegment column = arena.allocate(values * Double.BYTES, 64);
        for (int s = 0; s < symbols; s++) {
            MemorySegment.copy(taIn[s], 0, column, ValueLayout.JAVA_DOUBLE, (long) s * rows * Double.BYTES, rows);
        }
        in = new MemorySegment[] {column};
        out = new MemorySegment[] {arena.allocate(values * Double.BYTES, 64)};
        index = panelIndex(symbols, rows);
        panel = Panel.of(index, "symbol", "time");
        scalarKernel = kernel(new ScalarKernelProvider(), indicator, period);
        VectorKernelProvider vector = new VectorKernelProvider();
        if (!vector.availability().available()) {
            throw new IllegalStateException("the vector provider is unavailable: " + vector.availability().reason());
        }
        vectorKernel = kernel(vector, indicator, period);
        core = new Core();
        begin = new MInteger();
        count = new MInteger();
    }

    static int period(String indicator) {
        return switch (indicator) {
            case "sma", "ema" -> 20;
            case "rsi" -> 14;
            default -> throw new IllegalArgumentException("indicator must be sma, ema or rsi, not '" + indicator
                    + "'");
        };
    }

    static FeatureKernel kernel(FeatureKernelProvider p, String indicator, int period) {
        Params params = Params.bind(p.operator(indicator).orElseThrow().params(), Map.of("n", Integer.toString(period)));
        return p.create(indicator, params, List.of());
    }

    /** The symbol and time columns of a panel of equal-length series (the values live in their own column). */
    static Table panelIndex(int symbols, int rows) {
        String[] names = new String[symbols * rows];
        long[] times = new long[symbols * rows];
        for (int s = 0; s < symbols; s++) {
            String name = String.format("S%05d", s);
            for (int r = 0; r < rows; r++) {
                names[s * rows + r] = name;
                times[s * rows + r] = 86_400_000L * (16_000 + r);
            }
        }
        return TableBuilder.onHeap().string("symbol", names).int64("time", times).build();
    }

    /** Frees the off-heap columns. */
    @TearDown(Level.Trial)
    public void tearDown() {
        index.close();
        arena.close();
    }

    /** The scalar kernel over every series of the panel. */
    @Benchmark
    public MemorySegment scalar(PanelValues counter) {
        for (int s = 0; s < symbols; s++) {
            scalarKernel.computeSeries(in, out, s * rows, (s + 1) * rows);
        }
        counter.values += (long) rows * symbols;
        return out[0];
    }

    /** The vector kernel over the whole panel. */
    @Benchmark
    public MemorySegment vector(PanelValues counter) {
        vectorKernel.compute(panel, in, out);
        counter.values += (long) rows * symbols;
        return out[0];
    }

    /** TA-Lib's function over every series. */
    @Benchmark
    public double[][] taLib(PanelValues counter) {
        for (int s = 0; s < symbols; s++) {
            RetCode rc = switch (indicator) {
                case "sma" -> core.sma(0, rows - 1, taIn[s], period, begin, count, taOut[s]);
                case "ema" -> core.ema(0, rows - 1, taIn[s], period, begin, count, taOut[s]);
                default -> core.rsi(0, rows - 1, taIn[s], period, begin, count, taOut[s]);
            };
            if (rc != RetCode.Success) {
                throw new IllegalStateException("TA-Lib " + indicator + ": " + rc);
            }
        }
        counter.values += (long) rows * symbols;
        return taOut;
    }

    /** The memory-bandwidth ceiling: copy the input column to the output column. */
    @Benchmark
    public MemorySegment copy(PanelValues counter) {
        MemorySegment.copy(in[0], 0, out[0], 0, in[0].byteSize());
        counter.values += (long) rows * symbols;
        return out[0];
    }

    // for the smoke test: the outputs of the last run
    double value(int symbol, int row) {
        return out[0].getAtIndex(ValueLayout.JAVA_DOUBLE, (long) symbol * rows + row);
    }

    double taLibValue(int symbol, int row) {
        int first = scalarKernel.warmUp();
        return row < first ? Double.NaN : taOut[symbol][row - first];
    }

    double taLibInput(int symbol, int row) {
        return taIn[symbol][row];
    }

    int warmUp() {
        return scalarKernel.warmUp();
    }
}
