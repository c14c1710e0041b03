package dev.quiver.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.Trade;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The SMA crossover on the real S&amp;P 500 series (2000-2020) trades exactly as ta4j 0.22.2 does: same entry and
 * exit bars, same prices, with ta4j's trade-on-current-close model against {@link FillTiming#CLOSE} and its
 * trade-on-next-open model against {@link FillTiming#NEXT_OPEN}. ta4j runs both with its default decimal numbers and
 * with doubles; one unit per trade, no costs.
 */
class Ta4jCrossCheckReferenceTest {
    static final String FILE = "sp500_2000_2020.csv";
    static final Panel SPX = TestBars.csv("SPX", FILE);

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] p : new int[][] {{10, 50}, {5, 20}, {20, 100}, {50, 200}, {3, 7}}) {
            for (FillTiming fill : FillTiming.values()) {
                for (String nums : new String[] {"decimal", "double"}) {
                    cases.add(Arguments.of(p[0], p[1], fill, nums));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "sma_cross({0},{1}) {2} ta4j {3}")
    @MethodSource("cases")
    void smaCrossoverTradesAsTa4j(int fast, int slow, FillTiming fill, String nums) {
        BarSeries series = series(nums.equals("double") ? DoubleNumFactory.getInstance()
                : DecimalNumFactory.getInstance());
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator f = new SMAIndicator(close, fast);
        SMAIndicator s = new SMAIndicator(close, slow);
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s));
        BarSeriesManager manager = new BarSeriesManager(series, fill == FillTiming.CLOSE
                ? new TradeOnCurrentCloseModel() : new TradeOnNextOpenModel());
        TradingRecord record = manager.run(strategy);

        BacktestResult ours = EventBacktester.create().run(new SmaCross(fast, slow, PositionSizer.fixed(1)), SPX,
                BacktestConfig.defaults().withFill(fill));

        long[] times = TestBars.csvTimes(FILE);
        List<String> expected = new ArrayList<>();
        for (Position p : record.getPositions()) {
            expected.add(describe(times[p.getEntry().getIndex()], times[p.getExit().getIndex()],
                    p.getEntry().getPricePerAsset().doubleValue(), p.getExit().getPricePerAsset().doubleValue()));
        }
        List<String> actual = new ArrayList<>();
        for (Trade t : ours.trades()) {
            actual.add(describe(t.entryTime(), t.exitTime(), t.entryPrice(), t.exitPrice()));
        }
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(actual).isEqualTo(expected);
    }

    private static String describe(long entry, long exit, double entryPrice, double exitPrice) {
        return dev.quiver.api.table.Timestamps.format(entry) + " @" + entryPrice + " -> "
                + dev.quiver.api.table.Timestamps.format(exit) + " @" + exitPrice;
    }

    private static BarSeries series(NumFactory nums) {
        BarSeries series = new BaseBarSeriesBuilder().withName("SPX").withNumFactory(nums).build();
        double[][] rows = TestBars.csvRows(FILE);
        long[] times = TestBars.csvTimes(FILE);
        for (int i = 0; i < rows.length; i++) {
            series.barBuilder().timePeriod(Duration.ofDays(1))
                    .endTime(Instant.ofEpochMilli(times[i]).plus(Duration.ofDays(1)))
                    .openPrice(rows[i][0]).highPrice(rows[i][1]).lowPrice(rows[i][2]).closePrice(rows[i][3])
                    .volume(rows[i][4]).add();
        }
        return series;
    }
}
