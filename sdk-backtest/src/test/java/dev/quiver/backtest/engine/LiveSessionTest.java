package dev.quiver.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.OrderRequest;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.strategy.SmaCross;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same strategy code driven by pushed bars gives exactly the historical run's trades and equity. */
class LiveSessionTest {
    static final Panel PANEL = TestBars.csvPanel(Map.of("SPX", "sp500_2000_2020.csv", "AAPL",
            "aapl_2013_2018.csv"));

    /** A busy strategy: SMA crossover plus stops, limits and trailing stops on every symbol, long and short. */
    static Strategy busy() {
        return new Strategy() {
            private final SmaCross cross = new SmaCross(5, 20, PositionSizer.percentOfEquity(0.4));
            private int bars;

            @Override
            public void onBar(Bar bar, StrategyContext context) {
                cross.onBar(bar, context);
                bars++;
                if (bars % 37 == 0) {
                    context.submit(OrderRequest.trailingStop(bar.symbol(), -3, bar.close() * 0.02));
                }
                if (bars % 53 == 0) {
                    long id = context.submit(OrderRequest.limit(bar.symbol(), -5, bar.close() * 1.01));
                    if (bars % 106 == 0) {
                        context.replace(id, OrderRequest.stopLimit(bar.symbol(), 5, bar.close() * 1.01,
                                bar.close() * 1.02));
                    }
                }
            }
        };
    }

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void pushedBarsGiveTheHistoricalRunsResult(FillTiming fill) {
        BacktestConfig config = BacktestConfig.defaults().withFill(fill).withCosts(5, 3).withParallelism(1);
        BacktestResult historical = EventBacktester.create().run(busy(), PANEL, config);

        LiveSession session = LiveSession.builder(busy()).config(config).symbols(List.of("AAPL", "SPX")).build();
        push(session, PANEL);
        BacktestResult live = session.finish();

        assertThat(historical.trades()).hasSizeGreaterThan(20);
        assertThat(live.trades()).isEqualTo(historical.trades());
        assertThat(live.equity()).isEqualTo(historical.equity());
        assertThat(live.metrics()).isEqualTo(historical.metrics());
        assertThat(session.finish()).as("finish is idempotent").isSameAs(live);
    }

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void theTimestampHookBorrowCostAndMarginRunLiveAsInHistory(FillTiming fill) {
        // long the stronger, short the weaker of the two every 10 bars, with borrow cost: the end-of-timestamp path
        BacktestConfig config = BacktestConfig.defaults().withFill(fill).withCosts(5, 3).withParallelism(1)
                .toBuilder().borrowRate(0.03).build();
        Supplier<Strategy> xs = () -> new dev.quiver.backtest.strategy.XsMomentum(20, 2, 0.5, 0.5, 10, 1.5);
        BacktestResult historical = EventBacktester.create().run(xs.get(), PANEL, config);

        LiveSession session = LiveSession.builder(xs.get()).config(config).symbols(List.of("AAPL", "SPX")).build();
        push(session, PANEL);
        BacktestResult live = session.finish();

        assertThat(historical.trades()).filteredOn(t -> t.quantity() < 0).hasSizeGreaterThan(10);
        assertThat(historical.metrics().borrowCost()).isPositive();
        assertThat(live.trades()).isEqualTo(historical.trades());
        assertThat(live.equity()).isEqualTo(historical.equity());
        assertThat(live.metrics()).isEqualTo(historical.metrics());
    }

    @Test
    void symbolsMayBeMetAsTheyComeAndTheAccountIsReadable() {
        Supplier<Strategy> strategy = () -> new SmaCross(3, 8, PositionSizer.fixed(10));
        Panel one = TestBars.csv("SPX", "sp500_2000_2020.csv");
        BacktestResult historical = EventBacktester.create().run(strategy.get(), one, BacktestConfig.defaults());

        LiveSession session = LiveSession.builder(strategy.get()).build();
        push(session, one);
        assertThat(session.position("SPX")).isIn(0.0, 10.0);
        assertThat(session.cash() + session.position("SPX") * 2874.560059).isEqualTo(session.equity());
        assertThat(session.equity()).isEqualTo(historical.equity().equity(historical.equity().size() - 1));
        assertThat(session.finish().trades()).isEqualTo(historical.trades());
    }

    @Test
    void barsOutOfOrderAreRejected() {
        LiveSession session = LiveSession.builder(TestBars.scripted((b, c, i) -> { })).build();
        session.onBar("A", TestBars.day(1), 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> session.onBar("A", TestBars.day(0), 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("older than the latest bar");
        assertThatThrownBy(() -> session.onBar("A", TestBars.day(1), 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a second bar for A");
        session.onBar("B", TestBars.day(1), 1, 1, 1, 1, 1);
        assertThat(session.finish().equity().size()).isEqualTo(1);
        assertThatThrownBy(() -> session.onBar("A", TestBars.day(2), 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Pushes a panel's bars in the backtester's order: by time, then symbol. */
    static void push(LiveSession session, Panel panel) {
        Table t = panel.table();
        Float64Column o = t.float64("open");
        Float64Column h = t.float64("high");
        Float64Column l = t.float64("low");
        Float64Column c = t.float64("close");
        Float64Column v = t.float64("volume");
        for (int d = 0; d < panel.dateCount(); d++) {
            for (int k = panel.dateRowStart(d); k < panel.dateRowEnd(d); k++) {
                int row = panel.dateRow(k);
                session.onBar(panel.symbol(panel.symbolOfRow(row)), panel.date(d), o.get(row), h.get(row),
                        l.get(row), c.get(row), v.get(row));
            }
        }
    }
}
