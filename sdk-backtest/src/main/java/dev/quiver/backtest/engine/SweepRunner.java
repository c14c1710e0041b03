package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.StrategyRun;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a sweep's runs on a number of threads: workers take the next run from a shared counter, so a slow run never
 * holds up the others, and each outcome lands in its run's slot, so the order of the outcomes is the order of the
 * runs whatever the thread count.
 *
 * <p>Thread-safety: stateless.
 */
final class SweepRunner {
    private static final System.Logger LOG = System.getLogger(SweepRunner.class.getName());
    private static final AtomicLong POOLS = new AtomicLong();

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
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        notify(() -> listener.onStart(n));
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                RunOutcome outcome = runOne(runs.get(i), i, body);
                outcomes[i] = outcome;
                int finished = done.incrementAndGet();
                notify(() -> listener.onRunFinished(outcome, finished, n));
            }
        };
        int threads = Math.min(parallelism, n);
        if (threads <= 1) {
            worker.run();
        } else {
            long pool = POOLS.incrementAndGet();
            AtomicInteger numbers = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "quiver-sweep-" + pool + "-" + numbers.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                Future<?>[] futures = new Future<?>[threads];
                for (int w = 0; w < threads; w++) {
                    futures[w] = executor.submit(worker);
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep interrupted after " + done.get() + " of " + n + " runs", e);
            } catch (ExecutionException e) {
                // runOne catches what a run throws, so only a worker's own failure gets here
                throw new IllegalStateException("sweep worker failed: " + e.getCause(), e.getCause());
            } finally {
                executor.shutdown();
            }
        }
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
