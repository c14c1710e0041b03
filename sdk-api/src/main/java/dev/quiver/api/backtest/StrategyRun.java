package dev.quiver.api.backtest;

import dev.quiver.api.param.Params;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One run of a sweep: a label, the parameters, and a factory for a fresh strategy instance.
 *
 * <p>Thread-safety: immutable; the factory must be safe to call from any thread.
 *
 * @param label e.g. {@code sma_cross(10,50)}
 * @param params the run's parameters, reported in result tables
 * @param strategy makes the run's strategy (called once, on the thread that runs it)
 */
public record StrategyRun(String label, Params params, Supplier<? extends Strategy> strategy) {

    /** @throws NullPointerException if an argument is null */
    public StrategyRun {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(strategy, "strategy");
    }
}
