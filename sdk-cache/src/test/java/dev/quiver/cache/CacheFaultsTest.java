package dev.quiver.cache;

import static dev.quiver.cache.TestTables.assertSameContent;
import static dev.quiver.cache.TestTables.key;
import static dev.quiver.cache.TestTables.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Table;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk tier under faults from outside the cache: files written into in place, files cut short while a table
 * maps them, a file system that runs out of space. Nothing wrong is ever returned and nothing acknowledged is lost.
 * (Crashes of the writing process and processes sharing a directory are {@link CrashSafetyIT}'s.)
 */
@ExtendWith(NativeMemoryLeakCheck.class)
class CacheFaultsTest {
    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    /** A cache whose memory tier holds nothing, so every read goes to the file. */
    private ArrowTieredCache diskOnly(Path directory, long diskBytes) {
        return (ArrowTieredCache) TieredCache.builder().directory(directory).memoryBytes(1).diskBytes(diskBytes)
                .build();
    }

    @Test
    void aFileWrittenIntoInPlaceAfterItWasVerifiedIsVerifiedAgainAndDiscarded() throws IOException {
        CacheKey key = key("faults/in-place", "1");
        Path file = dir.resolve(key.id() + ".arrow");
        try (ArrowTieredCache cache = diskOnly(dir, 1 << 26); Table expected = sample(ROWS, 1)) {
            cache.getOrLoad(key, () -> sample(ROWS, 1)).close();
            try (Table t = cache.getIfPresent(key).orElseThrow()) {
                assertSameContent(t, expected); // verified once: later reads recognise the file
            }
            assertThat(cache.stats().diskHits()).isEqualTo(1);

            // another program writes one byte into the data, keeping the length, the nonce and the footer
            DiskIntegrityTest.flip(file, Files.size(file) / 2);

            try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class)) {
                assertThat(cache.getIfPresent(key)).isEmpty();
                assertThat(log.messages()).singleElement().asString().contains(file.toString(), "CRC-32C");
            }
            assertThat(file).doesNotExist();
            assertThat(cache.stats().corruptEntries()).isEqualTo(1);
            try (Table t = cache.getOrLoad(key, () -> sample(ROWS, 1))) {
                assertSameContent(t, expected);
            }
        }
    }

    @Test
    void theCacheKeepsRecencyInTheAccessTimeAndLeavesTheModificationTimeAlone() throws IOException {
        CacheKey key = key("faults/times", "1");
        Path file = dir.resolve(key.id() + ".arrow");
        try (ArrowTieredCache cache = diskOnly(dir, 1 << 26)) {
            cache.getOrLoad(key, () -> sample(1_000, 1)).close();
            FileTime written = Files.getLastModifiedTime(file);
            Files.setAttribute(file, "lastAccessTime", FileTime.fromMillis(0));
            cache.getIfPresent(key).orElseThrow().close(); // a disk hit refreshes the recency
            FileTime accessed = (FileTime) Files.getAttribute(file, "lastAccessTime");
            assertThat(accessed.toMillis()).isGreaterThan(System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(1));
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        }
    }

    @Test
    void aFileCutShortWhileATableMapsItFailsLoudlyAndIsNeverReadAsOtherValues() throws IOException {
        CacheKey key = key("faults/truncated-while-mapped", "1");
        Path file = dir.resolve(key.id() + ".arrow");
        try (ArrowTieredCache cache = diskOnly(dir, 1 << 26)) {
            cache.getOrLoad(key, () -> sample(ROWS, 1)).close();
            try (Table t = cache.getIfPresent(key).orElseThrow()) {
                Float64Column close = (Float64Column) t.column("close");
                double first = close.get(0);
                // another program truncates the file in place (the cache itself only ever renames or unlinks)
                DiskIntegrityTest.truncate(file, 0);
                // the pages are gone: the JVM turns the bus error into an InternalError, it does not return a value
                assertThatThrownBy(() -> close.get(ROWS - 1)).isInstanceOf(InternalError.class);
                assertThat(first).isEqualTo(1.0);
            }
            try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class)) {
                assertThat(cache.getIfPresent(key)).isEmpty();
                assertThat(log.messages()).singleElement().asString().contains("too short");
            }
        }
    }

    /**
     * A real full disk: a 1 MiB tmpfs, a disk bound far above it. Entries are written until the file system is full;
     * every one is still served (from memory), no temporary file is left behind, every file that was published reads
     * back whole in a fresh cache, and once space is freed writes succeed again.
     */
    @Test
    void aFullFileSystemKeepsEntriesInMemoryLeavesNoTemporaryFilesAndLosesNothingPublished() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small-fs"));
        Assumptions.assumeTrue(mountTmpfs(mount, "1m"),
                "no tmpfs could be mounted here (needs root or a user namespace); the full-disk test is skipped");
        try {
            List<CacheKey> keys = new ArrayList<>();
            int failedWrites;
            try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
                 ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(mount)
                         .memoryBytes(1 << 26).diskBytes(1L << 30).build()) {
                for (int i = 0; i < 12; i++) { // ~190 KB each: the sixth or so no longer fits
                    CacheKey key = key("faults/full-disk", Integer.toString(i));
                    keys.add(key);
                    int seed = i;
                    try (Table t = cache.getOrLoad(key, () -> sample(ROWS / 2, seed));
                         Table expected = sample(ROWS / 2, seed)) {
                        assertSameContent(t, expected);
                    }
                }
                failedWrites = (int) log.messages().stream().filter(m -> m.contains("could not write")).count();
                assertThat(failedWrites).as("writes that met the full file system").isPositive();
                assertThat(log.messages()).allSatisfy(m -> assertThat(m).contains("stays in memory only"));
                assertThat(tempFiles(mount)).as("temporary files left by failed writes").isEmpty();
                for (int i = 0; i < keys.size(); i++) { // all still served, from memory
                    try (Table t = cache.getIfPresent(keys.get(i)).orElseThrow(); Table e = sample(ROWS / 2, i)) {
                        assertSameContent(t, e);
                    }
                }
            }
            int published = 0;
            try (ArrowTieredCache cache = diskOnly(mount, 1L << 30)) {
                for (int i = 0; i < keys.size(); i++) {
                    var found = cache.getIfPresent(keys.get(i));
                    if (found.isPresent()) {
                        published++;
                        try (Table t = found.get(); Table e = sample(ROWS / 2, i)) {
                            assertSameContent(t, e);
                        }
                    }
                }
                assertThat(cache.stats().corruptEntries()).isZero();
                assertThat(published + failedWrites).isEqualTo(keys.size());

                // free space, and the next write lands
                cache.invalidate(keys.get(0));
                cache.invalidate(keys.get(1));
                CacheKey later = key("faults/full-disk", "after");
                cache.getOrLoad(later, () -> sample(1_000, 99)).close();
                assertThat(mount.resolve(later.id() + ".arrow")).exists();
            }
        } finally {
            run("umount", mount.toString());
        }
    }

    private static List<Path> tempFiles(Path directory) throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static boolean mountTmpfs(Path at, String size) {
        return run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString());
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
