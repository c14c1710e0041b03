package dev.quiver.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.analysis.CumulativePnL;
import org.ta4j.core.analysis.EquityCurveMode;
import org.ta4j.core.analysis.OpenPositionHandling;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.criteria.NumberOfPositionsCriterion;
import org.ta4j.core.criteria.PositionsRatioCriterion;
import org.ta4j.core.criteria.commissions.TotalFeesCriterion;
import org.ta4j.core.criteria.pnl.NetProfitLossCriterion;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The SMA crossover on the real S&amp;P 500 series (2000-2020) trades exactly as ta4j 0.22.2 does: same entry and
 * exit bars, same prices, with ta4j's trade-on-current-close model against {@link FillTiming#CLOSE} and its
 * trade-on-next-open model against {@link FillTiming#NEXT_OPEN}. ta4j runs both with its default decimal numbers and
 * with doubles; one unit per trade, no costs. With costs, the equity curve at every bar and the metrics are ta4j's
 * too ({@link #equityCurveAndMetricsWithCostsAsTa4j}).
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

    static List<Arguments> costCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] p : new int[][] {{10, 50}, {20, 100}}) {
            for (FillTiming fill : FillTiming.values()) {
                cases.add(Arguments.of(p[0], p[1], fill));
            }
        }
        return cases;
    }

    /**
     * With a commission of 10 bp of traded value (ta4j's {@code LinearTransactionCostModel(0.001)}), one unit per
     * trade: every trade's net profit and fees, the total net profit, the fees, the win rate and the number of
     * trades, and the equity curve at every bar but entry bars (ta4j's mark-to-market {@code CumulativePnL} plus the
     * initial cash; ta4j leaves an entry bar at the value before it) are ta4j's, in its double numbers, within 1e-9
     * (relative for the curve).
     */
    @ParameterizedTest(name = "sma_cross({0},{1}) {2} with costs")
    @MethodSource("costCases")
    void equityCurveAndMetricsWithCostsAsTa4j(int fast, int slow, FillTiming fill) {
        double units = 1;   // ta4j's CumulativePnL is per unit
        BarSeries series = series(DoubleNumFactory.getInstance());
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator f = new SMAIndicator(close, fast);
        SMAIndicator s = new SMAIndicator(close, slow);
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s));
        BarSeriesManager manager = new BarSeriesManager(series, new LinearTransactionCostModel(0.001),
                new ZeroCostModel(), fill == FillTiming.CLOSE ? new TradeOnCurrentCloseModel()
                : new TradeOnNextOpenModel());
        TradingRecord record = manager.run(strategy, TradeType.BUY, series.numFactory().numOf(units));

        BacktestConfig config = BacktestConfig.defaults().withFill(fill).withCosts(10, 0).withParallelism(1);
        BacktestResult ours = EventBacktester.create().run(new SmaCross(fast, slow, PositionSizer.fixed(units)), SPX,
                config);

        List<Position> positions = record.getPositions();
        assertThat(ours.trades()).hasSize(positions.size()).hasSizeGreaterThan(5);
        double fees = 0;
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            Trade t = ours.trades().get(i);
            assertThat(t.profit()).as("trade %d", i).isCloseTo(p.getProfit().doubleValue(), within(1e-9));
            assertThat(t.fees()).as("trade %d fees", i).isCloseTo(p.getPositionCost().doubleValue(), within(1e-9));
            fees += t.fees();
        }
        assertThat(fees).isCloseTo(new TotalFeesCriterion().calculate(series, record).doubleValue(), within(1e-8));
        double net = ours.trades().stream().mapToDouble(Trade::profit).sum();
        assertThat(net).isCloseTo(new NetProfitLossCriterion().calculate(series, record).doubleValue(),
                within(1e-8));
        assertThat(ours.metrics().trades()).isEqualTo(
                new NumberOfPositionsCriterion().calculate(series, record).longValue());
        assertThat(ours.metrics().winRate()).isCloseTo(PositionsRatioCriterion.WinningPositionsRatioCriterion()
                .calculate(series, record).doubleValue(), within(1e-12));
        assertThat(ours.metrics().expectancy()).isCloseTo(net / positions.size(), within(1e-9));

        CumulativePnL pnl = new CumulativePnL(series, record, EquityCurveMode.MARK_TO_MARKET,
                OpenPositionHandling.MARK_TO_MARKET);
        // ta4j's curve takes in a position from the bar after its entry (the entry bar keeps the value before it);
        // the engine marks it at the entry bar's close already: entry bars are compared at the next bar on
        java.util.Set<Integer> entryBars = new java.util.HashSet<>();
        for (Position p : positions) {
            entryBars.add(p.getEntry().getIndex());
        }
        int compared = 0;
        for (int i = 0; i < series.getBarCount(); i++) {
            if (entryBars.contains(i)) {
                continue;
            }
            double expected = config.initialCash() + pnl.getValue(i).doubleValue();
            assertThat(ours.equity().equity(i)).as("equity at bar %d", i)
                    .isCloseTo(expected, within(1e-9 * expected));
            compared++;
        }
        assertThat(compared).isGreaterThan(series.getBarCount() - positions.size() - 1);
        double last = ours.equity().equity(ours.equity().size() - 1);
        assertThat(ours.metrics().totalReturn()).isCloseTo(last / config.initialCash() - 1, within(1e-15));
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
