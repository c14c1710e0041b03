package dev.quiver.api.backtest;

/**
 * How one run of a sweep ended: {@link Completed} or {@link Failed}. A failed run does not stop the others.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface RunOutcome {

    /** The run. */
    StrategyRun run();

    /**
     * A run that finished.
     *
     * @param run the run
     * @param result its result
     */
    record Completed(StrategyRun run, BacktestResult result) implements RunOutcome {
    }

    /**
     * A run that threw.
     *
     * @param run the run
     * @param error what it threw
     */
    record Failed(StrategyRun run, Throwable error) implements RunOutcome {
    }
}
