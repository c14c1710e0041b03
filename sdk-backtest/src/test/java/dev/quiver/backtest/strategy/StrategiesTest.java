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
        assertThat(Strategies.names()).containsExactly("breakout", "rsi_reversion", "sma_cross", "xs_momentum");
        assertThat(Strategies.parse("sma_cross(10,50,true)").label()).isEqualTo("sma_cross(10,50,allow_short=true)");
        assertThat(Strategies.parse("sma_cross(10,50,allow_short=true)").params().getBoolean("allow_short"))
                .isTrue();
        assertThat(Strategies.parse("xs_momentum").label()).isEqualTo("xs_momentum(126,21,0.2,0.2,21,1)");
        assertThat(Strategies.parse("breakout(20, allow_short=false)").label()).isEqualTo("breakout(20)");
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
        assertThatThrownBy(() -> Strategies.parse("xs_momentum(top=0.6,bottom=0.6)"))
                .hasMessageContaining("0 < top + bottom <= 1");
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

    @Test
    void smaCrossGoesShortWithAllowShortOnTheCrossDates() {
        // closes 10 9 8 9 10 11 10 9 8 9 10; sma(2) against sma(3): below from bar 2, up-cross at bar 4 (9.5 > 9),
        // down-cross at bar 7 (9.5 < 10), up-cross at bar 10 (9.5 > 9)
        double[] closes = {10, 9, 8, 9, 10, 11, 10, 9, 8, 9, 10};
        double[][] bars = new double[closes.length][];
        for (int i = 0; i < closes.length; i++) {
            bars[i] = new double[] {closes[i], closes[i], closes[i], closes[i], 100};
        }
        BacktestConfig atClose = BacktestConfig.defaults().withFill(dev.quiver.api.backtest.FillTiming.CLOSE);
        BacktestResult longShort = EventBacktester.create().run(Strategies.parse("sma_cross(2,3,allow_short=true)",
                () -> PositionSizer.fixed(1)).strategy().get(), TestBars.one("X", bars), atClose);
        assertThat(longShort.trades()).containsExactly(
                new Trade("X", TestBars.day(4), TestBars.day(7), 10, 9, 1, -1, -0.1, 0),
                new Trade("X", TestBars.day(7), TestBars.day(10), 9, 10, -1, -1, -1.0 / 9, 0));
        assertThat(longShort.equity().values()).containsExactly(100_000, 100_000, 100_000, 100_000, 100_000,
                100_001, 100_000, 99_999, 100_000, 99_999, 99_998);

        BacktestResult longOnly = EventBacktester.create().run(Strategies.parse("sma_cross(2,3)",
                () -> PositionSizer.fixed(1)).strategy().get(), TestBars.one("X", bars), atClose);
        assertThat(longOnly.trades()).containsExactly(
                new Trade("X", TestBars.day(4), TestBars.day(7), 10, 9, 1, -1, -0.1, 0));

        // next-open fills: the same decisions fill at the next bar's open
        BacktestResult nextOpen = EventBacktester.create().run(Strategies.parse("sma_cross(2,3,allow_short=true)",
                () -> PositionSizer.fixed(1)).strategy().get(), TestBars.one("X", bars), BacktestConfig.defaults());
        assertThat(nextOpen.trades()).extracting(Trade::entryTime, Trade::exitTime, Trade::entryPrice,
                Trade::exitPrice, Trade::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TestBars.day(5), TestBars.day(8), 11.0, 8.0, 1.0));
    }

    private static BacktestResult run(StrategyRun run) {
        return EventBacktester.create().run(run.strategy().get(), SPX, BacktestConfig.defaults());
    }
}
