package dev.quiver.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.signal.SignalBacktester;
import dev.quiver.backtest.signal.SignalSizing;
import dev.quiver.backtest.signal.Signals;
import dev.quiver.backtest.strategy.Strategies;
import dev.quiver.features.FeatureEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run per symbol of a panel ({@link EventBacktester#sweepSymbols}, {@link SignalBacktester#runSymbols}) equals
 * a run over a panel of that symbol alone, bit for bit, on any number of threads; the two paths agree with each
 * other; summaries keep the same metrics.
 */
class PerSymbolRunsTest {
    static final Map<String, String> FILES = Map.of("SPX", "sp500_2000_2020.csv", "AAPL", "aapl_2013_2018.csv");
    static final Panel PANEL = TestBars.csvPanel(FILES);

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void eachSymbolAloneEqualsItsOwnPanel(FillTiming fill) {
        StrategyRun run = Strategies.parse("sma_cross(10,50)");
        EventBacktester engine = EventBacktester.builder().commission(CommissionModel.bps(2, 1))
                .slippage(SlippageModel.fixedBps(3)).build();
        for (int threads : new int[] {1, 2, 3}) {
            BacktestConfig config = BacktestConfig.defaults().withFill(fill).withParallelism(threads);
            List<RunOutcome> whole = engine.sweepSymbols(run, PANEL, config, ProgressListener.NONE);
            List<RunOutcome> summaries = engine.sweepSymbolSummaries(run, PANEL, config, ProgressListener.NONE);
            assertThat(whole).hasSize(2);
            for (int s = 0; s < PANEL.symbolCount(); s++) {
                String symbol = PANEL.symbol(s);
                BacktestResult alone = engine.run(run.strategy().get(), TestBars.csv(symbol, FILES.get(symbol)),
                        config);
                BacktestResult result = ((RunOutcome.Completed) whole.get(s)).result();
                assertThat(whole.get(s).run().label()).isEqualTo("sma_cross(10,50)@" + symbol);
                assertThat(alone.trades()).hasSizeGreaterThan(5);
                assertThat(result).isEqualTo(alone);
                BacktestResult summary = ((RunOutcome.Completed) summaries.get(s)).result();
                assertThat(summary.metrics()).isEqualTo(alone.metrics());
                assertThat(summary.trades()).isEmpty();
                assertThat(summary.equity().size()).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void theVectorisedRunPerSymbolEqualsTheEventEngines(FillTiming fill) {
        FeatureEngine features = FeatureEngine.create();
        double[] fast;
        double[] slow;
        try (Table t = features.compute(PANEL, features.kernels("sma(10)", "sma(50)"))) {
            fast = t.float64("sma(10)").toArray();
            slow = t.float64("sma(50)").toArray();
        }
        // each series' averages open with NaN, which restarts the cross rule: signals of the whole panel at once
        boolean[] entries = Signals.crossAbove(fast, slow);
        boolean[] exits = Signals.crossBelow(fast, slow);
        StrategyRun run = Strategies.parse("sma_cross(10,50)");
        for (int threads : new int[] {1, 2}) {
            BacktestConfig config = BacktestConfig.defaults().withFill(fill).withCosts(5, 2).withParallelism(threads);
            List<BacktestResult> vectorised = SignalBacktester.create().runSymbols(PANEL, entries, exits,
                    SignalSizing.percentOfEquity(1), config);
            List<BacktestResult> summaries = SignalBacktester.create().runSymbolSummaries(PANEL, entries, exits,
                    SignalSizing.percentOfEquity(1), config);
            List<RunOutcome> event = EventBacktester.create().sweepSymbols(run, PANEL, config, ProgressListener.NONE);
            for (int s = 0; s < PANEL.symbolCount(); s++) {
                BacktestResult e = ((RunOutcome.Completed) event.get(s)).result();
                assertThat(e.trades()).hasSizeGreaterThan(5);
                assertThat(vectorised.get(s)).isEqualTo(e);
                assertThat(summaries.get(s).metrics()).isEqualTo(e.metrics());
            }
        }
    }
}
