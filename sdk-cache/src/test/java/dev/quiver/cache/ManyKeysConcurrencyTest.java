package dev.quiver.cache;

import static dev.quiver.cache.TestTables.doubles;
import static dev.quiver.cache.TestTables.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.table.Table;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Many threads over many keys under bounds far smaller than the working set: right answers, no leak, no deadlock. */
@ExtendWith(NativeMemoryLeakCheck.class)
class ManyKeysConcurrencyTest {
    private static final int KEYS = 48;
    private static final int ROWS = 2_000;

    @TempDir
    Path dir;

    @Test
    void manyKeysUnderSmallBoundsNeitherLeakNorDeadlock() throws Exception {
        long mappings = ArrowTieredCache.openMappings();
        long tableBytes = (long) ROWS * Double.BYTES;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(dir)
                .memoryBytes(tableBytes * 4).diskBytes(tableBytes * 12).build()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int checked = 0;
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    List<Table> held = new ArrayList<>();
                    for (int i = 0; i < 400; i++) {
                        int k = random.nextInt(KEYS);
                        CacheKey key = key("many/k" + k, "1");
                        Table t1 = cache.getOrLoad(key, () -> doubles(ROWS, k * 10_000.0));
                        // check a value and hold some leases across evictions
                        assertThat(t1.float64("x").get(ROWS - 1)).isEqualTo(k * 10_000.0 + ROWS - 1);
                        checked++;
                        held.add(t1);
                        if (held.size() > 3 || random.nextBoolean()) {
                            held.remove(random.nextInt(held.size())).close();
                        }
                        if (i % 97 == 0) {
                            cache.invalidate(key);
                        }
                    }
                    for (Table t1 : held) {
                        t1.close();
                    }
                    return checked;
                }));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("no deadlock").isTrue();
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(400);
            }
            CacheStats s = cache.stats();
            assertThat(s.requests()).isEqualTo(8 * 400);
            assertThat(s.memoryBytes()).isLessThanOrEqualTo(tableBytes * 4);
            assertThat(s.memoryEvictions()).isPositive();
            assertThat(s.diskEvictions()).isPositive();
            assertThat(s.corruptEntries()).isZero();
            assertThat(cache.arrowBytesInUse()).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(ArrowTieredCache.openMappings()).as("mappings left").isEqualTo(mappings);
    }
}
