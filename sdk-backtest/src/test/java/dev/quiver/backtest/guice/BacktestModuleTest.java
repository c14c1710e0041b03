package dev.quiver.backtest.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Backtester;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.engine.CommissionModel;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.engine.SlippageModel;
import dev.quiver.backtest.signal.SignalBacktester;
import dev.quiver.backtest.signal.SignalSizing;
import dev.quiver.backtest.strategy.SignalStrategy;
import org.junit.jupiter.api.Test;

class BacktestModuleTest {
    private static final Panel BARS = TestBars.one("X", new double[][] {
            {10, 11, 9, 10, 1000}, {10, 12, 10, 11, 1000}, {11, 13, 11, 12, 1000}, {12, 12, 10, 11, 1000}});
    private static final boolean[] ENTRIES = {true, false, false, false};
    private static final boolean[] EXITS = {false, false, true, false};
    private static final BacktestConfig CONFIG = BacktestConfig.defaults().withFill(FillTiming.CLOSE)
            .withCosts(10, 5).withParallelism(1);

    @Test
    void bindsSingletonBacktestersThatTakeCostsFromTheRunConfigByDefault() {
        Injector injector = Guice.createInjector(new BacktestModule());
        Backtester backtester = injector.getInstance(Backtester.class);
        assertThat(backtester).isSameAs(injector.getInstance(EventBacktester.class))
                .isSameAs(injector.getInstance(Backtester.class));
        assertThat(injector.getInstance(BacktestConfig.class)).isEqualTo(BacktestConfig.defaults());

        // the same results as the plain builders' backtesters
        BacktestResult injected = backtester.run(strategy(), BARS, CONFIG);
        assertThat(injected).isEqualTo(EventBacktester.create().run(strategy(), BARS, CONFIG));
        assertThat(injected.trades()).hasSize(1);
        assertThat(injected.trades().getFirst().fees()).isPositive();
        assertThat(injector.getInstance(SignalBacktester.class).run(BARS, ENTRIES, EXITS, SignalSizing.fixed(10),
                CONFIG)).isEqualTo(injected);
    }

    @Test
    void settingsBoundByTheApplicationReplaceTheDefault() {
        CommissionModel perTrade = CommissionModel.perTrade(3);
        Injector injector = Guice.createInjector(new BacktestModule(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), BacktesterSettings.class).setBinding()
                        .toInstance(BacktesterSettings.costs(perTrade, SlippageModel.none()));
            }
        });
        BacktestResult injected = injector.getInstance(Backtester.class).run(strategy(), BARS, CONFIG);
        BacktestResult built = EventBacktester.builder().commission(perTrade).slippage(SlippageModel.none()).build()
                .run(strategy(), BARS, CONFIG);
        assertThat(injected).isEqualTo(built);
        assertThat(injected.trades().getFirst().fees()).isEqualTo(6.0);
        assertThat(injector.getInstance(SignalBacktester.class).run(BARS, ENTRIES, EXITS, SignalSizing.fixed(10),
                CONFIG)).isEqualTo(built);
    }

    @Test
    void installingTheModuleTwiceIsHarmless() {
        Injector injector = Guice.createInjector(new BacktestModule(), new BacktestModule());
        assertThat(injector.getInstance(Backtester.class)).isInstanceOf(EventBacktester.class);
    }

    private static SignalStrategy strategy() {
        return new SignalStrategy(ENTRIES, EXITS, PositionSizer.fixed(10));
    }
}
