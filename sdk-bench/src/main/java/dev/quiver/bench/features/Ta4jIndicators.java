package dev.quiver.bench.features;

import dev.quiver.api.param.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.CMOIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.PPOIndicator;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.StochasticRSIIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.DXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonOscillatorIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;
import org.ta4j.core.indicators.averages.DoubleEMAIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.HMAIndicator;
import org.ta4j.core.indicators.averages.KAMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.TMAIndicator;
import org.ta4j.core.indicators.averages.TripleEMAIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.PearsonCorrelationIndicator;
import org.ta4j.core.indicators.statistics.SigmaIndicator;
import org.ta4j.core.indicators.statistics.SimpleLinearRegressionIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.statistics.VarianceIndicator;
import org.ta4j.core.indicators.volume.AccumulationDistributionIndicator;
import org.ta4j.core.indicators.volume.ChaikinMoneyFlowIndicator;
import org.ta4j.core.indicators.volume.ChaikinOscillatorIndicator;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * ta4j 0.22.2's equivalents of the scalar provider's time-series operators, for {@link AllIndicatorsBenchmark}: one
 * {@code Indicator<Num>} per output of the operator, in the operator's output order (the first only for
 * {@code stochrsi}, whose %D ta4j cannot smooth past its warm-up NaN), over a {@code DoubleNum} bar
 * series. Mostly one ta4j class per output; a few outputs are short compositions of ta4j indicators where ta4j has
 * the pieces but no class ({@code macd}'s signal and histogram, the slow stochastic's smoothing, {@code mom},
 * {@code natr}). Operators ta4j has no equivalent for throw {@link UnsupportedOperationException}.
 *
 * <p>Equivalence is of the computation, not always of the convention: ta4j's stochastic RSI is 0..1 where Quiver's
 * is 0..100, its VWAP weights the typical price where Quiver's weights the close, and its warm-up values are its own
 * (ta4j returns values, sometimes NaN, before the window fills). The benchmark measures speed, not agreement.
 *
 * <p>Thread-safety: stateless static methods; the indicators they build are not thread-safe (ta4j caches values).
 */
final class Ta4jIndicators {

    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    private Ta4jIndicators() {
    }

    /** A {@code DoubleNum} bar series of daily bars from OHLCV arrays of equal length. */
    static BarSeries series(String name, double[] open, double[] high, double[] low, double[] close,
            double[] volume) {
        BarSeries bars = new BaseBarSeriesBuilder().withName(name).withNumFactory(DoubleNumFactory.getInstance())
                .build();
        for (int r = 0; r < close.length; r++) {
            bars.barBuilder().timePeriod(Duration.ofDays(1)).endTime(START.plus(Duration.ofDays(r + 1)))
                    .openPrice(open[r]).highPrice(high[r]).lowPrice(low[r]).closePrice(close[r]).volume(volume[r])
                    .add();
        }
        return bars;
    }

