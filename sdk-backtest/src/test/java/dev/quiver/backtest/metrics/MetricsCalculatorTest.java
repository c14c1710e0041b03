package dev.quiver.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.EquityCurve;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.Metrics;
import dev.quiver.api.backtest.Trade;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {
    private static final double EPS = 1e-12;
    /** 100 cash and 4 bars a year, so that the 4-bar example below is exactly one year. */
    private static final BacktestConfig QUARTERLY = BacktestConfig.builder().initialCash(100)
            .fill(FillTiming.NEXT_OPEN).periodsPerYear(4).parallelism(1).build();
    private static final BacktestConfig DAILY = BacktestConfig.builder().initialCash(100)
            .fill(FillTiming.NEXT_OPEN).periodsPerYear(252).parallelism(1).build();

    /**
     * Equity 110, 99, 99, 121 from 100: returns 0.1, -0.1, 0, 2/9; a 10 % drawdown from the peak of 110 at bar 1,
     * recovered at bar 4; four trades with profits 15, -5, 10, 0; 3 bars in the market; 400 traded.
     */
    @Test
    void everyFieldOfAHandComputedExample() {
        EquityCurve equity = curve(110, 99, 99, 121);
        List<Trade> trades = List.of(trade(15), trade(-5), trade(10), trade(0));

        Metrics m = MetricsCalculator.calculate(equity, trades, 3, 400, QUARTERLY);

        double mean = 1.0 / 18;
        double sampleSd = Math.sqrt(38.5) / 45;
        assertThat(m.totalReturn()).isCloseTo(0.21, within(EPS));
        assertThat(m.annualReturn()).isCloseTo(0.21, within(EPS)); // 4 bars at 4 bars a year: one year
        assertThat(m.volatility()).isCloseTo(sampleSd * 2, within(EPS));
        assertThat(m.sharpe()).isCloseTo(mean * 4 / (sampleSd * 2), within(EPS));
        assertThat(m.sharpe()).isCloseTo(5 / Math.sqrt(38.5), within(EPS));
        // downside deviation sqrt(0.1^2 / 4) = 0.05 per bar, 0.1 a year
        assertThat(m.sortino()).isCloseTo(mean * 4 / 0.1, within(EPS));
        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(m.maxDrawdownBars()).isEqualTo(3); // peak at bar 1, recovered at bar 4
        assertThat(m.calmar()).isCloseTo(0.21 / 0.1, within(EPS));
        assertThat(m.winRate()).isEqualTo(0.5); // the break-even trade is not a win
        assertThat(m.profitFactor()).isCloseTo(25.0 / 5, within(EPS));
        assertThat(m.expectancy()).isCloseTo(20.0 / 4, within(EPS));
        assertThat(m.exposure()).isEqualTo(0.75);
        assertThat(m.turnover()).isCloseTo(400 / ((110 + 99 + 99 + 121) / 4.0) * 4 / 4, within(EPS));
        assertThat(m.trades()).isEqualTo(4);
    }

    @Test
    void barReturnsStartFromTheInitialCash() {
        assertThat(MetricsCalculator.barReturns(curve(110, 99, 99, 121), 100))
                .containsExactly(new double[] {0.1, -0.1, 0, 2.0 / 9}, within(EPS));
        assertThat(MetricsCalculator.barReturns(curve(), 100)).isEmpty();
        assertThatThrownBy(() -> MetricsCalculator.barReturns(curve(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialCash");
    }

    @Test
    void turnoverIsAnnualised() {
        // 252 bars a year, 2 bars: 100 traded over a mean equity of 100 is 126 times a year
        Metrics m = MetricsCalculator.calculate(curve(100, 100), List.of(), 2, 100, DAILY);
        assertThat(m.turnover()).isCloseTo(126, within(1e-9));
    }

    @Test
    void noTrades() {
        Metrics m = MetricsCalculator.calculate(curve(101, 102, 101.5), List.of(), 0, 0, DAILY);
        assertThat(m.trades()).isZero();
        assertThat(m.winRate()).isNaN();
        assertThat(m.profitFactor()).isNaN();
        assertThat(m.expectancy()).isNaN();
        assertThat(m.exposure()).isZero();
        assertThat(m.turnover()).isZero();
        assertThat(m.totalReturn()).isCloseTo(0.015, within(EPS));
    }

    @Test
    void profitFactorWithoutLossesOrWithoutProfits() {
        EquityCurve equity = curve(100, 101);
        assertThat(MetricsCalculator.calculate(equity, List.of(trade(1), trade(2)), 1, 10, DAILY).profitFactor())
                .isEqualTo(Double.POSITIVE_INFINITY);
        Metrics losers = MetricsCalculator.calculate(equity, List.of(trade(-1), trade(-2)), 1, 10, DAILY);
        assertThat(losers.profitFactor()).isZero();
        assertThat(losers.winRate()).isZero();
        assertThat(losers.expectancy()).isCloseTo(-1.5, within(EPS));
        Metrics flat = MetricsCalculator.calculate(equity, List.of(trade(0), trade(0)), 1, 10, DAILY);
        assertThat(flat.profitFactor()).isNaN();
        assertThat(flat.winRate()).isZero();
        assertThat(flat.expectancy()).isZero();
    }

    /** Flat equity: sd 0, so Sharpe, Sortino and Calmar are undefined (NaN), not infinite. */
    @Test
    void flatEquity() {
        Metrics m = MetricsCalculator.calculate(curve(100, 100, 100), List.of(), 0, 0, DAILY);
        assertThat(m.totalReturn()).isZero();
        assertThat(m.annualReturn()).isZero();
        assertThat(m.volatility()).isZero();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.maxDrawdownBars()).isZero();
        assertThat(m.calmar()).isNaN();
        assertThat(m.turnover()).isZero();
    }

    @Test
    void oneBar() {
        Metrics up = MetricsCalculator.calculate(curve(105), List.of(), 1, 100, DAILY);
        assertThat(up.totalReturn()).isCloseTo(0.05, within(EPS));
        assertThat(up.annualReturn()).isCloseTo(Math.pow(1.05, 252) - 1, within(1e-9 * Math.pow(1.05, 252)));
        assertThat(up.volatility()).isNaN(); // a sample sd needs two returns
        assertThat(up.sharpe()).isNaN();
        assertThat(up.sortino()).isNaN(); // no losing bar
        assertThat(up.maxDrawdown()).isZero();
        assertThat(up.calmar()).isNaN();
        assertThat(up.exposure()).isEqualTo(1);
        assertThat(up.turnover()).isCloseTo(100 / 105.0 * 252, within(1e-9));

        Metrics down = MetricsCalculator.calculate(curve(95), List.of(), 0, 0, DAILY);
        assertThat(down.maxDrawdown()).isCloseTo(0.05, within(EPS)); // below the initial cash, the first peak
        assertThat(down.maxDrawdownBars()).isEqualTo(1);
        assertThat(down.sortino()).isCloseTo(-0.05 * 252 / (0.05 * Math.sqrt(252)), within(1e-9));
    }

    @Test
    void emptyCurve() {
        Metrics m = MetricsCalculator.calculate(curve(), List.of(), 0, 0, DAILY);
        assertThat(m.totalReturn()).isZero();
        assertThat(m.annualReturn()).isNaN();
        assertThat(m.volatility()).isNaN();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.maxDrawdownBars()).isZero();
        assertThat(m.exposure()).isNaN();
        assertThat(m.turnover()).isNaN();
    }

    @Test
    void drawdownsComeFromTheEquityLevels() {
        // back at exactly the old peak: recovered, whatever rounding 0.9 * (1 + 1/9) carries
        Metrics recovered = MetricsCalculator.calculate(curve(100, 90, 100, 100), List.of(), 0, 0, DAILY);
        assertThat(recovered.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(recovered.maxDrawdownBars()).isEqualTo(2); // peak at bar 1, back at bar 3
        Metrics open = MetricsCalculator.calculate(curve(120, 90, 80), List.of(), 0, 0, DAILY);
        assertThat(open.maxDrawdown()).isCloseTo(1 - 80 / 120.0, within(EPS));
        assertThat(open.maxDrawdownBars()).isEqualTo(2); // peak at bar 1, still below at bar 3
    }

    @Test
    void aWipedOutAccount() {
        Metrics m = MetricsCalculator.calculate(curve(50, 0), List.of(trade(-100)), 2, 200, DAILY);
        assertThat(m.totalReturn()).isEqualTo(-1);
        assertThat(m.annualReturn()).isEqualTo(-1);
        assertThat(m.maxDrawdown()).isEqualTo(1);
    }

    @Test
    void tradeOrderDoesNotMatter() {
        List<Trade> trades = new ArrayList<>(List.of(trade(3), trade(-1), trade(2)));
        Metrics a = MetricsCalculator.calculate(curve(101, 103), trades, 2, 50, DAILY);
        Metrics b = MetricsCalculator.calculate(curve(101, 103), trades.reversed(), 2, 50, DAILY);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void rejectsInconsistentInputs() {
        EquityCurve equity = curve(100, 101);
        assertThatThrownBy(() -> MetricsCalculator.calculate(equity, List.of(), 3, 0, DAILY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("barsInMarket")
                .hasMessageContaining("3");
        assertThatThrownBy(() -> MetricsCalculator.calculate(equity, List.of(), -1, 0, DAILY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricsCalculator.calculate(equity, List.of(), 0, -5, DAILY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tradedValue");
        assertThatThrownBy(() -> MetricsCalculator.calculate(curve(100, Double.NaN), List.of(), 0, 0, DAILY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 1");
        assertThatThrownBy(() -> MetricsCalculator.calculate(equity, List.of(trade(Double.NaN)), 0, 0, DAILY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trade 0");
        assertThatThrownBy(() -> MetricsCalculator.calculate(null, List.of(), 0, 0, DAILY))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("equity");
    }

    private static EquityCurve curve(double... equity) {
        long[] times = new long[equity.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 86_400_000L;
        }
        return new EquityCurve(times, equity);
    }

    private static Trade trade(double profit) {
        return new Trade("X", 0, 1, 10, 10 + profit, 1, profit, profit / 10, 0);
    }
}
