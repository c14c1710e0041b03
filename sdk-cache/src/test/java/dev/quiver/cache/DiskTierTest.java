package dev.quiver.cache;

import static dev.quiver.cache.TestTables.doubles;
import static dev.quiver.cache.TestTables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.table.Table;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The disk tier's bound, its least-recently-used order across restarts, and directories it cannot use. */
@ExtendWith(NativeMemoryLeakCheck.class)
class DiskTierTest {

    @TempDir
    Path dir;

    private ArrowTieredCache open(long memoryBytes, long diskBytes) {
        return (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(memoryBytes).diskBytes(diskBytes)
                .build();
    }

    /** The size of the file of a 1,000-row table of doubles. */
    private long fileSize() {
        try (ArrowTieredCache probe = open(0, Long.MAX_VALUE)) {
            probe.getOrLoad(key("lru/probe", "1"), () -> doubles(1_000, 0)).close();
            long size = probe.stats().diskBytes();
            probe.invalidateAll();
            return size;
        }
    }

    private boolean stored(CacheKey key) {
        return Files.exists(dir.resolve(key.id() + ".arrow"));
    }

    @Test
    void leastRecentlyUsedOrderSurvivesARestart() {
        long size = fileSize();
        CacheKey a = key("lru/a", "1");
        CacheKey b = key("lru/b", "1");
        CacheKey c = key("lru/c", "1");
        CacheKey d = key("lru/d", "1");
        try (ArrowTieredCache cache = open(0, size * 7 / 2)) {
            cache.getOrLoad(a, () -> doubles(1_000, 1)).close();
            cache.getOrLoad(b, () -> doubles(1_000, 2)).close();
            cache.getOrLoad(c, () -> doubles(1_000, 3)).close();
            cache.getIfPresent(a).orElseThrow().close(); // a is now more recent than b and c
        }
        try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
             ArrowTieredCache restarted = open(0, size * 7 / 2)) {
            restarted.getOrLoad(d, () -> doubles(1_000, 4)).close();
            assertThat(stored(b)).as("the least recently used file, b").isFalse();
            assertThat(stored(a)).isTrue();
            assertThat(stored(c)).isTrue();
            assertThat(stored(d)).isTrue();
            CacheStats s = restarted.stats();
            assertThat(s.diskEvictions()).isEqualTo(1);
            assertThat(s.diskBytes()).isLessThanOrEqualTo(size * 7 / 2);
            assertThat(log.messages()).singleElement().asString().startsWith("FINE").contains("evicted")
                    .contains(b.id() + ".arrow").contains("within " + (size * 7 / 2) + " bytes");
        }
    }

    @Test
    void memoryHitsRefreshTheDiskRecency() {
        long size = fileSize();
        CacheKey a = key("lru/hot", "1");
        CacheKey b = key("lru/cold", "1");
        CacheKey c = key("lru/new", "1");
        try (ArrowTieredCache cache = open(1 << 24, size * 5 / 2)) {
            cache.touchIntervalNanos = 0;
            cache.getOrLoad(a, () -> doubles(1_000, 1)).close();
            cache.getOrLoad(b, () -> doubles(1_000, 2)).close();
            cache.getIfPresent(a).orElseThrow().close(); // a memory hit: the file is not read, only touched
            assertThat(cache.stats().memoryHits()).isEqualTo(1);
            cache.getOrLoad(c, () -> doubles(1_000, 3)).close();
            assertThat(stored(b)).as("b, older on disk than the hot a").isFalse();
            assertThat(stored(a)).isTrue();
            assertThat(stored(c)).isTrue();
        }
    }

