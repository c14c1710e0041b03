package dev.quiver.bench.features;

import dev.quiver.bench.SyntheticPrices;
import java.time.Duration;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * ta4j 0.22.2 ({@code DoubleNum}) computing one indicator for every bar of {@code symbols} series of {@code rows}
 * daily bars, the peer that {@link IndicatorBenchmark} leaves out because it is two to three orders of magnitude
 * slower: it keeps one {@code Num} object per value and bars as a list of objects. The panel is therefore smaller
 * (40 symbols by default, {@code -p symbols=4000} for the full one); compare the {@code values} counter (input values
 * per second) with {@link IndicatorBenchmark}'s. Each invocation builds fresh indicators (ta4j caches computed
 * values) over bar series built once per trial, and reads every bar's value in order.
 *
 * <p>Same data ({@link SyntheticPrices}, seed 42) and periods (SMA 20, EMA 20, RSI 14) as {@link IndicatorBenchmark}.
 *
 * <p>Thread-safety: JMH state, one per trial; the benchmark method runs on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class Ta4jIndicatorBenchmark {

    /** The indicator: {@code sma}, {@code ema} or {@code rsi}. */
    @Param({"sma", "ema", "rsi"})
    public String indicator;

    /** Rows per series. */
    @Param({"1260"})
    public int rows;

    /** Series: fewer than {@link IndicatorBenchmark}'s 4,000, because ta4j is slow. */
    @Param({"40"})
    public int symbols;

    private BarSeries[] series;
    private int period;

    /** Builds the bar series; JMH calls it once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        period = IndicatorBenchmark.period(indicator);
        double[][] closes = SyntheticPrices.walks(SyntheticPrices.SEED, symbols, rows);
        series = new BarSeries[symbols];
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        for (int s = 0; s < symbols; s++) {
            BarSeries bars = new BaseBarSeriesBuilder().withName("S" + s)
                    .withNumFactory(DoubleNumFactory.getInstance()).build();
            for (int r = 0; r < rows; r++) {
                double c = closes[s][r];
                bars.barBuilder().timePeriod(Duration.ofDays(1)).endTime(start.plus(Duration.ofDays(r + 1)))
                        .openPrice(c).highPrice(c).lowPrice(c).closePrice(c).volume(1_000).add();
            }
            series[s] = bars;
        }
    }

    /** ta4j's indicator over every bar of every series; returns the sum of the values as a sink. */
    @Benchmark
    public double ta4j(PanelValues counter) {
        double sink = 0;
        for (BarSeries bars : series) {
            double[] values = values(bars);
            sink += values[values.length - 1];
        }
        counter.values += (long) rows * symbols;
        return sink;
    }

    /** One series' indicator values, bar by bar. */
    double[] values(BarSeries bars) {
        ClosePriceIndicator close = new ClosePriceIndicator(bars);
        Indicator<Num> indicator = switch (this.indicator) {
            case "sma" -> new SMAIndicator(close, period);
            case "ema" -> new EMAIndicator(close, period);
            default -> new RSIIndicator(close, period);
        };
        double[] values = new double[bars.getBarCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = indicator.getValue(i).doubleValue();
        }
        return values;
    }

    // for the smoke test
    double[] valuesOf(int symbol) {
        return values(series[symbol]);
    }
}
