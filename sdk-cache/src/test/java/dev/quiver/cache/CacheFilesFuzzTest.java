package dev.quiver.cache;

import static dev.quiver.cache.TestTables.assertSameContent;
import static dev.quiver.cache.TestTables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import dev.quiver.io.fuzzing.FileFuzzing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the cache's file reader with mutations of a file the cache wrote (sdk-io's {@link FileFuzzing}: bytes
 * flipped, inserted and deleted, the file cut short, stretches repeated) and with arbitrary bytes under an entry's
 * name. Every read either returns exactly the table that was written or finds nothing (the file is counted as
 * damaged and deleted), within seconds, with no exception, and leaves no native memory behind. A longer run:
 * {@code ./mvnw -pl sdk-cache test -Dtest=CacheFilesFuzzTest -Djqwik.tries.default=30000}.
 */
class CacheFilesFuzzTest {
    private static final CacheKey KEY = key("fuzz/entry", "1");
    private static Path dir;
    private static byte[] seed;

    @BeforeContainer
    static void writeSeed() throws IOException {
        dir = Files.createTempDirectory("quiver-cache-fuzz");
        try (ArrowTieredCache cache = open()) {
            cache.getOrLoad(KEY, () -> TestTables.sample(200, 3)).close();
        }
        seed = Files.readAllBytes(dir.resolve(KEY.id() + ArrowIpcDiskTier.SUFFIX));
    }

    @AfterContainer
    static void removeSeed() throws IOException {
        FileFuzzing.deleteFolder(dir);
    }

    private static ArrowTieredCache open() {
        return (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(1).diskBytes(1 << 26).build();
    }

    @Provide
    Arbitrary<List<FileFuzzing.Mutation>> mutations() {
        return FileFuzzing.mutations();
    }

    @Property
    void aMutatedCacheFileIsReturnedWholeOrNotAtAll(@ForAll("mutations") List<FileFuzzing.Mutation> mutations) {
        readWholeOrNothing(FileFuzzing.mutate(seed, mutations));
    }

    @Property
    void arbitraryBytesUnderAnEntrysNameAreNeverReturned(@ForAll byte[] bytes) {
        readWholeOrNothing(bytes);
    }

    private static void readWholeOrNothing(byte[] content) {
        long bytesBefore = NativeMemory.bytesInUse();
        long regionsBefore = NativeMemory.regionsInUse();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Files.write(dir.resolve(KEY.id() + ArrowIpcDiskTier.SUFFIX), content);
            try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
                 ArrowTieredCache cache = open()) {
                Optional<Table> found = cache.getIfPresent(KEY);
                if (found.isPresent()) {
                    try (Table t = found.get(); Table expected = TestTables.sample(200, 3)) {
                        assertSameContent(t, expected);
                    }
                    assertThat(cache.stats().corruptEntries()).isZero();
                } else {
                    assertThat(cache.stats().corruptEntries()).isEqualTo(1);
                    assertThat(log.messages()).singleElement().asString().contains("discarding damaged file");
                }
            }
        }, () -> "reading a mutated cache file of " + content.length + " bytes hung");
        assertThat(NativeMemory.bytesInUse()).as("off-heap bytes after the read").isEqualTo(bytesBefore);
        assertThat(NativeMemory.regionsInUse()).as("off-heap regions after the read").isEqualTo(regionsBefore);
    }
}
