package dev.quiver.api.table;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts for the off-heap memory that Quiver itself allocates for tables (through {@link TableBuilder} and the
 * providers that use {@link #track}): bytes and regions currently held. Tests assert both are back to zero after
 * closing what they opened, so a leak fails a test instead of growing a process. Memory-mapped files are not
 * counted; their owners unmap them on close.
 *
 * <p>Thread-safety: all methods are safe to call from any thread.
 */
public final class NativeMemory {
    private static final AtomicLong BYTES = new AtomicLong();
    private static final AtomicLong REGIONS = new AtomicLong();

    private NativeMemory() {
    }

    /** Off-heap bytes currently held by open Quiver tables and builders. */
    public static long bytesInUse() {
        return BYTES.get();
    }

    /** Off-heap regions (arenas) currently open. */
    public static long regionsInUse() {
        return REGIONS.get();
    }

    /**
     * Records that a region of {@code bytes} was allocated; the returned handle records its release, once.
     * Provider modules that allocate off-heap table memory of their own call this.
     */
    public static Handle track(long bytes) {
        BYTES.addAndGet(bytes);
        REGIONS.incrementAndGet();
        return new Handle(bytes);
    }

    /**
     * One tracked region. {@link #grow(long)} adds bytes to it; {@link #release()} gives all back, once.
     *
     * <p>Thread-safety: safe to use from any thread.
     */
    public static final class Handle {
        private final AtomicLong bytes;

        private Handle(long bytes) {
            this.bytes = new AtomicLong(bytes);
        }

        /** Records {@code more} bytes allocated in this region. */
        public void grow(long more) {
            if (bytes.get() < 0) {
                throw new IllegalStateException("region already released");
            }
            bytes.addAndGet(more);
            BYTES.addAndGet(more);
        }

        /** Records the region's release; later calls do nothing. */
        public void release() {
            long held = bytes.getAndSet(-1);
            if (held >= 0) {
                BYTES.addAndGet(-held);
                REGIONS.decrementAndGet();
            }
        }
    }
}
