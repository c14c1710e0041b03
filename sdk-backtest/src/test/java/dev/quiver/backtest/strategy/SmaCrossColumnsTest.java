package dev.quiver.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.internal.BatchColumns;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SmaCross} in a historical run reads its averages as batch columns over the panel; with the columns hidden
 * (its {@code onStart} sees a context that is not a {@link BatchColumns}) it steps the incremental states, as in a
 * live session. Both must trade the same, bit for bit: on two real series with different calendars, long only and
 * long-short, with missing closes that restart the averages, on one thread and per symbol on two.
 */
class SmaCrossColumnsTest {
    static final Panel REAL = TestBars.csvPanel(Map.of("SPX", "sp500_2000_2020.csv", "AAPL",
            "aapl_2013_2018.csv"));

    /** A strategy whose {@code onStart} sees only the {@link StrategyContext} interface: no batch columns. */
    static Strategy incremental(Strategy inner) {
        return new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                StrategyContext plain = (StrategyContext) Proxy.newProxyInstance(
                        StrategyContext.class.getClassLoader(), new Class<?>[] {StrategyContext.class},
                        (proxy, method, args) -> {
                            try {
                                return method.invoke(context, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                assertThat(plain).isNotInstanceOf(BatchColumns.class);
                inner.onStart(plain);
            }

            @Override
            public void onBar(Bar bar, StrategyContext context) {
                inner.onBar(bar, context);
            }

            @Override
            public void onFinish(StrategyContext context) {
                inner.onFinish(context);
            }
        };
    }

    /** The real panel with missing closes at a few rows (the averages restart after each). */
    static Panel withGaps() {
        double[][] spx = TestBars.csvRows("sp500_2000_2020.csv");
        double[][] aapl = TestBars.csvRows("aapl_2013_2018.csv");
        for (int i : new int[] {30, 31, 400, 1000, 2500}) {
            spx[i][3] = Double.NaN;
        }
        aapl[700][3] = Double.NaN;
        return TestBars.panel(Map.of("SPX", spx, "AAPL", aapl), Map.of("SPX",
                TestBars.csvTimes("sp500_2000_2020.csv"), "AAPL", TestBars.csvTimes("aapl_2013_2018.csv")));
    }

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void batchColumnsTradeAsTheIncrementalStates(FillTiming fill) {
        BacktestConfig config = BacktestConfig.defaults().withFill(fill).withCosts(5, 3).withParallelism(1);
        for (Panel panel : List.of(REAL, withGaps())) {
            for (boolean allowShort : new boolean[] {false, true}) {
                BacktestResult columns = EventBacktester.create().run(
                        new SmaCross(5, 20, PositionSizer.percentOfEquity(0.5), allowShort), panel, config);
                BacktestResult states = EventBacktester.create().run(
                        incremental(new SmaCross(5, 20, PositionSizer.percentOfEquity(0.5), allowShort)), panel,
                        config);
                assertThat(columns.trades()).hasSizeGreaterThan(50);
                assertThat(columns.trades()).isEqualTo(states.trades());
                assertThat(columns.equity()).isEqualTo(states.equity());
                assertThat(columns.metrics()).isEqualTo(states.metrics());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void perSymbolRunsShareTheColumnsAndTradeAsTheIncrementalStates(FillTiming fill) {
        BacktestConfig config = BacktestConfig.defaults().withFill(fill).withParallelism(2);
        Panel panel = withGaps();
        StrategyRun columns = new StrategyRun("sma_cross(3,12)", Params.none(),
                () -> new SmaCross(3, 12, PositionSizer.fixed(1)));
        StrategyRun states = new StrategyRun("sma_cross(3,12)", Params.none(),
                () -> incremental(new SmaCross(3, 12, PositionSizer.fixed(1))));
        List<RunOutcome> a = EventBacktester.create().sweepSymbols(columns, panel, config, ProgressListener.NONE);
        List<RunOutcome> b = EventBacktester.create().sweepSymbols(states, panel, config, ProgressListener.NONE);
        assertThat(a).hasSize(2).allMatch(o -> o instanceof RunOutcome.Completed);
        assertThat(b).hasSize(2).allMatch(o -> o instanceof RunOutcome.Completed);
        for (int s = 0; s < 2; s++) {
            BacktestResult x = ((RunOutcome.Completed) a.get(s)).result();
            assertThat(x.trades()).hasSizeGreaterThan(20);
            assertThat(x).isEqualTo(((RunOutcome.Completed) b.get(s)).result());
        }
    }
}
