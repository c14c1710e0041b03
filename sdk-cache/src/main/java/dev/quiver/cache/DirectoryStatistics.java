package dev.quiver.cache;

import dev.quiver.api.cache.CacheStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The counters of every cache that has used a directory, summed across processes and restarts, kept in
 * {@value #FILE} beside the entries. A cache adds what it counted when it is closed; {@code quiver cache stats}
 * reads the sum. Updates take an exclusive lock on {@value #LOCK} (an OS file lock, so processes exclude each other;
 * a JVM-wide monitor, because one JVM cannot hold two locks on one file) and replace the file by an atomic rename.
 *
 * <p>Thread-safety: safe for concurrent use by threads and processes.
 */
final class DirectoryStatistics {
    static final String FILE = "quiver-cache-stats.properties";
    static final String LOCK = "quiver-cache.lock";
    private static final Object JVM_LOCK = new Object();
    private static final String[] NAMES = {"memoryHits", "diskHits", "misses", "loadFailures", "totalLoadNanos",
        "memoryEvictions", "diskEvictions", "corruptEntries"};

    private DirectoryStatistics() {
    }

    /** Adds these counts to the directory's sums. */
    static void add(Path directory, long[] counts) throws IOException {
        synchronized (JVM_LOCK) {
            try (FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockChannel.lock()) {
                long[] sums = read(directory);
                for (int i = 0; i < NAMES.length; i++) {
                    sums[i] += counts[i];
                }
                Properties p = new Properties();
                for (int i = 0; i < NAMES.length; i++) {
                    p.setProperty(NAMES[i], Long.toString(sums[i]));
                }
                Path temp = Files.createTempFile(directory, FILE + ".", ".tmp");
                try {
                    try (OutputStream out = Files.newOutputStream(temp)) {
                        p.store(out, "Quiver cache counters, summed over every process that used this directory");
                    }
                    Files.move(temp, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /** Resets the sums (after the directory was cleared). */
    static void reset(Path directory) throws IOException {
        synchronized (JVM_LOCK) {
            try (FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockChannel.lock()) {
                Files.deleteIfExists(directory.resolve(FILE));
            }
        }
    }

    /** The directory's sums with its current usage; the memory fields are 0 (no process's memory is meant). */
    static CacheStats snapshot(Path directory) throws IOException {
        long[] s = read(directory);
        ArrowIpcDiskTier.Usage usage = ArrowIpcDiskTier.usage(directory);
        return new CacheStats(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], 0, usage.bytes(), 0, usage.files());
    }

    /** The counts of a cache's counters, in the order of the file's fields. */
    static long[] counts(CacheCounters c) {
        return new long[] {c.memoryHits.sum(), c.diskHits.sum(), c.misses.sum(), c.loadFailures.sum(),
            c.totalLoadNanos.sum(), c.memoryEvictions.sum(), c.diskEvictions.sum(), c.corruptEntries.sum()};
    }

    private static long[] read(Path directory) throws IOException {
        long[] sums = new long[NAMES.length];
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(FILE))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return sums;
        }
        for (int i = 0; i < NAMES.length; i++) {
            try {
                sums[i] = Long.parseLong(p.getProperty(NAMES[i], "0").trim());
            } catch (NumberFormatException e) {
                sums[i] = 0; // a hand-edited or damaged file only loses history, never an entry
            }
        }
        return sums;
    }
}
