package dev.quiver.backtest.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Runs tasks {@code 0 .. n-1} on a number of threads: workers take the next task from a shared counter, so a slow
 * task never holds up the others. With one thread (or one task) everything runs on the calling thread. The threads
 * are daemons of a pool made for the call and shut down after it.
 *
 * <p>Thread-safety: stateless; the body must be safe to call from several threads at once.
 */
public final class Workers {
    private static final AtomicLong POOLS = new AtomicLong();

    private Workers() {
    }

    /**
     * Calls {@code body} once for each task, on up to {@code threads} threads, and returns when all are done.
     *
     * @param name what the tasks are, for the threads' names ({@code sweep} makes {@code quiver-sweep-3-1}) and the
     *     errors
     * @param done the number of tasks done so far, for the interruption message
     * @throws IllegalStateException if a task throws (the first failure, as the cause) or the calling thread is
     *     interrupted while waiting
     */
    public static void forEach(int n, int threads, String name, AtomicInteger done, IntConsumer body) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                body.accept(i);
            }
        };
        int count = Math.min(threads, n);
        if (count <= 1) {
            worker.run();
            return;
        }
        long pool = POOLS.incrementAndGet();
        AtomicInteger numbers = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "quiver-" + name + "-" + pool + "-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?>[] futures = new Future<?>[count];
            for (int w = 0; w < count; w++) {
                futures[w] = executor.submit(worker);
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted after " + done.get() + " of " + n + " runs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " worker failed: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdown();
        }
    }
}