    /**
     * Fresh ta4j indicators for the operator {@code name} with parameters {@code p}, one per output.
     *
     * @param bars the symbol's bars
     * @param benchmark bars whose close is the {@code benchmark} column (for {@code corr})
     * @throws UnsupportedOperationException where ta4j 0.22.2 has no equivalent of the operator (or of its
     *         parameters: {@code ppo} and {@code apo} only with {@code ma=ema})
     */
    static List<Indicator<Num>> of(String name, Params p, BarSeries bars, BarSeries benchmark) {
        ClosePriceIndicator close = new ClosePriceIndicator(bars);
        return switch (name) {
            case "sma" -> List.of(new SMAIndicator(close, p.getInt("n")));
            case "ema" -> List.of(new EMAIndicator(close, p.getInt("n")));
            case "wma" -> List.of(new WMAIndicator(close, p.getInt("n")));
            case "dema" -> List.of(new DoubleEMAIndicator(close, p.getInt("n")));
            case "tema" -> List.of(new TripleEMAIndicator(close, p.getInt("n")));
            case "trima" -> List.of(new TMAIndicator(close, p.getInt("n")));
            case "kama" -> List.of(new KAMAIndicator(close, p.getInt("n"), 2, 30));
            case "hma" -> List.of(new HMAIndicator(close, p.getInt("n")));
            case "rsi" -> List.of(new RSIIndicator(close, p.getInt("n")));
            case "macd" -> {
                MACDIndicator macd = new MACDIndicator(close, p.getInt("fast"), p.getInt("slow"));
                yield List.of(macd, macd.getSignalLine(p.getInt("signal")), macd.getHistogram(p.getInt("signal")));
            }
            case "stoch" -> {
                Indicator<Num> slowK = new SMAIndicator(new StochasticOscillatorKIndicator(bars, p.getInt("fastk")),
                        p.getInt("slowk"));
                yield List.of(slowK, new SMAIndicator(slowK, p.getInt("slowd")));
            }
            case "stochf" -> {
                Indicator<Num> k = new StochasticOscillatorKIndicator(bars, p.getInt("fastk"));
                yield List.of(k, new SMAIndicator(k, p.getInt("fastd")));
            }
            // %K only: ta4j's SMA is incremental and carries the NaN of stochastic RSI's warm-up into every %D
            case "stochrsi" -> List.of(new StochasticRSIIndicator(new RSIIndicator(close, p.getInt("n")),
                    p.getInt("fastk")));
            case "willr" -> List.of(new WilliamsRIndicator(bars, p.getInt("n")));
            case "cci" -> List.of(new CCIIndicator(bars, p.getInt("n")));
            case "roc" -> List.of(new ROCIndicator(close, p.getInt("n")));
            case "mom" -> List.of(NumericIndicator.of(close).minus(NumericIndicator.of(close).previous(p.getInt("n"))));
            case "cmo" -> List.of(new CMOIndicator(close, p.getInt("n")));
            case "adx" -> List.of(new ADXIndicator(bars, p.getInt("n")));
            case "plus_di" -> List.of(new PlusDIIndicator(bars, p.getInt("n")));
            case "minus_di" -> List.of(new MinusDIIndicator(bars, p.getInt("n")));
            case "dx" -> List.of(new DXIndicator(bars, p.getInt("n")));
            case "aroon" -> List.of(new AroonUpIndicator(bars, p.getInt("n")), new AroonDownIndicator(bars,
                    p.getInt("n")));
            case "aroonosc" -> List.of(new AroonOscillatorIndicator(bars, p.getInt("n")));
            case "mfi" -> List.of(new MoneyFlowIndexIndicator(bars, p.getInt("n")));
            case "ppo" -> {
                requireEma(name, p);
                yield List.of(new PPOIndicator(close, p.getInt("fast"), p.getInt("slow")));
            }
            case "apo" -> {
                requireEma(name, p); // fast EMA - slow EMA is ta4j's MACD line
                yield List.of(new MACDIndicator(close, p.getInt("fast"), p.getInt("slow")));
            }
            case "trange" -> List.of(new TRIndicator(bars));
            case "atr" -> List.of(new ATRIndicator(bars, p.getInt("n")));
            case "natr" -> List.of(NumericIndicator.of(new ATRIndicator(bars, p.getInt("n"))).dividedBy(close)
                    .multipliedBy(100));
            case "stddev" -> List.of(new StandardDeviationIndicator(close, p.getInt("n")));
            case "var" -> List.of(new VarianceIndicator(close, p.getInt("n")));
            case "bbands" -> {
                int n = p.getInt("n");
                Num k = bars.numFactory().numOf(p.getDouble("k"));
                BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, n));
                StandardDeviationIndicator sd = new StandardDeviationIndicator(close, n);
                yield List.of(new BollingerBandsUpperIndicator(middle, sd, k), middle,
                        new BollingerBandsLowerIndicator(middle, sd, k));
            }
            case "keltner" -> {
                int n = p.getInt("n");
                KeltnerChannelMiddleIndicator middle = new KeltnerChannelMiddleIndicator(bars, n);
                ATRIndicator atr = new ATRIndicator(bars, n);
                yield List.of(new KeltnerChannelUpperIndicator(middle, atr, p.getDouble("k")), middle,
                        new KeltnerChannelLowerIndicator(middle, atr, p.getDouble("k")));
            }
            case "donchian" -> List.of(new DonchianChannelUpperIndicator(bars, p.getInt("n")),
                    new DonchianChannelMiddleIndicator(bars, p.getInt("n")),
                    new DonchianChannelLowerIndicator(bars, p.getInt("n")));
            case "sar" -> List.of(new ParabolicSarIndicator(bars, bars.numFactory().numOf(p.getDouble("acceleration")),
                    bars.numFactory().numOf(p.getDouble("maximum"))));
            case "obv" -> List.of(new OnBalanceVolumeIndicator(bars));
            case "ad" -> List.of(new AccumulationDistributionIndicator(bars));
            case "adosc" -> List.of(new ChaikinOscillatorIndicator(bars, p.getInt("fast"), p.getInt("slow")));
            case "cmf" -> List.of(new ChaikinMoneyFlowIndicator(bars, p.getInt("n")));
            case "vwap" -> List.of(new VWAPIndicator(bars, p.getInt("n")));
            case "zscore" -> {
                if (p.getInt("ddof") != 0) {
                    throw new UnsupportedOperationException("ta4j's SigmaIndicator uses the population sd: zscore "
                            + "only with ddof=0");
                }
                yield List.of(new SigmaIndicator(close, p.getInt("n")));
            }
            case "min" -> List.of(new LowestValueIndicator(close, p.getInt("n")));
            case "max" -> List.of(new HighestValueIndicator(close, p.getInt("n")));
            case "corr" -> List.of(new PearsonCorrelationIndicator(close, new ClosePriceIndicator(benchmark),
                    p.getInt("n")));
            case "linearreg_slope" -> List.of(new SimpleLinearRegressionIndicator(close, p.getInt("n"),
                    SimpleLinearRegressionIndicator.SimpleLinearRegressionType.SLOPE));
            default -> throw new UnsupportedOperationException("ta4j 0.22.2 has no equivalent of '" + name + "'");
        };
    }

    private static void requireEma(String name, Params p) {
        if (!p.getChoice("ma").equals("ema")) {
            throw new UnsupportedOperationException("ta4j's " + (name.equals("ppo") ? "PPOIndicator" : "MACDIndicator")
                    + " averages with EMAs only: run " + name + " with ma=ema, not ma=" + p.getChoice("ma"));
        }
    }
}
