package dev.quiver.io.format;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that parse and format parts of files in parallel: daemon threads, created when first needed and
 * retired when idle, shared by every reader and writer of the process. The calling thread always does one part
 * itself, so a read on one thread needs none of them.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class IoThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "quiver-io-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private IoThreads() {
    }

    /** The shared executor. */
    public static ExecutorService executor() {
        return POOL;
    }
}
