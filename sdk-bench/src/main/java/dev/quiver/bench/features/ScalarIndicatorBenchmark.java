package dev.quiver.bench.features;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.bench.SyntheticPrices;
import dev.quiver.features.ScalarKernelProvider;
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
 * One indicator over a panel of {@code symbols} series of {@code rows} daily closes, single-threaded, three ways:
 * <ul>
 *   <li>{@link #quiverScalar}: Quiver's {@code scalar} provider kernel, series by series over one off-heap column
 *       ({@code computeSeries} on {@code MemorySegment}s), as {@code FeatureEngine.compute} runs each task;</li>
 *   <li>{@link #taLib}: TA-Lib's Java port ({@code com.tictactec:ta-lib} 0.4.0) over one {@code double[]} per
 *       symbol, its natural layout;</li>
 *   <li>{@link #copyBaseline}: a plain copy of the input column into the output column, the memory-bandwidth
 *       ceiling for a kernel that reads one column and writes one. It ignores {@code indicator}.</li>
 * </ul>
 * Periods: SMA 20, EMA 20, RSI 14. Data: {@link SyntheticPrices} (seed 42). Both kernels produce bit-identical
 * values (see {@code TaLibReferenceTest} in sdk-features). Scores are milliseconds per whole panel; divide
 * {@code rows × symbols} by it for values per millisecond.
 *
 * <p>Thread-safety: JMH state, one per trial; the benchmark methods run on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class ScalarIndicatorBenchmark {

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
    private MemorySegment[] in;
    private MemorySegment[] out;
    private FeatureKernel kernel;

    private double[][] taIn;
    private double[][] taOut;
    private Core core;
    private MInteger begin;
    private MInteger count;
    private int period;

    /** Builds the data and the kernels; JMH calls it once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        period = switch (indicator) {
            case "sma", "ema" -> 20;
            case "rsi" -> 14;
            default -> throw new IllegalArgumentException("indicator must be sma, ema or rsi, not '" + indicator
                    + "'");
        };
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

        ScalarKernelProvider scalar = new ScalarKernelProvider();
        OperatorDescriptor d = scalar.operator(indicator).orElseThrow();
        kernel = scalar.create(indicator, Params.bind(d.params(), Map.of("n", Integer.toString(period))), List.of());
        core = new Core();
        begin = new MInteger();
        count = new MInteger();
    }

    /** Frees the off-heap columns. */
    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    /** Quiver's scalar kernel over every series of the panel. */
    @Benchmark
    public MemorySegment quiverScalar() {
        for (int s = 0; s < symbols; s++) {
            kernel.computeSeries(in, out, s * rows, (s + 1) * rows);
        }
        return out[0];
    }

    /** TA-Lib's function over every series. */
    @Benchmark
    public double[][] taLib() {
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
        return taOut;
    }

    /** The memory-bandwidth ceiling: copy the input column to the output column. */
    @Benchmark
    public MemorySegment copyBaseline() {
        MemorySegment.copy(in[0], 0, out[0], 0, in[0].byteSize());
        return out[0];
    }

    // for the smoke test: the outputs of the last run
    double quiverValue(int symbol, int row) {
        return out[0].getAtIndex(ValueLayout.JAVA_DOUBLE, (long) symbol * rows + row);
    }

    double taLibValue(int symbol, int row) {
        int first = kernel.warmUp();
        return row < first ? Double.NaN : taOut[symbol][row - first];
    }

    int warmUp() {
        return kernel.warmUp();
    }
}
