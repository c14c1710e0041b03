package dev.quiver.cache;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@link dev.quiver.api.cache.CacheStats}, shared by the tiers. {@link LongAdder}s because every
 * request bumps one from whichever thread serves it.
 *
 * <p>Thread-safety: safe for concurrent use; a snapshot of several counters is not atomic.
 */
final class CacheCounters {
    final LongAdder memoryHits = new LongAdder();
    final LongAdder diskHits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder loadFailures = new LongAdder();
    final LongAdder totalLoadNanos = new LongAdder();
    final LongAdder memoryEvictions = new LongAdder();
    final LongAdder diskEvictions = new LongAdder();
    final LongAdder corruptEntries = new LongAdder();
    final LongAdder memoryBytes = new LongAdder();
}
