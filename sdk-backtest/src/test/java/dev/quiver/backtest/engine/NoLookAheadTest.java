package dev.quiver.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.strategy.SmaCross;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No look-ahead: changing every bar after bar {@code k} changes nothing the run did up to bar {@code k}, and a
 * strategy only ever sees bars in time order.
 */
class NoLookAheadTest {

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void theFutureDoesNotChangeThePast(FillTiming fill) {
        double[][] rows = TestBars.csvRows("sp500_2000_2020.csv");
        long[] times = TestBars.csvTimes("sp500_2000_2020.csv");
        int k = 3000;
        double[][] altered = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            altered[i] = i <= k ? rows[i] : new double[] {rows[i][0] * 3, rows[i][1] * 3, rows[i][2] * 3,
                    rows[i][3] * 3, rows[i][4]};
            if (i > k && i % 2 == 0) {
                altered[i] = new double[] {rows[i][0] / 2, rows[i][1] / 2, rows[i][2] / 2, rows[i][3] / 2, 1};
            }
        }
        BacktestConfig config = BacktestConfig.defaults().withFill(fill).withCosts(2, 1);
        BacktestResult real = run(TestBars.panel(Map.of("SPX", rows), Map.of("SPX", times)), config);
        BacktestResult fake = run(TestBars.panel(Map.of("SPX", altered), Map.of("SPX", times)), config);

        assertThat(Arrays.copyOf(fake.equity().values(), k + 1))
                .containsExactly(Arrays.copyOf(real.equity().values(), k + 1));
        long cutoff = times[k];
        assertThat(fake.trades().stream().filter(t -> t.exitTime() <= cutoff).toList())
                .isEqualTo(real.trades().stream().filter(t -> t.exitTime() <= cutoff).toList())
                .hasSizeGreaterThan(20);
        assertThat(fake.trades()).isNotEqualTo(real.trades());
    }

    private static BacktestResult run(Panel panel, BacktestConfig config) {
        Strategy inOrder = new Strategy() {
            private final SmaCross cross = new SmaCross(10, 30, PositionSizer.percentOfEquity(1));
            private long last = Long.MIN_VALUE;

            @Override
            public void onBar(Bar bar, StrategyContext context) {
                assertThat(bar.time()).as("bars arrive in time order").isGreaterThan(last);
                last = bar.time();
                cross.onBar(bar, context);
            }
        };
        return EventBacktester.create().run(inOrder, panel, config);
    }
}
