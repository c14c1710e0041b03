package dev.quiver.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheLoadException;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.cache.TableLoader;
import dev.quiver.api.table.Table;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The {@link Cache} behind {@link TieredCache}: a Caffeine memory tier bounded by bytes of column data over an
 * {@link ArrowIpcDiskTier}, with one flight per missing key.
 *
 * <p><b>Leases.</b> Each table lives in a {@link CacheEntry} whose reference count starts with its creator's. The
 * memory tier holds one reference for as long as it keeps the entry; every lease holds one. Eviction or
 * invalidation drops the tier's; the last release frees the table.
 *
 * <p><b>Single flight.</b> A request that misses memory joins or starts the key's flight in {@link #flights}. The
 * leader checks memory again, then disk, then runs the loader; when it lands it removes the flight and, in the same
 * atomic step, takes one reference for each waiter that joined, so no waiter can find the entry already freed.
 * Failures are handed to the waiters and forgotten.
 *
 * <p><b>Counting.</b> A waiter served by another thread's flight counts as a memory hit: it got a table already in
 * memory without touching disk or running a loader. A {@link #getIfPresent} that finds nothing is not a miss (misses
 * are loader runs) and is not counted.
 *
 * <p><b>Recency.</b> A memory hit refreshes the disk file's recency at most once a second per entry, so a table that
 * stays hot in memory is not the first evicted from disk, and a hit stays a few nanoseconds of bookkeeping.
 *
 * <p><b>Statistics.</b> On {@link #close()} the counters are added to the directory's sums
 * ({@link DirectoryStatistics}), which {@code quiver cache stats} prints.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #close()} must not race with other calls.
 */
final class ArrowTieredCache implements Cache {
    private final CacheSettings settings;
    private final BufferAllocator allocator;
    private final ArrowIpcDiskTier disk;
    private final com.github.benmanes.caffeine.cache.Cache<CacheKey, CacheEntry> memory;
    private final ConcurrentHashMap<CacheKey, Flight> flights = new ConcurrentHashMap<>();
    private final CacheCounters counters = new CacheCounters();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Tests shorten it to see memory hits refresh disk recency without sleeping. */
    long touchIntervalNanos = ArrowIpcDiskTier.TOUCH_INTERVAL_NANOS;

    /**
     * A cache with these settings.
     *
     * @throws java.io.UncheckedIOException if the directory cannot be created or listed
     * @throws UnsupportedOperationException if the compression's codec does not work here
     */
    ArrowTieredCache(CacheSettings settings) {
        this.settings = settings;
        if (settings.diskBytes() > 0) {
            this.allocator = new RootAllocator();
            try {
                this.disk = new ArrowIpcDiskTier(settings.directory(), settings.diskBytes(),
                        new ArrowTableCodec(allocator, settings.compression()), counters);
            } catch (RuntimeException e) {
                allocator.close();
                throw e;
            }
        } else {
            this.allocator = null;
            this.disk = null;
        }
        this.memory = settings.memoryBytes() > 0
                ? Caffeine.newBuilder()
                        .maximumWeight(settings.memoryBytes())
                        .weigher((CacheKey key, CacheEntry entry) -> weight(entry))
                        // listeners and eviction on the calling thread: a released entry frees its memory before
                        // the call that evicted it returns, which keeps the byte bound (and leak tests) exact
                        .executor(Runnable::run)
                        .removalListener(this::onMemoryRemoval)
                        .build()
                : null;
    }

    @Override
    public Table getOrLoad(CacheKey key, TableLoader loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        checkOpen();
        return lookup(key, loader);
    }

    @Override
    public Optional<Table> getIfPresent(CacheKey key) {
        Objects.requireNonNull(key, "key");
        checkOpen();
        return Optional.ofNullable(lookup(key, null));
    }

    @Override
    public void invalidate(CacheKey key) {
        Objects.requireNonNull(key, "key");
        checkOpen();
        if (memory != null) {
            memory.invalidate(key);
        }
        if (disk != null) {
            disk.delete(key);
        }
    }

    @Override
    public void invalidateAll() {
        checkOpen();
        if (memory != null) {
            memory.invalidateAll();
        }
        if (disk != null) {
            disk.deleteAll();
        }
    }

    @Override
    public CacheStats stats() {
        if (memory != null) {
            memory.cleanUp();
        }
        ArrowIpcDiskTier.Usage usage = disk == null ? new ArrowIpcDiskTier.Usage(0, 0) : disk.usage();
        return new CacheStats(counters.memoryHits.sum(), counters.diskHits.sum(), counters.misses.sum(),
                counters.loadFailures.sum(), counters.totalLoadNanos.sum(), counters.memoryEvictions.sum(),
                counters.diskEvictions.sum(), counters.corruptEntries.sum(), counters.memoryBytes.sum(),
                usage.bytes(), memory == null ? 0 : memory.estimatedSize(), usage.files());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (memory != null) {
            memory.invalidateAll();
            memory.cleanUp();
        }
        if (disk != null) {
            try {
                DirectoryStatistics.add(disk.directory(), DirectoryStatistics.counts(counters));
            } catch (java.io.IOException | RuntimeException e) {
                System.getLogger(ArrowTieredCache.class.getName()).log(System.Logger.Level.WARNING,
                        "cache: could not add this cache's counters to " + disk.directory().resolve(
                                DirectoryStatistics.FILE) + " (" + e + ")");
            }
        }
        if (allocator != null) {
            // throws if an Arrow buffer leaked: a bug worth failing loudly on
            allocator.close();
        }
    }

    /** Arrow memory in use now; zero between reads and writes. For tests. */
    long arrowBytesInUse() {
        return allocator == null ? 0 : allocator.getAllocatedMemory();
    }

    /** Requests sharing the key's flight now, the leader included; 0 if none is in flight. For tests. */
    int flightParticipants(CacheKey key) {
        int[] n = new int[1];
        // read under the map's lock on the key, which is what guards the count
        flights.computeIfPresent(key, (k, f) -> {
            n[0] = f.participants;
            return f;
        });
        return n[0];
    }

    @Override
    public String toString() {
        return "TieredCache[" + settings.directory() + ", memory " + settings.memoryBytes() + " B, disk "
                + settings.diskBytes() + " B, " + settings.compression() + "]";
    }

    /** The key's table as a lease, or null if absent and {@code loader} is null. */
    private Table lookup(CacheKey key, TableLoader loader) {
        while (true) {
            CacheEntry hit = retainFromMemory(key);
            if (hit != null) {
                counters.memoryHits.increment();
                refreshDiskRecency(key, hit);
                return hit.lease();
            }
            Thread me = Thread.currentThread();
            Flight mine = new Flight(me);
            Flight flight = flights.compute(key, (k, existing) -> {
                if (existing == null) {
                    return mine;
                }
                if (existing.leader != me) {
                    existing.participants++;
                }
                return existing;
            });
            if (flight == mine) {
                return lead(key, loader, mine);
            }
            if (flight.leader == me) {
                throw new IllegalStateException("the loader of " + key + " asked the cache for " + key
                        + ": a load cannot wait for itself");
            }
            CacheEntry shared;
            try {
                // uninterruptible on purpose: the leader reserved a reference for us that only we can release
                shared = flight.result.join();
            } catch (CompletionException e) {
                throw forWaiter(key, e.getCause());
            }
            if (shared != null) {
                counters.memoryHits.increment();
                return shared.lease();
            }
            if (loader == null) {
                return null;
            }
            // the flight was a getIfPresent that found nothing; now lead one that loads
        }
    }

    private Table lead(CacheKey key, TableLoader loader, Flight flight) {
        CacheEntry entry;
        try {
            entry = resolve(key, loader);
        } catch (RuntimeException | Error e) {
            land(key, flight, null, e);
            throw e;
        }
        land(key, flight, entry, null);
        return entry == null ? null : entry.lease();
    }

    /** Memory, then disk, then the loader; the returned entry carries one reference for the caller. */
    private CacheEntry resolve(CacheKey key, TableLoader loader) {
        CacheEntry hit = retainFromMemory(key);
        if (hit != null) {
            counters.memoryHits.increment();
            return hit;
        }
        if (disk != null) {
            Table table = disk.read(key);
            if (table != null) {
                counters.diskHits.increment();
                CacheEntry entry = new CacheEntry(table);
                admit(key, entry);
                return entry;
            }
        }
        if (loader == null) {
            return null;
        }
        Table table = load(key, loader);
        CacheEntry entry = new CacheEntry(table);
        admit(key, entry);
        if (disk != null) {
            disk.write(key, table);
        }
        return entry;
    }

    /** Removes the flight and hands its outcome to the waiters, reserving one reference for each of them. */
    private void land(CacheKey key, Flight flight, CacheEntry entry, Throwable failure) {
        flights.compute(key, (k, f) -> {
            if (entry != null && f != null && f.participants > 1) {
                entry.retain(f.participants - 1);
            }
            return null;
        });
        if (failure != null) {
            flight.result.completeExceptionally(failure);
        } else {
            flight.result.complete(entry);
        }
    }

    private Table load(CacheKey key, TableLoader loader) {
        long start = System.nanoTime();
        Table table = null;
        try {
            table = loader.load();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheLoadException(key, e);
        } catch (Exception e) {
            throw new CacheLoadException(key, e);
        } finally {
            counters.misses.increment();
            counters.totalLoadNanos.add(System.nanoTime() - start);
            if (table == null || table.isClosed()) {
                counters.loadFailures.increment();
            }
        }
        if (table == null) {
            throw new CacheLoadException("the loader of " + key + " returned null");
        }
        if (table.isClosed()) {
            throw new CacheLoadException("the loader of " + key + " returned a closed table");
        }
        return table;
    }

    private void refreshDiskRecency(CacheKey key, CacheEntry entry) {
        if (disk != null && entry.dueForTouch(System.nanoTime(), touchIntervalNanos)) {
            disk.touch(key);
        }
    }

    /** Tables mapped from disk and not yet unmapped, in this JVM; for tests. */
    static long openMappings() {
        return MappedArrowTable.openMappings();
    }

    /** Files whose checksum this cache's disk tier has verified; for tests. */
    int verifiedFiles() {
        return disk == null ? 0 : disk.verifiedFiles();
    }

    private CacheEntry retainFromMemory(CacheKey key) {
        if (memory == null) {
            return null;
        }
        CacheEntry entry = memory.getIfPresent(key);
        // an entry evicted and freed between the lookup and here is as good as absent
        return entry != null && entry.tryRetain() ? entry : null;
    }

    private void admit(CacheKey key, CacheEntry entry) {
        // a table larger than the whole tier would only evict everything else and then itself
        if (memory == null || entry.bytes() > settings.memoryBytes()) {
            return;
        }
        entry.retain(1);
        counters.memoryBytes.add(entry.bytes());
        memory.put(key, entry);
    }

    private void onMemoryRemoval(CacheKey key, CacheEntry entry, RemovalCause cause) {
        if (entry == null) {
            return;
        }
        counters.memoryBytes.add(-entry.bytes());
        if (cause == RemovalCause.SIZE) {
            counters.memoryEvictions.increment();
        }
        entry.release();
    }

    /** Caffeine weighs in ints; a table over 2 GiB counts as 2 GiB, and an empty one as 1 so that it can be evicted. */
    private static int weight(CacheEntry entry) {
        return (int) Math.clamp(entry.bytes(), 1L, Integer.MAX_VALUE);
    }

    private static CacheLoadException forWaiter(CacheKey key, Throwable leaderFailure) {
        if (leaderFailure instanceof CacheLoadException e) {
            return e.getCause() != null ? new CacheLoadException(key, e.getCause()) : new CacheLoadException(
                    e.getMessage());
        }
        return new CacheLoadException(key, leaderFailure);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this cache is closed: " + this);
        }
    }

    /** One key's load in progress. */
    private static final class Flight {
        final CompletableFuture<CacheEntry> result = new CompletableFuture<>();
        /** Waiting on one's own flight would never end; the leader is remembered to refuse that. */
        final Thread leader;
        /** Requests sharing this flight, the leader included; guarded by the flights map's lock on the key. */
        int participants = 1;

        Flight(Thread leader) {
            this.leader = leader;
        }
    }
}
