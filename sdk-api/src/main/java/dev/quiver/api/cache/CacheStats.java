package dev.quiver.api.cache;

/**
 * A snapshot of a cache's counters since it was created.
 *
 * <p>Thread-safety: immutable.
 *
 * @param memoryHits requests answered by the memory tier
 * @param diskHits requests answered by the disk tier
 * @param misses requests that ran the loader
 * @param loadFailures loader runs that threw
 * @param totalLoadNanos time spent in loaders
 * @param memoryEvictions entries evicted from the memory tier
 * @param diskEvictions files evicted from the disk tier
 * @param corruptEntries disk files found damaged, removed and recomputed
 * @param memoryBytes bytes of table data held by the memory tier now
 * @param diskBytes bytes of files held by the disk tier now
 * @param memoryEntries entries in the memory tier now
 * @param diskEntries files in the disk tier now
 */
public record CacheStats(long memoryHits, long diskHits, long misses, long loadFailures, long totalLoadNanos,
                         long memoryEvictions, long diskEvictions, long corruptEntries, long memoryBytes,
                         long diskBytes, long memoryEntries, long diskEntries) {

    /** All requests. */
    public long requests() {
        return memoryHits + diskHits + misses;
    }

    /** The share of requests answered without loading, in [0, 1]; 0 if there were none. */
    public double hitRate() {
        long r = requests();
        return r == 0 ? 0 : (double) (memoryHits + diskHits) / r;
    }

    /** Loader runs that completed. */
    public long loads() {
        return misses - loadFailures;
    }

    /** Mean time per loader run in nanoseconds; 0 if none ran. */
    public double averageLoadNanos() {
        return misses == 0 ? 0 : (double) totalLoadNanos / misses;
    }
}
