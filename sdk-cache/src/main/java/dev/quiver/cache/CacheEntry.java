package dev.quiver.cache;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Table;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One cached table shared by the memory tier and every lease handed out on it. The table is closed (its off-heap
 * memory freed) when the last reference is released, so a reader never sees freed memory however eviction and leases
 * interleave.
 *
 * <p>References are counted, not tracked: whoever holds one must release it exactly once. The creator holds the first.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class CacheEntry {
    private final Table table;
    private final long bytes;
    private final AtomicInteger references = new AtomicInteger(1);
    /** When a hit last refreshed the entry's disk recency ({@link System#nanoTime()}); racy on purpose. */
    private volatile long touchedAt = System.nanoTime();

    /** An entry owning {@code table}, with one reference held by the caller. */
    CacheEntry(Table table) {
        this.table = table;
        long sum = 0;
        for (Column c : table.columns()) {
            sum += c.data().byteSize();
        }
        this.bytes = sum;
    }

    /** Bytes of column data: what the memory tier's bound counts. */
    long bytes() {
        return bytes;
    }

    /**
     * Adds a reference unless the entry is already released; a reader that lost the race with the last release must
     * treat the entry as absent.
     */
    boolean tryRetain() {
        for (int r = references.get(); r > 0; r = references.get()) {
            if (references.compareAndSet(r, r + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds {@code n} references on behalf of a caller that already holds one (so the count cannot be zero).
     *
     * @throws IllegalStateException if the entry was already released, which is a reference-counting bug
     */
    void retain(int n) {
        int before = references.getAndAdd(n);
        if (before <= 0) {
            throw new IllegalStateException("cache entry " + table + " retained after its memory was released");
        }
    }

    /**
     * Drops one reference; the last one closes the table.
     *
     * @throws IllegalStateException if released more often than retained, which is a reference-counting bug
     */
    void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            table.close();
        } else if (left < 0) {
            throw new IllegalStateException("cache entry " + table + " released more often than retained");
        }
    }

    /**
     * Whether a memory hit now should refresh the disk file's recency: true at most once per {@code intervalNanos}
     * (give or take a racing thread, which only costs one extra touch).
     */
    boolean dueForTouch(long now, long intervalNanos) {
        if (now - touchedAt < intervalNanos) {
            return false;
        }
        touchedAt = now;
        return true;
    }

    /** A lease that carries one reference the caller already holds and releases it when closed. */
    Table lease() {
        return table.view(this::release);
    }
}
