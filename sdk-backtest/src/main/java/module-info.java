/**
 * Quiver's backtester: the event-driven engine ({@link dev.quiver.backtest.engine.EventBacktester}) that runs the
 * same strategy code over history and over a live feed ({@link dev.quiver.backtest.engine.LiveSession}), and the
 * performance statistics every backtest and sweep reports ({@link dev.quiver.backtest.metrics.MetricsCalculator}).
 * Guice is optional: only {@code dev.quiver.backtest.guice} needs it.
 *
 * @provides dev.quiver.api.backtest.BacktesterProvider the {@code event} engine
 */
module dev.quiver.backtest {
    requires transitive dev.quiver.api;
    requires transitive dev.quiver.features;
    requires dev.quiver.io;
    requires tools.jackson.databind;
    requires me.tongfei.progressbar;
    requires org.apache.arrow.vector;
    requires org.apache.arrow.memory.core;
    requires java.desktop;
    // plots and HTML reports; its Plot is part of this module's API
    requires transitive dev.quiver.report;
    requires static com.google.guice;
    // automatic modules (no module descriptor in their jars)
    requires xchart;

    exports dev.quiver.backtest.engine;
    exports dev.quiver.backtest.metrics;
    exports dev.quiver.backtest.signal;
    exports dev.quiver.backtest.report;
    exports dev.quiver.backtest.strategy;
    exports dev.quiver.backtest.sweep;
    exports dev.quiver.backtest.guice;

    opens dev.quiver.backtest.guice to com.google.guice;

    provides dev.quiver.api.backtest.BacktesterProvider with dev.quiver.backtest.engine.EventBacktesterProvider;
}
