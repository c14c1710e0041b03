package dev.quiver.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.OrderRequest;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.LiveSession;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.features.FeaturePlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strategies reading a feature plan's columns by the bar's row trade as the incremental built-ins do. */
class FeatureColumnsTest {
    static final Panel PANEL = TestBars.csvPanel(Map.of("SPX", "sp500_2000_2020.csv", "AAPL",
            "aapl_2013_2018.csv"));

    /** The sma_cross rule on a plan's sma(10) and sma(50) columns. */
    static Strategy planCross(FeatureColumns f) {
        int fast = f.column(f.names().get(0));
        int slow = f.column(f.names().get(1));
        return new Strategy() {
            private final int[] side = new int[2];

            @Override
            public void onBar(Bar bar, StrategyContext context) {
                double a = f.value(fast, bar);
                double b = f.value(slow, bar);
                int s = bar.symbolIndex();
                if (a != a || b != b) {
                    side[s] = 0;
                    return;
                }
                int previous = side[s];
                double position = context.position(bar.symbol());
                if (a > b) {
                    side[s] = 1;
                    if (previous < 0 && position == 0) {
                        context.submit(OrderRequest.market(bar.symbol(), 1));
                    }
                } else if (a < b) {
                    side[s] = -1;
                    if (previous > 0 && position > 0) {
                        context.submit(OrderRequest.market(bar.symbol(), -position));
                    }
                }
            }
        };
    }

    @Test
    void aStrategyOnPlanColumnsTradesAsTheIncrementalSmaCross() {
        FeaturePlan plan = Indicators.engine().plan("sma(close, 10)", "sma(close, 50)");
        FeatureColumns f = FeatureColumns.compute(plan, PANEL);
        assertThat(f.names()).hasSize(2);
        BacktestConfig config = BacktestConfig.defaults().withParallelism(1);

        BacktestResult fromPlan = EventBacktester.create().run(planCross(f), PANEL, config);
        BacktestResult incremental = EventBacktester.create().run(new SmaCross(10, 50, PositionSizer.fixed(1)),
                PANEL, config);

        assertThat(fromPlan.trades()).hasSizeGreaterThan(40).isEqualTo(incremental.trades());
        assertThat(fromPlan.equity()).isEqualTo(incremental.equity());
        // the per-symbol runs read the same rows
        assertThat(EventBacktester.create().sweepSymbols(new dev.quiver.api.backtest.StrategyRun("plan",
                dev.quiver.api.param.Params.none(), () -> planCross(f)), PANEL, config, null))
                .allMatch(o -> o instanceof dev.quiver.api.backtest.RunOutcome.Completed);
        assertThatThrownBy(() -> f.column("rsi")).hasMessageContaining("no feature column 'rsi'");

        LiveSession live = LiveSession.builder(planCross(f)).build();
        assertThatThrownBy(() -> live.onBar("SPX", 0, 1, 1, 1, 1, 1)).hasMessageContaining("has row -1");
    }
}
