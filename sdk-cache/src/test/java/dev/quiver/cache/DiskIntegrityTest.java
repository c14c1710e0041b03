package dev.quiver.cache;

import static dev.quiver.cache.TestTables.assertSameContent;
import static dev.quiver.cache.TestTables.key;
import static dev.quiver.cache.TestTables.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.cache.Compression;
import dev.quiver.api.table.Table;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Disk files are plain Arrow IPC files; a damaged one is detected, logged, removed and recomputed, never returned. */
@ExtendWith(NativeMemoryLeakCheck.class)
class DiskIntegrityTest {

    @TempDir
    Path dir;

    /** Ways to damage a file, each applied to a file of 20,000 rows. */
    enum Damage {
        TRUNCATED_TO_HALF(file -> truncate(file, size(file) / 2)),
        TRUNCATED_BY_ONE_BYTE(file -> truncate(file, size(file) - 1)),
        EMPTY(file -> truncate(file, 0)),
        BYTE_FLIPPED_IN_THE_MIDDLE(file -> flip(file, size(file) / 2)),
        NOT_ARROW(file -> write(file, "date,close\n2024-01-02,185.6\n"));

        final Consumer<Path> apply;

        Damage(Consumer<Path> apply) {
            this.apply = apply;
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedFileIsDetectedRemovedAndRecomputed(Damage damage) throws IOException {
        CacheKey key = key("damaged/file", damage.name());
        Path file = dir.resolve(key.id() + ".arrow");
        try (ArrowTieredCache cache = open()) {
            cache.getOrLoad(key, () -> sample(20_000, 1)).close();
        }
        damage.apply.accept(file);

        AtomicInteger loads = new AtomicInteger();
        try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
             ArrowTieredCache cache = open();
             Table expected = sample(20_000, 1)) {
            try (Table t = cache.getOrLoad(key, () -> {
                loads.incrementAndGet();
                // the damaged file is already gone when the loader runs
                assertThat(file).doesNotExist();
                return sample(20_000, 1);
            })) {
                assertSameContent(t, expected);
            }
            assertThat(loads).hasValue(1);
            CacheStats s = cache.stats();
            assertThat(s.corruptEntries()).isEqualTo(1);
            assertThat(s.diskHits()).isZero();
            assertThat(s.misses()).isEqualTo(1);
            assertThat(cache.arrowBytesInUse()).isZero();
            assertThat(log.messages()).singleElement().asString()
                    .startsWith("WARNING").contains(file.toString()).doesNotContain("\n");
        }
        // the recomputed entry was written back whole
        try (ArrowTieredCache cache = open(); Table expected = sample(20_000, 1);
             Table t = cache.getIfPresent(key).orElseThrow()) {
            assertSameContent(t, expected);
            assertThat(cache.stats().corruptEntries()).isZero();
        }
    }

    @Test
    void getIfPresentOnADamagedFileFindsNothing() throws IOException {
        CacheKey key = key("damaged/peek", "1");
        try (ArrowTieredCache cache = open()) {
            cache.getOrLoad(key, () -> sample(1_000, 1)).close();
        }
        Path file = dir.resolve(key.id() + ".arrow");
        flip(file, size(file) / 2);
        try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
             ArrowTieredCache cache = open()) {
            assertThat(cache.getIfPresent(key)).isEmpty();
            assertThat(file).doesNotExist();
            assertThat(cache.stats().corruptEntries()).isEqualTo(1);
            assertThat(log.records).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void theFileIsAnArrowIpcFileOtherReadersUnderstand(Compression compression) throws IOException {
        CacheKey key = key("interop/file", compression.name());
        try (ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(0)
                .diskBytes(1 << 24).compression(compression).build()) {
            cache.getOrLoad(key, () -> sample(50, 2)).close();
        }
        Path file = dir.resolve(key.id() + ".arrow");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
        assertThat(new String(bytes, bytes.length - 6, 6, StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");

        try (BufferAllocator allocator = new RootAllocator();
             FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(in, allocator, CommonsCompressionFactory.INSTANCE)) {
            Map<String, String> metadata = reader.getVectorSchemaRoot().getSchema().getCustomMetadata();
            assertThat(metadata).containsEntry("quiver.fingerprint", key.fingerprint().hex())
                    .containsEntry("quiver.rows", "50").containsEntry("quiver.key", "interop/file")
                    .containsKey("quiver.crc32c");
            assertThat(reader.getMetaData()).containsKeys("quiver.file.crc32c", "quiver.file.covered");
            Field symbol = reader.getVectorSchemaRoot().getSchema().findField("symbol");
            assertThat(symbol.getDictionary()).isNotNull();
            assertThat(reader.getVectorSchemaRoot().getSchema().findField("close").getType())
                    .isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(reader.getVectorSchemaRoot().getRowCount()).isEqualTo(50);
            // a missing string is an Arrow null, so other readers see it as one
            assertThat(reader.getVectorSchemaRoot().getVector("symbol").isNull(1)).isTrue();
            assertThat(reader.getVectorSchemaRoot().getVector("symbol").isNull(0)).isFalse();
        }
    }

    @Test
    void aDirectoryDeletedWhileTheCacheIsOpenIsRecreatedOnTheNextWrite() throws IOException {
        Path cacheDir = dir.resolve("vanishing");
        try (ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(cacheDir).memoryBytes(0)
                .diskBytes(1 << 20).build()) {
            cache.getOrLoad(key("gone/a", "1"), () -> sample(10, 1)).close();
            try (var files = Files.list(cacheDir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(cacheDir);
            assertThat(cache.stats().diskEntries()).isZero();
            try (Table t = cache.getOrLoad(key("gone/a", "1"), () -> sample(10, 1))) {
                assertThat(t.rowCount()).isEqualTo(10);
            }
            assertThat(cacheDir.resolve(key("gone/a", "1").id() + ".arrow")).exists();
            assertThat(cache.stats().misses()).isEqualTo(2);
        }
    }

    @Test
    void staleTemporaryFilesOfCrashedWritersAreRemovedOnOpen() throws IOException {
        Path stale = Files.writeString(dir.resolve("prices~x-0123456789abcdef.12345.tmp"), "half a file");
        Path fresh = Files.writeString(dir.resolve("prices~y-0123456789abcdef.67890.tmp"), "a write in progress");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                - 3_600_000));
        try (ArrowTieredCache cache = open()) {
            assertThat(stale).doesNotExist();
            assertThat(fresh).exists();
            assertThat(cache.stats().diskEntries()).isZero();
        }
    }

    private ArrowTieredCache open() {
        return (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(1 << 24).diskBytes(1 << 26).build();
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void truncate(Path file, long size) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void flip(Path file, long offset) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x5A)).rewind();
            ch.write(b, offset);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
