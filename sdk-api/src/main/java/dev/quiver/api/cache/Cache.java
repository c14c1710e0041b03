package dev.quiver.api.cache;

import dev.quiver.api.table.Table;
import java.util.Optional;

/**
 * The Cache SPI: tables by {@link CacheKey}, loaded once and then served from memory or disk.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Leases.</b> Every table a cache returns is a lease on a shared entry: the caller must {@link Table#close()
 *       close} it (try-with-resources). The entry's memory is released only when it has been evicted or
 *       invalidated <em>and</em> every lease is closed, so a reader never sees freed memory.</li>
 *   <li><b>Freshness.</b> A key's fingerprint covers its inputs; the cache never returns a table stored under a
 *       different fingerprint.</li>
 *   <li><b>Single flight.</b> Concurrent {@link #getOrLoad} calls for one missing key run its loader once; the others
 *       wait and share the result. A loader that throws is not remembered: the next call runs it again.</li>
 *   <li><b>Integrity.</b> A disk entry that is truncated or damaged is detected, removed and recomputed, never
 *       returned.</li>
 *   <li><b>Ownership of loaded tables.</b> The cache takes ownership of what a loader returns and closes it when it
 *       is no longer needed.</li>
 * </ul>
 *
 * <p>Thread-safety: implementations are safe for concurrent use by any number of threads. Closing the cache while
 * other threads use it is not allowed.
 */
public interface Cache extends AutoCloseable {

    /**
     * The table for a key: from memory, else from disk, else computed by the loader and stored.
     *
     * @return a lease the caller must close
     * @throws CacheLoadException if the loader threw (its exception is the cause) or returned null
     */
    Table getOrLoad(CacheKey key, TableLoader loader);

    /**
     * The table for a key if memory or disk holds it, without loading.
     *
     * @return a lease the caller must close, or empty
     */
    Optional<Table> getIfPresent(CacheKey key);

    /** Removes a key from every tier. Leases already handed out stay valid until closed. */
    void invalidate(CacheKey key);

    /** Removes every entry from every tier. Leases already handed out stay valid until closed. */
    void invalidateAll();

    /** A snapshot of the counters. */
    CacheStats stats();

    /** Releases the memory tier; open leases stay valid until closed. Closing twice is harmless. */
    @Override
    void close();
}
