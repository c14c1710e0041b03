package dev.quiver.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.backtest.Trade;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import org.junit.jupiter.api.Test;

/** Spec text, parameters and the rules of the built-in strategies. */
class StrategiesTest {
    static final Panel SPX = TestBars.csv("SPX", "sp500_2000_2020.csv");

    @Test
    void specsParseByPositionOrName() {
        assertThat(Strategies.parse("sma_cross(10,50)").label()).isEqualTo("sma_cross(10,50)");
        assertThat(Strategies.parse(" SMA_CROSS( fast = 5 , slow=20 ) ").label()).isEqualTo("sma_cross(5,20)");
        assertThat(Strategies.parse("sma_cross").label()).isEqualTo("sma_cross(10,50)");
        assertThat(Strategies.parse("rsi_reversion(14,25,75)").label()).isEqualTo("rsi_reversion(14,25,75)");
        assertThat(Strategies.parse("rsi_reversion(7, high=80)").params().getDouble("high")).isEqualTo(80);
        assertThat(Strategies.parse("breakout(20)").label()).isEqualTo("breakout(20)");
        assertThat(Strategies.names()).containsExactly("breakout", "rsi_reversion", "sma_cross");
    }

    @Test
    void badSpecsAreClearErrors() {
        assertThatThrownBy(() -> Strategies.parse("sma_crosss(1,2)")).hasMessageContaining("unknown strategy")
                .hasMessageContaining("breakout, rsi_reversion, sma_cross");
        assertThatThrownBy(() -> Strategies.parse("sma_cross(50,10)")).hasMessageContaining("fast < slow");
        assertThatThrownBy(() -> Strategies.parse("sma_cross(10,50")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> Strategies.parse("sma_cross(x,50)")).hasMessageContaining("'x' is not");
        assertThatThrownBy(() -> Strategies.parse("breakout(n=3,q=1)")).hasMessageContaining("unknown parameter 'q'");
        assertThatThrownBy(() -> Strategies.parse("rsi_reversion(14,80,20)")).hasMessageContaining("low < high");
    }

    @Test
    void smaCrossTradesOnCrossesOnly() {
        BacktestResult r = run(Strategies.parse("sma_cross(10,50)", () -> PositionSizer.fixed(1)));
        assertThat(r.trades()).hasSizeGreaterThan(30);
        for (Trade t : r.trades()) {
            assertThat(t.quantity()).isEqualTo(1);
            assertThat(t.exitTime()).isGreaterThan(t.entryTime());
        }
    }

    @Test
    void breakoutEntersAboveThePriorHighAndExitsBelowThePriorLow() {
        // closes 10, 11, ..., 19 then 18, 17, ...; highs = closes + 0.5, lows = closes - 0.5
        double[][] bars = new double[20][];
        for (int i = 0; i < 20; i++) {
            double c = i < 10 ? 10 + i : 28 - i;
            bars[i] = new double[] {c, c + 0.5, c - 0.5, c, 100};
        }
        BacktestResult r = EventBacktester.create().run(new Breakout(3, PositionSizer.fixed(1)),
                TestBars.one("X", bars), BacktestConfig.defaults().withFill(dev.quiver.api.backtest.FillTiming.CLOSE));
        // bar 3 (close 13) is the first above the prior 3 highs (max 12.5); bar 11 (close 17) is the first below
        // the prior 3 lows (bars 8, 9, 10: 17.5, 18.5, 17.5)
        assertThat(r.trades()).hasSize(1);
        assertThat(r.trades().get(0).entryTime()).isEqualTo(TestBars.day(3));
        assertThat(r.trades().get(0).entryPrice()).isEqualTo(13);
        assertThat(r.trades().get(0).exitTime()).isEqualTo(TestBars.day(11));
        assertThat(r.trades().get(0).exitPrice()).isEqualTo(17);
    }

    @Test
    void rsiReversionBuysOversoldAndSellsOverbought() {
        BacktestResult r = run(Strategies.parse("rsi_reversion(14,30,70)", () -> PositionSizer.fixed(1)));
        assertThat(r.trades()).hasSizeGreaterThan(5);
    }

    @Test
    void rollingExtremesMatchABruteForceScan() {
        java.util.Random random = new java.util.Random(7);
        for (int n : new int[] {1, 2, 5, 17}) {
            RollingExtreme max = new RollingExtreme(n, true);
            RollingExtreme min = new RollingExtreme(n, false);
            double[] xs = new double[300];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = random.nextInt(20);
                max.push(xs[i]);
                min.push(xs[i]);
                if (i + 1 >= n) {
                    double hi = Double.NEGATIVE_INFINITY;
                    double lo = Double.POSITIVE_INFINITY;
                    for (int j = i - n + 1; j <= i; j++) {
                        hi = Math.max(hi, xs[j]);
                        lo = Math.min(lo, xs[j]);
                    }
                    assertThat(max.value()).as("max n=%d i=%d", n, i).isEqualTo(hi);
                    assertThat(min.value()).as("min n=%d i=%d", n, i).isEqualTo(lo);
                }
            }
        }
    }

    private static BacktestResult run(StrategyRun run) {
        return EventBacktester.create().run(run.strategy().get(), SPX, BacktestConfig.defaults());
    }
}
