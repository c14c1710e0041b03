package dev.quiver.cache;

import static dev.quiver.cache.TestTables.assertSameContent;
import static dev.quiver.cache.TestTables.doubles;
import static dev.quiver.cache.TestTables.key;
import static dev.quiver.cache.TestTables.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheLoadException;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.cache.Compression;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tiers, leases and bounds of {@link TieredCache}, each test checking for leaked off-heap and Arrow memory. */
@ExtendWith(NativeMemoryLeakCheck.class)
class TieredCacheTest {

    @TempDir
    Path dir;

    private ArrowTieredCache open(long memoryBytes, long diskBytes) {
        return open(memoryBytes, diskBytes, Compression.NONE);
    }

    private ArrowTieredCache open(long memoryBytes, long diskBytes, Compression compression) {
        return (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(memoryBytes).diskBytes(diskBytes)
                .compression(compression).build();
    }

    @Test
    void missThenMemoryHitThenDiskHitInANewInstance() {
        CacheKey key = key("prices/aapl", "v1");
        AtomicInteger loads = new AtomicInteger();
        try (Table expected = sample(100, 1)) {
            try (ArrowTieredCache cache = open(1 << 20, 1 << 20)) {
                try (Table first = cache.getOrLoad(key, () -> {
                    loads.incrementAndGet();
                    return sample(100, 1);
                })) {
                    assertSameContent(first, expected);
                }
                assertThat(cache.stats()).extracting(CacheStats::misses, CacheStats::memoryHits, CacheStats::diskHits)
                        .containsExactly(1L, 0L, 0L);

                try (Table second = cache.getOrLoad(key, () -> {
                    throw new AssertionError("a memory hit must not load");
                })) {
                    assertSameContent(second, expected);
                }
                CacheStats s = cache.stats();
                assertThat(s.memoryHits()).isEqualTo(1);
                assertThat(s.memoryEntries()).isEqualTo(1);
                assertThat(s.memoryBytes()).isEqualTo(100L * (8 + 8 + 4 + 4));
                assertThat(s.diskEntries()).isEqualTo(1);
                assertThat(s.diskBytes()).isEqualTo(Files.size(dir.resolve(key.id() + ".arrow")));
                assertThat(cache.arrowBytesInUse()).isZero();
            } catch (IOException e) {
                throw new AssertionError(e);
            }

            try (ArrowTieredCache reopened = open(1 << 20, 1 << 20)) {
                try (Table fromDisk = reopened.getOrLoad(key, () -> {
                    throw new AssertionError("a disk hit must not load");
                })) {
                    assertSameContent(fromDisk, expected);
                    assertThat(fromDisk.float64("close").data().isNative()).isTrue();
                }
                try (Table fromMemory = reopened.getIfPresent(key).orElseThrow()) {
                    assertSameContent(fromMemory, expected);
                }
                CacheStats s = reopened.stats();
                assertThat(s.diskHits()).isEqualTo(1);
                assertThat(s.memoryHits()).isEqualTo(1);
                assertThat(s.misses()).isZero();
                assertThat(s.hitRate()).isEqualTo(1.0);
                assertThat(reopened.arrowBytesInUse()).isZero();
            }
        }
        assertThat(loads).hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void allColumnTypesAndMissingValuesRoundTripThroughDisk(Compression compression) {
        CacheKey key = key("round/trip", compression.name());
        try (Table expected = sample(1_000, 7)) {
            try (ArrowTieredCache cache = open(0, 1 << 24, compression);
                 Table loaded = cache.getOrLoad(key, () -> sample(1_000, 7))) {
                assertSameContent(loaded, expected);
            }
            // a cache configured without compression reads files of any compression
            try (ArrowTieredCache cache = open(0, 1 << 24, Compression.NONE);
                 Table read = cache.getIfPresent(key).orElseThrow()) {
                assertSameContent(read, expected);
                assertThat(read.float64("close").get(5)).isNaN();
                assertThat(Double.doubleToRawLongBits(read.float64("close").get(5)))
                        .isEqualTo(Double.doubleToRawLongBits(TestTables.ODD_NAN));
                assertThat(read.int64("time").isMissing(4)).isTrue();
                assertThat(read.int32("volume").isMissing(2)).isTrue();
                assertThat(read.string("symbol").get(1)).isNull();
                assertThat(read.string("symbol").dictionary()).contains("ÅSEA", "");
                assertThat(cache.stats().diskHits()).isEqualTo(1);
                assertThat(cache.arrowBytesInUse()).isZero();
            }
        }
    }

    @Test
    void aTableOverHeapArraysIsWrittenToDiskToo() {
        CacheKey key = key("heap/table", "1");
        try (ArrowTieredCache cache = open(0, 1 << 24, Compression.NONE)) {
            cache.getOrLoad(key, () -> Table.of(Float64Column.wrap("x", new double[] {1, Double.NaN, 3}),
                    StringColumn.encode("s", new String[] {"a", null, "b"}))).close();
        }
        try (ArrowTieredCache cache = open(0, 1 << 24, Compression.NONE);
             Table read = cache.getIfPresent(key).orElseThrow()) {
            assertThat(read.float64("x").get(2)).isEqualTo(3.0);
            assertThat(read.string("s").get(1)).isNull();
            assertThat(cache.stats().diskHits()).isEqualTo(1);
        }
    }

    @Test
    void compressionShrinksCompressibleFiles() throws IOException {
        long[] sizes = new long[Compression.values().length];
        for (Compression c : Compression.values()) {
            CacheKey key = key("zeros", c.name());
            try (ArrowTieredCache cache = open(0, 1 << 24, c);
                 Table t = cache.getOrLoad(key, () -> {
                     try (TableBuilder b = TableBuilder.offHeap()) {
                         return b.float64("z", new double[50_000]).build();
                     }
                 })) {
                assertThat(t.rowCount()).isEqualTo(50_000);
            }
            sizes[c.ordinal()] = Files.size(dir.resolve(key.id() + ".arrow"));
        }
        assertThat(sizes[Compression.LZ4.ordinal()]).isLessThan(sizes[Compression.NONE.ordinal()] / 10);
        assertThat(sizes[Compression.ZSTD.ordinal()]).isLessThan(sizes[Compression.NONE.ordinal()] / 10);
    }

    @Test
    void emptyTablesRoundTrip() {
        CacheKey noRows = key("empty/rows", "1");
        CacheKey noColumns = key("empty/columns", "1");
        try (Table expected = sample(0, 0)) {
            try (ArrowTieredCache cache = open(1 << 20, 1 << 20)) {
                cache.getOrLoad(noRows, () -> sample(0, 0)).close();
                cache.getOrLoad(noColumns, () -> Table.of()).close();
            }
            try (ArrowTieredCache cache = open(1 << 20, 1 << 20);
                 Table rows = cache.getIfPresent(noRows).orElseThrow();
                 Table columns = cache.getIfPresent(noColumns).orElseThrow()) {
                assertSameContent(rows, expected);
                assertThat(rows.schema().names()).containsExactly("close", "time", "volume", "symbol");
                assertThat(columns.columnCount()).isZero();
                assertThat(columns.rowCount()).isZero();
                assertThat(cache.stats().diskHits()).isEqualTo(2);
            }
        }
    }

    @Test
    void aChangedFingerprintMisses() {
        try (ArrowTieredCache cache = open(1 << 20, 1 << 20)) {
            cache.getOrLoad(key("features/spx", "sma(20)"), () -> doubles(10, 0)).close();
            AtomicInteger loads = new AtomicInteger();
            try (Table t = cache.getOrLoad(key("features/spx", "sma(21)"), () -> {
                loads.incrementAndGet();
                return doubles(10, 100);
            })) {
                assertThat(t.float64("x").get(0)).isEqualTo(100.0);
            }
            assertThat(loads).hasValue(1);
            assertThat(cache.getIfPresent(key("features/spx", "sma(22)"))).isEmpty();
            CacheStats s = cache.stats();
            assertThat(s.misses()).isEqualTo(2);
            assertThat(s.memoryEntries()).isEqualTo(2);
            assertThat(s.diskEntries()).isEqualTo(2);
        }
    }

    @Test
    void aFileFiledUnderAnotherFingerprintIsNeverReturned() throws IOException {
        CacheKey stale = key("prices/msft", "old");
        CacheKey fresh = key("prices/msft", "new");
        try (ArrowTieredCache cache = open(0, 1 << 20)) {
            cache.getOrLoad(stale, () -> doubles(10, 0)).close();
        }
        // as if a file had been copied or its name collided: the metadata names the old fingerprint
        Files.copy(dir.resolve(stale.id() + ".arrow"), dir.resolve(fresh.id() + ".arrow"));
        try (var log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
             ArrowTieredCache cache = open(0, 1 << 20);
             Table t = cache.getOrLoad(fresh, () -> doubles(10, 500))) {
            assertThat(t.float64("x").get(0)).isEqualTo(500.0);
            assertThat(cache.stats().corruptEntries()).isEqualTo(1);
            assertThat(log.messages()).singleElement().asString().contains(fresh.id() + ".arrow")
                    .contains("quiver.fingerprint");
        }
    }

    @Test
    void diskBoundEvictsTheLeastRecentlyUsedFile() throws IOException {
        CacheKey a = key("lru/a", "1");
        CacheKey b = key("lru/b", "1");
        CacheKey c = key("lru/c", "1");
        long fileSize;
        try (ArrowTieredCache probe = open(0, Long.MAX_VALUE)) {
            probe.getOrLoad(key("lru/probe", "1"), () -> doubles(1_000, 0)).close();
            fileSize = probe.stats().diskBytes();
            probe.invalidateAll();
            assertThat(probe.stats().diskEntries()).isZero();
        }
        // memory disabled, so every hit is a disk hit and touches its file
        try (ArrowTieredCache cache = open(0, fileSize * 5 / 2)) {
            cache.getOrLoad(a, () -> doubles(1_000, 1)).close();
            cache.getOrLoad(b, () -> doubles(1_000, 2)).close();
            cache.getIfPresent(a).orElseThrow().close();
            cache.getOrLoad(c, () -> doubles(1_000, 3)).close();

            CacheStats s = cache.stats();
            assertThat(s.diskEvictions()).isEqualTo(1);
            assertThat(s.diskEntries()).isEqualTo(2);
            assertThat(s.diskBytes()).isLessThanOrEqualTo(fileSize * 5 / 2);
            assertThat(Files.exists(dir.resolve(b.id() + ".arrow"))).isFalse();
            assertThat(cache.getIfPresent(b)).isEmpty();
            try (Table ta = cache.getIfPresent(a).orElseThrow(); Table tc = cache.getIfPresent(c).orElseThrow()) {
                assertThat(ta.float64("x").get(0)).isEqualTo(1.0);
                assertThat(tc.float64("x").get(0)).isEqualTo(3.0);
            }
        }
    }

    @Test
    void memoryBoundEvictsButOpenLeasesStayReadableUntilClosed() {
        long start = NativeMemory.bytesInUse();
        long tableBytes = 10_000L * Double.BYTES;
        try (ArrowTieredCache cache = open(tableBytes * 3 / 2, 0)) {
            Table a = cache.getOrLoad(key("mem/a", "1"), () -> doubles(10_000, 1));
            Table b = cache.getOrLoad(key("mem/b", "1"), () -> doubles(10_000, 2));
            CacheStats s = cache.stats();
            assertThat(s.memoryEvictions()).isEqualTo(1);
            assertThat(s.memoryEntries()).isEqualTo(1);
            assertThat(s.memoryBytes()).isEqualTo(tableBytes);
            // both tables are alive: one for the tier and its lease, the evicted one for its lease alone
            assertThat(NativeMemory.bytesInUse() - start).isEqualTo(2 * tableBytes);
            assertThat(a.float64("x").get(9_999)).isEqualTo(10_000.0);
            assertThat(b.float64("x").get(9_999)).isEqualTo(10_001.0);

            a.close();
            b.close();
            // the evicted table is freed with its last lease; the one the tier keeps is not
            assertThat(NativeMemory.bytesInUse() - start).isEqualTo(tableBytes);
            assertThat(a.isClosed()).isTrue();
        }
        assertThat(NativeMemory.bytesInUse()).isEqualTo(start);
    }

    @Test
    void withoutAMemoryTierALeaseOwnsTheLoadedTable() {
        long start = NativeMemory.bytesInUse();
        try (ArrowTieredCache cache = open(0, 0)) {
            Table loaded = doubles(100, 0);
            Table lease = cache.getOrLoad(key("nomem", "1"), () -> loaded);
            assertThat(lease.float64("x").get(99)).isEqualTo(99.0);
            assertThat(loaded.isClosed()).isFalse();
            lease.close();
            assertThat(loaded.isClosed()).isTrue();
            assertThat(NativeMemory.bytesInUse()).isEqualTo(start);
            assertThat(cache.getIfPresent(key("nomem", "1"))).isEmpty();
            assertThat(cache.stats().memoryEntries()).isZero();
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void invalidateRemovesFromBothTiersWhileLeasesStayValid() {
        CacheKey one = key("inv/one", "1");
        CacheKey two = key("inv/two", "1");
        try (ArrowTieredCache cache = open(1 << 20, 1 << 20)) {
            Table lease = cache.getOrLoad(one, () -> doubles(10, 5));
            cache.getOrLoad(two, () -> doubles(10, 6)).close();

            cache.invalidate(one);
            assertThat(Files.exists(dir.resolve(one.id() + ".arrow"))).isFalse();
            assertThat(cache.getIfPresent(one)).isEmpty();
            assertThat(lease.float64("x").get(0)).isEqualTo(5.0);
            lease.close();

            cache.invalidateAll();
            CacheStats s = cache.stats();
            assertThat(s.memoryEntries()).isZero();
            assertThat(s.memoryBytes()).isZero();
            assertThat(s.diskEntries()).isZero();
            assertThat(s.memoryEvictions()).isZero();
        }
    }

    @Test
    void noLeakAfterClosingEverything() {
        long bytes = NativeMemory.bytesInUse();
        long regions = NativeMemory.regionsInUse();
        List<Table> leases = new ArrayList<>();
        ArrowTieredCache cache = open(1 << 16, 1 << 20);
        for (int i = 0; i < 20; i++) {
            int seed = i;
            leases.add(cache.getOrLoad(key("leak/" + i, "1"), () -> sample(300, seed)));
            leases.add(cache.getIfPresent(key("leak/" + i / 2, "1")).orElseThrow());
        }
        assertThat(cache.stats().memoryEvictions()).isPositive();
        assertThat(NativeMemory.bytesInUse()).isGreaterThan(bytes);
        cache.close();
        cache.close();
        // leases outlive the cache
        for (Table t : leases) {
            assertThat(t.rowCount()).isEqualTo(300);
            assertThat(t.float64("close").get(0)).isNotNaN();
        }
        assertThat(cache.arrowBytesInUse()).isZero();
        leases.forEach(Table::close);
        assertThat(NativeMemory.bytesInUse()).isEqualTo(bytes);
        assertThat(NativeMemory.regionsInUse()).isEqualTo(regions);
        assertThatThrownBy(() -> cache.getIfPresent(key("leak/0", "1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void theBuilderCollectsSettings() {
        CacheSettings s = TieredCache.builder().directory(dir).memoryBytes(1).diskBytes(2)
                .compression(Compression.ZSTD).settings();
        assertThat(s).isEqualTo(new CacheSettings(dir, 1, 2, Compression.ZSTD));
        assertThat(TieredCache.builder().settings()).isEqualTo(CacheSettings.defaults());
        assertThatThrownBy(() -> TieredCache.builder().memoryBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        try (Cache cache = TieredCache.create(s.withDirectory(dir.resolve("nested/deeper")))) {
            assertThat(Files.isDirectory(dir.resolve("nested/deeper"))).isTrue();
            assertThat(cache.toString()).contains("deeper").contains("ZSTD");
        }
    }

    @Test
    void anUnusableDirectoryIsReportedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> TieredCache.builder().directory(file).build())
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining(file.toString());
    }

    @Test
    void aLoadersTableIsOwnedByTheCache() {
        Table loaded;
        try (ArrowTieredCache cache = open(1 << 20, 1 << 20)) {
            Table[] box = new Table[1];
            cache.getOrLoad(key("own", "1"), () -> box[0] = doubles(5, 0)).close();
            loaded = box[0];
            assertThat(loaded.isClosed()).as("kept as the memory entry").isFalse();
            Optional<Table> again = cache.getIfPresent(key("own", "1"));
            assertThat(again).isPresent();
            again.get().close();
        }
        assertThat(loaded.isClosed()).as("closed with the cache").isTrue();
    }
}
