package dev.quiver.api.cache;

import dev.quiver.api.table.Table;

/**
 * Computes a table on a cache miss. The cache takes ownership of the returned table.
 *
 * <p>Thread-safety: a cache runs a loader for a key on one thread at a time.
 */
@FunctionalInterface
public interface TableLoader {

    /**
     * Computes the table.
     *
     * @throws Exception if it cannot; the cache passes the failure on and does not remember it
     */
    Table load() throws Exception;
}
