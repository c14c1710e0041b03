package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.backtest.internal.Workers;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep's runs on a number of threads: workers take the next run from a shared counter, so a slow run never
 * holds up the others, and each outcome lands in its run's slot, so the order of the outcomes is the order of the
 * runs whatever the thread count.
 *
 * <p>Thread-safety: stateless.
 */
final class SweepRunner {
    private static final System.Logger LOG = System.getLogger(SweepRunner.class.getName());

    private SweepRunner() {
    }

    /** What one run of a sweep does. */
    @FunctionalInterface
    interface Body {
        /** Runs {@code run}, the {@code i}-th of the sweep. */
        BacktestResult run(StrategyRun run, int i);
    }

    static List<RunOutcome> run(List<StrategyRun> runs, int parallelism, Body body, ProgressListener listener) {
        int n = runs.size();
        RunOutcome[] outcomes = new RunOutcome[n];
        AtomicInteger done = new AtomicInteger();
        notify(() -> listener.onStart(n));
        // runOne catches what a run throws, so only a worker's own failure makes forEach throw
        Workers.forEach(n, parallelism, "sweep", done, i -> {
            RunOutcome outcome = runOne(runs.get(i), i, body);
            outcomes[i] = outcome;
            int finished = done.incrementAndGet();
            notify(() -> listener.onRunFinished(outcome, finished, n));
        });
        notify(listener::onFinish);
        return Arrays.asList(outcomes);
    }

    private static RunOutcome runOne(StrategyRun run, int i, Body body) {
        try {
            return new RunOutcome.Completed(run, body.run(run, i));
        } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            // one run's failure is its outcome; the sweep goes on (an OutOfMemoryError still ends it)
            return new RunOutcome.Failed(run, e);
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // a progress display that breaks must not lose the sweep's results
            LOG.log(System.Logger.Level.WARNING, "sweep progress listener failed: " + e);
        }
    }
}
