package dev.quiver.cache;

import static dev.quiver.cache.TestTables.assertSameContent;
import static dev.quiver.cache.TestTables.key;
import static dev.quiver.cache.TestTables.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.Compression;
import dev.quiver.api.table.Table;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The codec never returns a table that differs from what was written, whichever single byte of the file is damaged. */
@ExtendWith(NativeMemoryLeakCheck.class)
class ArrowTableCodecTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everySingleByteFlipIsDetectedOrHarmless(Compression compression) throws IOException {
        CacheKey key = key("codec/flips", compression.name());
        Path file = dir.resolve("entry.arrow");
        Path damaged = dir.resolve("damaged.arrow");
        int detected = 0;
        int harmless = 0;
        try (BufferAllocator allocator = new RootAllocator(); Table original = sample(40, 5)) {
            ArrowTableCodec codec = new ArrowTableCodec(allocator, compression);
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                codec.write(original, key, out);
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
            try (Table read = codec.read(file, key)) {
                assertSameContent(read, original);
            } catch (CorruptEntryException e) {
                throw new AssertionError(e);
            }

            byte[] bytes = Files.readAllBytes(file);
            for (int offset = 0; offset < bytes.length; offset++) {
                byte[] copy = bytes.clone();
                copy[offset] ^= (byte) 0xFF;
                Files.write(damaged, copy);
                try (Table read = codec.read(damaged, key)) {
                    assertSameContent(read, original);
                    harmless++;
                } catch (CorruptEntryException | IOException e) {
                    detected++;
                } catch (AssertionError e) {
                    throw new AssertionError("flipping byte " + offset + " of " + bytes.length
                            + " changed the table without being detected", e);
                }
                assertThat(allocator.getAllocatedMemory()).as("Arrow memory after flipping byte %d", offset).isZero();
            }
            // most of the file is data and metadata that a read depends on
            assertThat(detected).isGreaterThan(bytes.length / 2);
            assertThat(detected + harmless).isEqualTo(bytes.length);
        }
    }
}
