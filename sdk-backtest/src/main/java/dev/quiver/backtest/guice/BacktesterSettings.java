package dev.quiver.backtest.guice;

import dev.quiver.backtest.engine.CommissionModel;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.SlippageModel;
import dev.quiver.backtest.signal.SignalBacktester;
import java.util.Objects;

/**
 * The settings {@link BacktestModule} builds its backtesters with: the cost models, or none to take each run's costs
 * from its {@link dev.quiver.api.backtest.BacktestConfig} (the builders' default).
 *
 * <p>Thread-safety: immutable (the models must be immutable, as the engine requires).
 *
 * @param commission the commission of every fill, or {@code null} for the run config's basis points
 * @param slippage the slippage of every fill, or {@code null} for the run config's basis points
 */
public record BacktesterSettings(CommissionModel commission, SlippageModel slippage) {

    /** Costs from each run's config: what {@code EventBacktester.create()} does. */
    public static BacktesterSettings costsFromRunConfig() {
        return new BacktesterSettings(null, null);
    }

    /**
     * These cost models for every run, whatever its config says.
     *
     * @throws NullPointerException if a model is null
     */
    public static BacktesterSettings costs(CommissionModel commission, SlippageModel slippage) {
        return new BacktesterSettings(Objects.requireNonNull(commission, "commission"),
                Objects.requireNonNull(slippage, "slippage"));
    }

    /** Sets the models that are given on an event-engine builder. */
    public EventBacktester.Builder applyTo(EventBacktester.Builder builder) {
        if (commission != null) {
            builder.commission(commission);
        }
        if (slippage != null) {
            builder.slippage(slippage);
        }
        return builder;
    }

    /** Sets the models that are given on a vectorised-path builder. */
    public SignalBacktester.Builder applyTo(SignalBacktester.Builder builder) {
        if (commission != null) {
            builder.commission(commission);
        }
        if (slippage != null) {
            builder.slippage(slippage);
        }
        return builder;
    }
}
