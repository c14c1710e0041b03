package dev.quiver.backtest.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.Backtester;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.signal.SignalBacktester;

/**
 * Binds Quiver's backtesters as singletons, built by the same public builders applications without Guice call:
 * {@link Backtester} and {@link EventBacktester} (the event engine), {@link SignalBacktester} (the vectorised path),
 * plus a default {@link BacktestConfig} for applications that inject their run settings.
 *
 * <p>Defaults, each replaceable through {@link OptionalBinder#setBinding()}: {@link BacktesterSettings} (costs from
 * each run's config) and {@link BacktestConfig#defaults()}:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new BacktestModule(), new AbstractModule() {
 *     protected void configure() {
 *         OptionalBinder.newOptionalBinder(binder(), BacktesterSettings.class).setBinding()
 *                 .toInstance(BacktesterSettings.costs(CommissionModel.perShare(0.005, 1), SlippageModel.none()));
 *     }
 * });
 * Backtester backtester = injector.getInstance(Backtester.class);
 * }</pre>
 *
 * <p>Like every Quiver Guice module it is fast and side-effect free: {@link #configure()} only declares bindings.
 *
 * <p>Thread-safety: a module is used by one injector build at a time; the backtesters it binds are immutable.
 */
@SuppressWarnings("exports") // exposes Guice types, as it must; Guice is optional, so module-info cannot re-export it
public final class BacktestModule extends AbstractModule {

    /** The module, with the defaults unless the application binds its own settings. */
    public BacktestModule() {
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), BacktesterSettings.class)
                .setDefault()
                .toInstance(BacktesterSettings.costsFromRunConfig());
        OptionalBinder.newOptionalBinder(binder(), BacktestConfig.class)
                .setDefault()
                .toInstance(BacktestConfig.defaults());
    }

    /** The event engine: {@code settings.applyTo(EventBacktester.builder()).build()}. */
    @Provides
    @Singleton
    EventBacktester eventBacktester(BacktesterSettings settings) {
        return settings.applyTo(EventBacktester.builder()).build();
    }

    /** The SPI view of the event engine (the same instance). */
    @Provides
    @Singleton
    Backtester backtester(EventBacktester engine) {
        return engine;
    }

    /** The vectorised path, with the same costs: {@code settings.applyTo(SignalBacktester.builder()).build()}. */
    @Provides
    @Singleton
    SignalBacktester signalBacktester(BacktesterSettings settings) {
        return settings.applyTo(SignalBacktester.builder()).build();
    }

    // installing the module twice (from two libraries) must not bind the backtesters twice
    @Override
    public boolean equals(Object o) {
        return o instanceof BacktestModule;
    }

    @Override
    public int hashCode() {
        return BacktestModule.class.hashCode();
    }
}
