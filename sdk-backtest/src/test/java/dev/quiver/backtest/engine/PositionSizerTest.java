package dev.quiver.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.OrderRequest;
import dev.quiver.backtest.TestBars;
import org.junit.jupiter.api.Test;

/** Position sizing: fixed, a share of equity, a volatility target. */
class PositionSizerTest {

    @Test
    void fixedAndPercentOfEquitySizes() {
        double[] sizes = new double[2];
        EventBacktester.create().run(TestBars.scripted((bar, ctx, i) -> {
            if (i == 0) {
                sizes[0] = PositionSizer.fixed(7).quantity(bar, ctx);
                sizes[1] = PositionSizer.percentOfEquity(0.5).quantity(bar, ctx);
            }
        }), EventBacktesterTest.PANEL, EventBacktesterTest.NEXT_OPEN);
        assertThat(sizes[0]).isEqualTo(7);
        assertThat(sizes[1]).isEqualTo(0.5 * 100_000 / 101);
        assertThatThrownBy(() -> PositionSizer.fixed(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PositionSizer.percentOfEquity(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void volatilityTargetScalesEquityByTargetOverRealisedVolatility() {
        // closes alternate 100, 102, 100, 102, ...: returns +2 %, -1.96 %, ...
        double[][] bars = new double[30][];
        for (int i = 0; i < bars.length; i++) {
            double c = i % 2 == 0 ? 100 : 102;
            bars[i] = new double[] {c, c, c, c, 1000};
        }
        int lookback = 10;
        PositionSizer sizer = PositionSizer.volatilityTarget(0.10, lookback, 252, 2);
        double[] quantities = new double[bars.length];
        BacktestResult r = EventBacktester.create().run(TestBars.scripted((bar, ctx, i) -> {
            sizer.observe(bar);
            quantities[i] = sizer.quantity(bar, ctx);
            if (i == 20) {
                ctx.submit(OrderRequest.market(bar.symbol(), quantities[i]));
            }
        }), TestBars.one("X", bars), BacktestConfig.defaults());

        assertThat(quantities[lookback - 1]).as("only 9 returns: no entry yet").isZero();
        double up = 102.0 / 100 - 1;
        double down = 100.0 / 102 - 1;
        double mean = (up + down) / 2;
        double sd = Math.sqrt(10 * ((up - mean) * (up - mean) + (down - mean) * (down - mean)) / 2 / 9);
        double vol = sd * Math.sqrt(252);
        assertThat(quantities[20]).isCloseTo(100_000 * (0.10 / vol) / 100, within(1e-6));
        assertThat(r.trades()).isEmpty();
    }
}
