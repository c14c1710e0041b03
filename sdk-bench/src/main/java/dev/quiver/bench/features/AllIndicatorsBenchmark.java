package dev.quiver.bench.features;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.bench.SyntheticPrices;
import dev.quiver.features.ScalarKernelProvider;
import dev.quiver.features.vector.VectorKernelProvider;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * Every time-series operator of the {@code scalar} provider at its default parameters over a panel of
 * {@code symbols} series of {@code rows} daily bars, single-threaded, next to the {@code vector} provider's kernel,
 * TA-Lib's and ta4j's equivalents and the plain copy in the same run:
 * <ul>
 *   <li>{@link #scalar}: the scalar kernel series by series ({@code computeSeries}) over off-heap columns, as
 *       {@code FeatureEngine} runs each task;</li>
 *   <li>{@link #taLib}: TA-Lib's Java port over {@code double[]}s per symbol, for the operators it has (the others
 *       throw, so JMH reports them as failed: {@code hma}, {@code keltner}, {@code donchian}, {@code cmf},
 *       {@code vwap}, {@code ret}, {@code logret}, {@code zscore}, {@code median});</li>
 *   <li>{@link #vector}: the {@code vector} provider's kernel over the whole panel ({@code compute(panel, ...)}), for
 *       the operators it has ({@code sma}, {@code ema}, {@code rsi}, {@code trange}, {@code atr}, {@code natr}; the
 *       others throw);</li>
 *   <li>{@link #ta4j}: ta4j 0.22.2 with {@code DoubleNum}, fresh indicators ({@link Ta4jIndicators}) over bar series
 *       built once per trial, every output's value read bar by bar, over the first {@code ta4jSymbols} symbols only
 *       (ta4j is two to three orders of magnitude slower; its {@code values} counter counts the rows it computed, so
 *       the rates compare). Operators ta4j lacks throw: {@code ultosc}, {@code trix}, {@code ret}, {@code logret},
 *       {@code median}, {@code beta}, and {@code ppo}/{@code apo} unless {@code ma=ema};</li>
 *   <li>{@link #copy}: a copy of the close column, the memory-bandwidth ceiling of one column in and one out.</li>
 * </ul>
 * Data: {@link SyntheticPrices} closes (seed 42); opens are the previous close, highs and lows lie up to 1 % beyond
 * the open/close range, volumes are uniform in [0.5, 1.5] × 10⁶ and the {@code benchmark} column (for {@code corr}
 * and {@code beta}) is one further walk shared by every symbol (bars from a fixed {@link SplittableRandom} seed). The
 * {@code values} counter ({@link PanelValues}) counts rows, so it is input values per second for one-input
 * operators and rows (bars) per second for the others; the copy's is values per second of one column.
 *
 * <p>Thread-safety: JMH state, one per trial; the benchmark methods run on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class AllIndicatorsBenchmark {

    /** Every time-series operator of the scalar provider, at TA-Lib's (or the operator's) default parameters. */
    public static final String[] SPECS = {
        "sma", "ema", "wma", "dema", "tema", "trima", "kama", "hma",
        "rsi", "macd", "stoch", "stochf", "stochrsi", "willr", "cci", "roc", "mom", "cmo", "adx", "plus_di",
        "minus_di", "dx", "aroon", "aroonosc", "mfi", "ultosc", "trix", "ppo", "apo",
        "trange", "atr", "natr", "stddev", "var",
        "bbands", "keltner", "donchian", "sar",
        "obv", "ad", "adosc", "cmf", "vwap",
        "ret", "logret", "zscore", "min", "max", "median", "corr", "beta", "linearreg_slope"};

    /** The operator spec: a name, optionally with positional parameter values ({@code macd(12,26,9)}). */
    @Param({"sma", "ema", "wma", "dema", "tema", "trima", "kama", "hma",
        "rsi", "macd", "stoch", "stochf", "stochrsi", "willr", "cci", "roc", "mom", "cmo", "adx", "plus_di",
        "minus_di", "dx", "aroon", "aroonosc", "mfi", "ultosc", "trix", "ppo", "apo",
        "trange", "atr", "natr", "stddev", "var",
        "bbands", "keltner", "donchian", "sar",
        "obv", "ad", "adosc", "cmf", "vwap",
        "ret", "logret", "zscore", "min", "max", "median", "corr", "beta", "linearreg_slope"})
    public String spec;

    /** Rows per series: 1,260 is five years of trading days. */
    @Param({"1260"})
    public int rows;

    /** Series in the panel. */
    @Param({"4000"})
    public int symbols;

    /** Series ta4j computes (the first ones of the panel, at most {@code symbols}): ta4j is slow. */
    @Param({"40"})
    public int ta4jSymbols;

    private static final List<String> COLUMNS = List.of("open", "high", "low", "close", "volume", "benchmark");

    private Arena arena;
    private FeatureKernel kernel;
    private MemorySegment[] in;
    private MemorySegment[] out;
    private MemorySegment close;
    private MemorySegment copyOut;

    // TA-Lib's side: [column][symbol][row] inputs in COLUMNS order, three outputs per symbol
    private double[][][] columns;
    private double[][] out0;
    private double[][] out1;
    private double[][] out2;
    private Core core;
    private MInteger begin;
    private MInteger count;

    // the vector provider's side, where it has the operator
    private FeatureKernel vectorKernel;
    private Table index;
    private Panel panel;

    // ta4j's side: bar series of the first ta4jSymbols symbols, [output][symbol][row] values read back
    private BarSeries[] ta4jBars;
    private BarSeries ta4jBenchmark;
    private double[][][] ta4jOut;
    private int ta4jOutputs;

    /** Builds the data and the kernel; JMH calls it once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        kernel = scalarKernel(spec);
        columns = bars(symbols, rows);
        long values = (long) rows * symbols;
        arena = Arena.ofShared();
        MemorySegment[] all = new MemorySegment[COLUMNS.size()];
        for (int c = 0; c < all.length; c++) {
            all[c] = arena.allocate(values * Double.BYTES, 64);
            for (int s = 0; s < symbols; s++) {
                MemorySegment.copy(columns[c][s], 0, all[c], ValueLayout.JAVA_DOUBLE, (long) s * rows * Double.BYTES,
                        rows);
            }
        }
        in = new MemorySegment[kernel.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = all[COLUMNS.indexOf(kernel.inputs().get(i))];
        }
        out = new MemorySegment[kernel.outputs().size()];
        for (int o = 0; o < out.length; o++) {
            out[o] = arena.allocate(values * Double.BYTES, 64);
        }
        close = all[COLUMNS.indexOf("close")];
        copyOut = arena.allocate(values * Double.BYTES, 64);
        out0 = new double[symbols][rows];
        out1 = new double[symbols][rows];
        out2 = new double[symbols][rows];
        core = new Core();
        begin = new MInteger();
        count = new MInteger();
        VectorKernelProvider vector = new VectorKernelProvider();
        String name = kernel.descriptor().name();
        if (vector.availability().available() && vector.operator(name).isPresent()) {
            vectorKernel = kernel(vector, spec);
            index = IndicatorBenchmark.panelIndex(symbols, rows);
            panel = Panel.of(index, "symbol", "time");
        }
        int ta4jCount = Math.min(ta4jSymbols, symbols);
        ta4jBars = new BarSeries[ta4jCount];
        for (int s = 0; s < ta4jCount; s++) {
            ta4jBars[s] = Ta4jIndicators.series("S" + s, columns[0][s], columns[1][s], columns[2][s], columns[3][s],
                    columns[4][s]);
        }
        double[] benchmark = columns[5][0];
        ta4jBenchmark = Ta4jIndicators.series("benchmark", benchmark, benchmark, benchmark, benchmark, columns[4][0]);
        ta4jOut = new double[kernel.outputs().size()][ta4jCount][rows];
    }

    /** The scalar provider's kernel of a spec {@code name} or {@code name(v1,v2,...)} (positional values). */
    static FeatureKernel scalarKernel(String spec) {
        return kernel(new ScalarKernelProvider(), spec);
    }

    /** A provider's kernel of a spec {@code name} or {@code name(v1,v2,...)} (positional values). */
    static FeatureKernel kernel(FeatureKernelProvider provider, String spec) {
        int open = spec.indexOf('(');
        String name = open < 0 ? spec.trim() : spec.substring(0, open).trim();
        List<String> positional = new ArrayList<>();
        if (open >= 0) {
            String args = spec.substring(open + 1, spec.lastIndexOf(')')).trim();
            if (!args.isEmpty()) {
                for (String a : args.split(",")) {
                    positional.add(a.trim());
                }
            }
        }
        OperatorDescriptor d = provider.operator(name).orElseThrow(
                () -> new IllegalArgumentException("the " + provider.name() + " provider has no operator '" + name
                        + "'"));
        return provider.create(name, Params.bind(d.params(), positional, Map.of()), List.of());
    }

    /** The synthetic bars, {@code [column][symbol][row]} in {@link #COLUMNS} order. */
    static double[][][] bars(int symbols, int rows) {
        double[][] closes = SyntheticPrices.walks(SyntheticPrices.SEED, symbols, rows);
        double[] benchmark = SyntheticPrices.walk(SyntheticPrices.SEED, symbols, rows);
        double[][][] c = new double[COLUMNS.size()][symbols][];
        SplittableRandom random = new SplittableRandom(SyntheticPrices.SEED + 1);
        for (int s = 0; s < symbols; s++) {
            double[] open = new double[rows];
            double[] high = new double[rows];
            double[] low = new double[rows];
            double[] volume = new double[rows];
            double[] cl = closes[s];
            for (int r = 0; r < rows; r++) {
                open[r] = r == 0 ? cl[0] : cl[r - 1];
                high[r] = Math.max(open[r], cl[r]) * (1 + 0.01 * random.nextDouble());
                low[r] = Math.min(open[r], cl[r]) * (1 - 0.01 * random.nextDouble());
                volume[r] = 1e6 * (0.5 + random.nextDouble());
            }
            c[0][s] = open;
            c[1][s] = high;
            c[2][s] = low;
            c[3][s] = cl;
            c[4][s] = volume;
            c[5][s] = benchmark;
        }
        return c;
    }

    /** Frees the off-heap columns. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (index != null) {
            index.close();
        }
        arena.close();
    }

    /** The scalar kernel over every series of the panel. */
    @Benchmark
    public MemorySegment scalar(PanelValues counter) {
        for (int s = 0; s < symbols; s++) {
            kernel.computeSeries(in, out, s * rows, (s + 1) * rows);
        }
        counter.values += (long) rows * symbols;
        return out[0];
    }

    /**
     * TA-Lib's equivalent over every series.
     *
     * @throws UnsupportedOperationException for an operator TA-Lib lacks
     */
    @Benchmark
    public double[][] taLib(PanelValues counter) {
        String name = kernel.descriptor().name();
        Params p = kernel.params();
        int end = rows - 1;
        for (int s = 0; s < symbols; s++) {
            double[] h = columns[1][s];
            double[] l = columns[2][s];
            double[] c = columns[3][s];
            double[] v = columns[4][s];
            double[] b = columns[5][s];
            double[] r0 = out0[s];
            double[] r1 = out1[s];
            double[] r2 = out2[s];
            RetCode rc = switch (name) {
                case "sma" -> core.sma(0, end, c, p.getInt("n"), begin, count, r0);
                case "ema" -> core.ema(0, end, c, p.getInt("n"), begin, count, r0);
                case "wma" -> core.wma(0, end, c, p.getInt("n"), begin, count, r0);
                case "dema" -> core.dema(0, end, c, p.getInt("n"), begin, count, r0);
                case "tema" -> core.tema(0, end, c, p.getInt("n"), begin, count, r0);
                case "trima" -> core.trima(0, end, c, p.getInt("n"), begin, count, r0);
                case "kama" -> core.kama(0, end, c, p.getInt("n"), begin, count, r0);
                case "rsi" -> core.rsi(0, end, c, p.getInt("n"), begin, count, r0);
                case "macd" -> core.macd(0, end, c, p.getInt("fast"), p.getInt("slow"), p.getInt("signal"), begin,
                        count, r0, r1, r2);
                case "stoch" -> core.stoch(0, end, h, l, c, p.getInt("fastk"), p.getInt("slowk"), MAType.Sma,
                        p.getInt("slowd"), MAType.Sma, begin, count, r0, r1);
                case "stochf" -> core.stochF(0, end, h, l, c, p.getInt("fastk"), p.getInt("fastd"), MAType.Sma,
                        begin, count, r0, r1);
                case "stochrsi" -> core.stochRsi(0, end, c, p.getInt("n"), p.getInt("fastk"), p.getInt("fastd"),
                        MAType.Sma, begin, count, r0, r1);
                case "willr" -> core.willR(0, end, h, l, c, p.getInt("n"), begin, count, r0);
                case "cci" -> core.cci(0, end, h, l, c, p.getInt("n"), begin, count, r0);
                case "roc" -> core.roc(0, end, c, p.getInt("n"), begin, count, r0);
                case "mom" -> core.mom(0, end, c, p.getInt("n"), begin, count, r0);
                case "cmo" -> core.cmo(0, end, c, p.getInt("n"), begin, count, r0);
                case "adx" -> core.adx(0, end, h, l, c, p.getInt("n"), begin, count, r0);
                case "plus_di" -> core.plusDI(0, end, h, l, c, p.getInt("n"), begin, count, r0);
                case "minus_di" -> core.minusDI(0, end, h, l, c, p.getInt("n"), begin, count, r0);
                case "dx" -> core.dx(0, end, h, l, c, p.getInt("n"), begin, count, r0);
                case "aroon" -> core.aroon(0, end, h, l, p.getInt("n"), begin, count, r1, r0); // down, up
                case "aroonosc" -> core.aroonOsc(0, end, h, l, p.getInt("n"), begin, count, r0);
                case "mfi" -> core.mfi(0, end, h, l, c, v, p.getInt("n"), begin, count, r0);
                case "ultosc" -> core.ultOsc(0, end, h, l, c, p.getInt("n1"), p.getInt("n2"), p.getInt("n3"),
                        begin, count, r0);
                case "trix" -> core.trix(0, end, c, p.getInt("n"), begin, count, r0);
                case "ppo" -> core.ppo(0, end, c, p.getInt("fast"), p.getInt("slow"), maType(p), begin, count, r0);
                case "apo" -> core.apo(0, end, c, p.getInt("fast"), p.getInt("slow"), maType(p), begin, count, r0);
                case "trange" -> core.trueRange(0, end, h, l, c, begin, count, r0);
                case "atr" -> core.atr(0, end, h, l, c, p.getInt("n"), begin, count, r0);
                case "natr" -> core.natr(0, end, h, l, c, p.getInt("n"), begin, count, r0);
                case "stddev" -> core.stdDev(0, end, c, p.getInt("n"), 1.0, begin, count, r0);
                case "var" -> core.variance(0, end, c, p.getInt("n"), 1.0, begin, count, r0);
                case "bbands" -> core.bbands(0, end, c, p.getInt("n"), p.getDouble("k"), p.getDouble("k"),
                        MAType.Sma, begin, count, r0, r1, r2);
                case "sar" -> core.sar(0, end, h, l, p.getDouble("acceleration"), p.getDouble("maximum"), begin,
                        count, r0);
                case "obv" -> core.obv(0, end, c, v, begin, count, r0);
                case "ad" -> core.ad(0, end, h, l, c, v, begin, count, r0);
                case "adosc" -> core.adOsc(0, end, h, l, c, v, p.getInt("fast"), p.getInt("slow"), begin, count, r0);
                case "min" -> core.min(0, end, c, p.getInt("n"), begin, count, r0);
                case "max" -> core.max(0, end, c, p.getInt("n"), begin, count, r0);
                case "corr" -> core.correl(0, end, c, b, p.getInt("n"), begin, count, r0);
                case "beta" -> core.beta(0, end, b, c, p.getInt("n"), begin, count, r0); // TA-Lib divides by var of its first
                case "linearreg_slope" -> core.linearRegSlope(0, end, c, p.getInt("n"), begin, count, r0);
                default -> throw new UnsupportedOperationException("TA-Lib has no equivalent of '" + name + "'");
            };
            if (rc != RetCode.Success) {
                throw new IllegalStateException("TA-Lib " + name + ": " + rc);
            }
        }
        counter.values += (long) rows * symbols;
        return out0;
    }

    /**
     * The vector provider's kernel over the whole panel.
     *
     * @throws UnsupportedOperationException for an operator the vector provider lacks (or when it is unavailable)
     */
    @Benchmark
    public MemorySegment vector(PanelValues counter) {
        if (vectorKernel == null) {
            throw new UnsupportedOperationException("the vector provider has no kernel for '"
                    + kernel.descriptor().name() + "' (or is unavailable here)");
        }
        vectorKernel.compute(panel, in, out);
        counter.values += (long) rows * symbols;
        return out[0];
    }

    /**
     * ta4j's equivalent over the first {@code ta4jSymbols} series: fresh indicators, every output's value bar by bar.
     *
     * @throws UnsupportedOperationException for an operator ta4j lacks
     */
    @Benchmark
    public double[][][] ta4j(PanelValues counter) {
        String name = kernel.descriptor().name();
        Params p = kernel.params();
        for (int s = 0; s < ta4jBars.length; s++) {
            List<Indicator<Num>> outputs = Ta4jIndicators.of(name, p, ta4jBars[s], ta4jBenchmark);
            ta4jOutputs = outputs.size();
            for (int o = 0; o < outputs.size(); o++) {
                Indicator<Num> indicator = outputs.get(o);
                double[] values = ta4jOut[o][s];
                for (int r = 0; r < rows; r++) {
                    values[r] = indicator.getValue(r).doubleValue();
                }
            }
        }
        counter.values += (long) rows * ta4jBars.length;
        return ta4jOut;
    }

    private static MAType maType(Params p) {
        return p.getChoice("ma").equals("ema") ? MAType.Ema : MAType.Sma;
    }

    /** The memory-bandwidth ceiling: copy the close column. It ignores {@code spec}. */
    @Benchmark
    public MemorySegment copy(PanelValues counter) {
        MemorySegment.copy(close, 0, copyOut, 0, close.byteSize());
        counter.values += (long) rows * symbols;
        return copyOut;
    }

    // for the smoke test
    FeatureKernel kernel() {
        return kernel;
    }

    double value(int output, int symbol, int row) {
        return out[output].getAtIndex(ValueLayout.JAVA_DOUBLE, (long) symbol * rows + row);
    }

    double taLibValue(int output, int symbol, int row) {
        double[][] o = output == 0 ? out0 : output == 1 ? out1 : out2;
        int first = begin.value;
        return row < first ? Double.NaN : o[symbol][row - first];
    }

    double ta4jValue(int output, int symbol, int row) {
        return ta4jOut[output][symbol][row];
    }

    int ta4jOutputs() {
        return ta4jOutputs;
    }

    boolean hasVector() {
        return vectorKernel != null;
    }

    double copied(int symbol, int row) {
        return copyOut.getAtIndex(ValueLayout.JAVA_DOUBLE, (long) symbol * rows + row);
    }

    double close(int symbol, int row) {
        return columns[3][symbol][row];
    }
}