    @Test
    void aTableLargerThanTheDiskBoundIsServedButNotStored() {
        CacheKey key = key("big/one", "1");
        try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
             ArrowTieredCache cache = open(1 << 24, 4_000);
             Table t = cache.getOrLoad(key, () -> doubles(1_000, 1))) {
            assertThat(t.rowCount()).isEqualTo(1_000);
            assertThat(stored(key)).isFalse();
            assertThat(cache.stats().diskEntries()).isZero();
            assertThat(log.messages()).singleElement().asString().startsWith("WARNING")
                    .contains("8000 bytes of data, more than the disk bound of 4000 bytes")
                    .contains("kept in memory only");
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenLeavesEntriesInMemoryWithAWarning() throws IOException {
        Path sub = dir.resolve("cache");
        try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
             ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(sub).memoryBytes(1 << 20)
                     .diskBytes(1 << 24).build()) {
            // no file can be created under it any more, whoever runs the test (root ignores permissions)
            Files.delete(sub);
            Files.writeString(sub, "not a directory");
            CacheKey key = key("readonly/a", "1");
            try (Table t = cache.getOrLoad(key, () -> doubles(10, 1))) {
                assertThat(t.float64("x").get(9)).isEqualTo(10.0);
            }
            try (Table again = cache.getIfPresent(key).orElseThrow()) {
                assertThat(again.rowCount()).isEqualTo(10);
            }
            assertThat(cache.stats().misses()).isEqualTo(1);
            assertThat(log.messages()).singleElement().asString().startsWith("WARNING")
                    .contains("could not write " + sub.resolve(key.id() + ".arrow"))
                    .contains("stays in memory only");
        }
    }

    @Test
    void aReadOnlyDirectoryServesItsEntriesAndWarnsOnWrites() throws IOException {
        CacheKey stored = key("readonly/stored", "1");
        try (ArrowTieredCache cache = open(0, 1 << 24)) {
            cache.getOrLoad(stored, () -> doubles(10, 1)).close();
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(dir), "the test runs as root, who may write anyway");
            try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
                 ArrowTieredCache cache = open(0, 1 << 24)) {
                try (Table t = cache.getIfPresent(stored).orElseThrow()) {
                    assertThat(t.rowCount()).isEqualTo(10);
                }
                cache.getOrLoad(key("readonly/new", "1"), () -> doubles(10, 2)).close();
                assertThat(log.messages()).singleElement().asString().contains("could not write")
                        .contains("stays in memory only");
            }
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anUnreadableDirectoryIsReportedByName() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(dir), "the test runs as root, who may read anyway");
            assertThatThrownBy(() -> open(0, 1 << 24)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot use cache directory " + dir);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void directoryStatisticsSumEveryCacheThatUsedTheDirectory() {
        CacheKey key = key("stats/a", "1");
        try (ArrowTieredCache first = open(1 << 20, 1 << 24)) {
            first.getOrLoad(key, () -> doubles(10, 1)).close();
            first.getOrLoad(key, () -> doubles(10, 1)).close();
        }
        try (ArrowTieredCache second = open(1 << 20, 1 << 24)) {
            second.getOrLoad(key, () -> doubles(10, 1)).close();
        }
        CacheStats s = TieredCache.directoryStats(dir);
        assertThat(s.misses()).isEqualTo(1);
        assertThat(s.memoryHits()).isEqualTo(1);
        assertThat(s.diskHits()).isEqualTo(1);
        assertThat(s.diskEntries()).isEqualTo(1);
        assertThat(s.diskBytes()).isPositive();
        assertThat(s.memoryBytes()).isZero();

        assertThat(TieredCache.clear(dir)).isEqualTo(1);
        CacheStats cleared = TieredCache.directoryStats(dir);
        assertThat(cleared.requests()).isZero();
        assertThat(cleared.diskEntries()).isZero();
        assertThat(TieredCache.clear(dir.resolve("never-created"))).isZero();
    }

    @Test
    void clearLeavesTheTemporaryFileOfALiveWriterAlone() throws IOException {
        Path live = Files.writeString(dir.resolve("prices~x-0123456789abcdef.123.tmp"), "a write in progress");
        try (ArrowTieredCache cache = open(0, 1 << 24)) {
            cache.getOrLoad(key("clear/a", "1"), () -> doubles(10, 1)).close();
        }
        assertThat(TieredCache.clear(dir)).isEqualTo(1);
        assertThat(live).exists();
    }
}
