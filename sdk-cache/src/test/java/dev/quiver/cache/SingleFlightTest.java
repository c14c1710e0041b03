package dev.quiver.cache;

import static dev.quiver.cache.TestTables.assertSameContent;
import static dev.quiver.cache.TestTables.key;
import static dev.quiver.cache.TestTables.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheLoadException;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.cache.TableLoader;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Concurrent requests for one missing key share one loader run, its result or its failure. */
@ExtendWith(NativeMemoryLeakCheck.class)
class SingleFlightTest {
    private static final int THREADS = 16;

    @TempDir
    Path dir;

    /**
     * Runs {@code THREADS} concurrent getOrLoad calls of one key; the loader holds the flight open until every thread
     * has joined it, so none can be served by a finished load instead.
     */
    private static List<Future<Table>> race(ArrowTieredCache cache, CacheKey key, TableLoader inner,
                                            ExecutorService pool) {
        CountDownLatch start = new CountDownLatch(1);
        TableLoader loader = () -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (cache.flightParticipants(key) < THREADS) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + cache.flightParticipants(key) + " threads joined the flight");
                }
                Thread.onSpinWait();
            }
            return inner.load();
        };
        List<Future<Table>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return cache.getOrLoad(key, loader);
            }));
        }
        start.countDown();
        return results;
    }

    /** Memory on, memory off with disk, and neither tier: waiters must share the one result in every shape. */
    @ParameterizedTest
    @ValueSource(strings = {"memory+disk", "disk", "none"})
    void oneLoaderRunServesEveryConcurrentRequest(String tiers) throws Exception {
        long memory = tiers.startsWith("memory") ? 1 << 20 : 0;
        long disk = tiers.equals("none") ? 0 : 1 << 20;
        CacheKey key = key("flight/one", tiers);
        AtomicInteger loads = new AtomicInteger();
        long before = NativeMemory.bytesInUse();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(memory)
                .diskBytes(disk).build();
             Table expected = sample(500, 3)) {
            List<Future<Table>> results = race(cache, key, () -> {
                loads.incrementAndGet();
                return sample(500, 3);
            }, pool);
            List<Table> leases = new ArrayList<>();
            for (Future<Table> f : results) {
                leases.add(f.get(20, TimeUnit.SECONDS));
            }
            assertThat(loads).hasValue(1);
            for (Table t : leases) {
                assertSameContent(t, expected);
            }
            CacheStats s = cache.stats();
            assertThat(s.misses()).isEqualTo(1);
            assertThat(s.memoryHits()).isEqualTo(THREADS - 1);
            assertThat(s.requests()).isEqualTo(THREADS);
            assertThat(cache.flightParticipants(key)).isZero();

            // one shared table, not sixteen copies
            long expectedBytes = 500L * (8 + 8 + 4 + 4);
            assertThat(NativeMemory.bytesInUse() - before).isEqualTo(2 * expectedBytes);
            leases.forEach(Table::close);
            assertThat(NativeMemory.bytesInUse() - before).isEqualTo(memory > 0 ? 2 * expectedBytes : expectedBytes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingLoaderFailsEveryWaiterAndIsNotRemembered() throws Exception {
        CacheKey key = key("flight/fails", "1");
        AtomicInteger loads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(1 << 20)
                .diskBytes(1 << 20).build()) {
            List<Future<Table>> results = race(cache, key, () -> {
                loads.incrementAndGet();
                throw new IOException("source file prices.csv is unreadable");
            }, pool);
            for (Future<Table> f : results) {
                assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(CacheLoadException.class)
                        .hasMessageContaining(key.toString())
                        .hasRootCauseInstanceOf(IOException.class)
                        .hasRootCauseMessage("source file prices.csv is unreadable");
            }
            assertThat(loads).hasValue(1);
            CacheStats failed = cache.stats();
            assertThat(failed.misses()).isEqualTo(1);
            assertThat(failed.loadFailures()).isEqualTo(1);
            assertThat(failed.loads()).isZero();
            assertThat(failed.memoryEntries()).isZero();
            assertThat(failed.diskEntries()).isZero();

            // not poisoned: the next request runs the loader again
            try (Table t = cache.getOrLoad(key, () -> {
                loads.incrementAndGet();
                return sample(10, 1);
            })) {
                assertThat(t.rowCount()).isEqualTo(10);
            }
            assertThat(loads).hasValue(2);
            assertThat(cache.stats().loads()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLoaderReturningNullOrAClosedTableFails() {
        try (ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(1 << 20)
                .diskBytes(1 << 20).build()) {
            CacheKey key = key("flight/null", "1");
            assertThatThrownBy(() -> cache.getOrLoad(key, () -> null)).isInstanceOf(CacheLoadException.class)
                    .hasMessageContaining("returned null").hasMessageContaining(key.toString());
            Table closed = sample(3, 0);
            closed.close();
            assertThatThrownBy(() -> cache.getOrLoad(key, () -> closed)).isInstanceOf(CacheLoadException.class)
                    .hasMessageContaining("closed table");
            assertThat(cache.stats().loadFailures()).isEqualTo(2);
            try (Table t = cache.getOrLoad(key, () -> sample(3, 0))) {
                assertThat(t.rowCount()).isEqualTo(3);
            }
        }
    }

    @Test
    void aLoaderThatAsksForItsOwnKeyFailsInsteadOfWaitingForever() {
        try (ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(1 << 20)
                .diskBytes(1 << 20).build()) {
            CacheKey key = key("flight/recursive", "1");
            assertThatThrownBy(() -> cache.getOrLoad(key, () -> cache.getOrLoad(key, () -> sample(1, 0))))
                    .isInstanceOf(CacheLoadException.class).hasRootCauseInstanceOf(IllegalStateException.class)
                    .rootCause().hasMessageContaining("cannot wait for itself");
            assertThat(cache.flightParticipants(key)).isZero();
            try (Table t = cache.getOrLoad(key, () -> sample(2, 0))) {
                assertThat(t.rowCount()).isEqualTo(2);
            }
        }
    }

    @Test
    void aGetIfPresentDuringALoadWaitsForIt() throws Exception {
        CacheKey key = key("flight/peek", "1");
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(1 << 20)
                .diskBytes(1 << 20).build()) {
            Future<Table> loader = pool.submit(() -> cache.getOrLoad(key, () -> {
                loading.countDown();
                finish.await();
                return sample(4, 0);
            }));
            loading.await();
            Future<java.util.Optional<Table>> peek = pool.submit(() -> cache.getIfPresent(key));
            while (cache.flightParticipants(key) < 2) {
                Thread.onSpinWait();
            }
            finish.countDown();
            try (Table a = loader.get(20, TimeUnit.SECONDS);
                 Table b = peek.get(20, TimeUnit.SECONDS).orElseThrow()) {
                assertSameContent(b, a);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
