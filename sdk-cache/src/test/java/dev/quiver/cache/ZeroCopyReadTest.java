package dev.quiver.cache;

import static dev.quiver.cache.TestTables.assertSameContent;
import static dev.quiver.cache.TestTables.key;
import static dev.quiver.cache.TestTables.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.Compression;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A disk hit on an uncompressed file maps it and hands out slices of the mapping; nothing is copied or leaked. */
@ExtendWith(NativeMemoryLeakCheck.class)
class ZeroCopyReadTest {

    @TempDir
    Path dir;

    private ArrowTieredCache open(long memoryBytes, Compression compression) {
        return (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(memoryBytes).diskBytes(1L << 30)
                .compression(compression).build();
    }

    private void store(CacheKey key, int rows, Compression compression) {
        try (ArrowTieredCache cache = open(0, compression)) {
            cache.getOrLoad(key, () -> sample(rows, 1)).close();
        }
    }

    @Test
    void aDiskHitMapsTheFileAndAllocatesNothing() {
        CacheKey key = key("zero-copy/hit", "1");
        store(key, 10_000, Compression.NONE);
        long mappings = ArrowTieredCache.openMappings();
        try (ArrowTieredCache cache = open(1 << 24, Compression.NONE); Table expected = sample(10_000, 1)) {
            long bytes = NativeMemory.bytesInUse();
            try (Table t = cache.getIfPresent(key).orElseThrow()) {
                assertThat(NativeMemory.bytesInUse()).as("off-heap bytes allocated by a disk hit").isEqualTo(bytes);
                assertThat(cache.arrowBytesInUse()).as("Arrow memory allocated by a disk hit").isZero();
                for (Column c : t.columns()) {
                    assertThat(c.data().isMapped()).as("column '%s' is a slice of the mapping", c.name()).isTrue();
                    assertThat(c.data().isNative()).isTrue();
                }
                assertSameContent(t, expected);
                assertThat(ArrowTieredCache.openMappings()).isEqualTo(mappings + 1);
            }
            // the memory tier still holds the mapped table
            assertThat(ArrowTieredCache.openMappings()).isEqualTo(mappings + 1);
            assertThat(cache.stats().diskHits()).isEqualTo(1);
        }
        assertThat(ArrowTieredCache.openMappings()).as("mappings left after closing the cache").isEqualTo(mappings);
    }

    @Test
    void theLastLeaseUnmapsTheFileAfterEviction() {
        CacheKey key = key("zero-copy/evicted", "1");
        store(key, 1_000, Compression.NONE);
        long mappings = ArrowTieredCache.openMappings();
        try (ArrowTieredCache cache = open(1 << 24, Compression.NONE)) {
            Table lease = cache.getIfPresent(key).orElseThrow();
            Float64Column close = lease.float64("close");
            cache.invalidate(key);
            // evicted from memory and deleted from disk, yet the lease reads the unlinked file's pages
            assertThat(close.get(1)).isEqualTo(1.25);
            assertThat(ArrowTieredCache.openMappings()).isEqualTo(mappings + 1);
            lease.close();
            assertThat(ArrowTieredCache.openMappings()).isEqualTo(mappings);
            assertThatThrownBy(() -> close.get(1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void compressedFilesAreDecompressedIntoAccountedMemory() {
        CacheKey key = key("zero-copy/lz4", "1");
        store(key, 2_000, Compression.LZ4);
        long mappings = ArrowTieredCache.openMappings();
        try (ArrowTieredCache cache = open(0, Compression.NONE); Table expected = sample(2_000, 1)) {
            long bytes = NativeMemory.bytesInUse();
            Table t = cache.getIfPresent(key).orElseThrow();
            assertSameContent(t, expected);
            assertThat(t.column("close").data().isMapped()).isFalse();
            assertThat(NativeMemory.bytesInUse()).isGreaterThanOrEqualTo(bytes + 2_000L * Double.BYTES);
            assertThat(ArrowTieredCache.openMappings()).isEqualTo(mappings);
            t.close();
            assertThat(NativeMemory.bytesInUse()).isEqualTo(bytes);
        }
    }

    @Test
    void aFileIsChecksummedOncePerCacheAndAgainWhenReplaced() {
        CacheKey key = key("zero-copy/verify", "1");
        store(key, 1_000, Compression.NONE);
        try (ArrowTieredCache reader = open(0, Compression.NONE)) {
            reader.getIfPresent(key).orElseThrow().close();
            reader.getIfPresent(key).orElseThrow().close();
            assertThat(reader.verifiedFiles()).isEqualTo(1);
            // another writer replaces the file: a new file, so checksummed again
            try (ArrowTieredCache writer = open(0, Compression.NONE)) {
                writer.invalidate(key);
                writer.getOrLoad(key, () -> sample(1_000, 1)).close();
            }
            try (Table t = reader.getIfPresent(key).orElseThrow(); Table expected = sample(1_000, 1)) {
                assertSameContent(t, expected);
            }
            assertThat(reader.verifiedFiles()).isEqualTo(2);
            assertThat(reader.stats().diskHits()).isEqualTo(3);
        }
        // a new cache checksums the file again before trusting it
        try (ArrowTieredCache fresh = open(0, Compression.NONE)) {
            fresh.getIfPresent(key).orElseThrow().close();
            assertThat(fresh.verifiedFiles()).isEqualTo(1);
        }
    }

    @Test
    void aDamagedByteIsCaughtOnTheFirstReadOfEachCache() {
        CacheKey key = key("zero-copy/damaged", "1");
        store(key, 5_000, Compression.NONE);
        Path file = dir.resolve(key.id() + ".arrow");
        DiskIntegrityTest.flip(file, DiskIntegrityTest.size(file) / 3);
        try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
             ArrowTieredCache cache = open(0, Compression.NONE)) {
            assertThat(cache.getIfPresent(key)).isEmpty();
            assertThat(cache.stats().corruptEntries()).isEqualTo(1);
            assertThat(log.messages()).singleElement().asString().contains("CRC-32C").contains(file.toString());
        }
    }
}
