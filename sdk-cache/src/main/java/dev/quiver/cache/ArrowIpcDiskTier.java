package dev.quiver.cache;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.table.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The disk tier: one Arrow IPC file per key in one directory, bounded in bytes, evicting the least recently used
 * files first.
 *
 * <p>Writes go to a temporary file in the same directory, are forced to the device and renamed into place
 * atomically, so readers (in this process or another sharing the directory) see a whole file or none. Recency is the
 * file's last-access time, set from the JVM's clock on every write and disk hit, and on memory hits at most once
 * per {@link #TOUCH_INTERVAL_NANOS} per entry (a system call on every hit would cost more than the hit): the file
 * system's own timestamps can be as coarse as a scheduler tick, too coarse to order files written in quick
 * succession. Because it lives in the file system, recency survives restarts and is shared by every process using the
 * directory. After each rename the directory itself is forced to the device, so a published entry survives a power
 * loss along with its bytes. The last-modified time is left as the write set it: it is part of how the codec
 * recognises a file it has already verified, so a file changed in place is verified again.
 *
 * <p>Processes sharing the directory never write to a file another may read: each writer has its own uniquely named
 * temporary file, and a published file is only ever replaced by a rename or unlinked, never modified or truncated,
 * so a reader that mapped it keeps a consistent view (POSIX keeps an unlinked file's pages alive while mapped).
 *
 * <p>A file that fails verification is logged (one warning naming the file and the fault), deleted and reported as
 * absent, so the caller recomputes it.
 *
 * <p>Thread-safety: safe for concurrent use. The bound is enforced under a lock after each write; concurrent readers
 * of a file being evicted keep reading the unlinked file on POSIX systems.
 */
final class ArrowIpcDiskTier {
    private static final System.Logger LOG = System.getLogger(ArrowIpcDiskTier.class.getName());
    static final String SUFFIX = ".arrow";
    private static final String TEMP_SUFFIX = ".tmp";
    /** A live writer finishes in seconds; older temporary files were left by a process that died mid-write. */
    static final Duration STALE_TEMP_AGE = Duration.ofMinutes(10);
    /** Memory hits refresh a file's recency at most this often; LRU order finer than a second buys nothing. */
    static final long TOUCH_INTERVAL_NANOS = 1_000_000_000L;

    private final Path directory;
    private final long maxBytes;
    private final ArrowTableCodec codec;
    private final CacheCounters counters;
    private final Object evictionLock = new Object();

    /**
     * A tier over {@code directory}, creating it if missing and removing temporary files left by crashed writers.
     *
     * @throws UncheckedIOException naming the directory if it cannot be created or listed
     */
    ArrowIpcDiskTier(Path directory, long maxBytes, ArrowTableCodec codec, CacheCounters counters) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.codec = codec;
        this.counters = counters;
        try {
            Files.createDirectories(directory);
            removeStaleTempFiles(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use cache directory " + directory + ": " + e, e);
        }
    }

    /** The file holding a key. {@link CacheKey#id()} is restricted to file-name-safe characters without "..". */
    Path fileOf(CacheKey key) {
        return directory.resolve(key.id() + SUFFIX);
    }

    /**
     * The key's table if a verified file holds it, as an off-heap table the caller owns; null if there is none or it
     * was damaged (then it is deleted and counted).
     */
    Table read(CacheKey key) {
        Path file = fileOf(key);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            Table table = codec.read(file, key);
            touch(file);
            return table;
        } catch (NoSuchFileException e) {
            return null; // evicted or invalidated since the existence check
        } catch (CorruptEntryException e) {
            discard(file, e.getMessage());
        } catch (IOException e) {
            discard(file, "unreadable (" + e + ")");
        }
        return null;
    }

    /**
     * Stores a table under a key, replacing any file there, then enforces the bound. A failure is logged and leaves
     * no file behind: the table is still served from memory, only not persisted.
     */
    void write(CacheKey key, Table table) {
        Path target = fileOf(key);
        long estimate = dataBytes(table);
        if (estimate > maxBytes) {
            LOG.log(System.Logger.Level.WARNING, "cache: " + key + " has " + estimate + " bytes of data, more than the"
                    + " disk bound of " + maxBytes + " bytes; it is kept in memory only");
            return;
        }
        Path temp = null;
        try {
            temp = createTempFile(key);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                codec.write(table, key, out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            syncDirectory();
            touch(target);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cache: could not write " + target + " (" + oneLine(e.toString())
                    + "); the entry stays in memory only");
            return;
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
        enforceBound();
    }

    private Path createTempFile(CacheKey key) throws IOException {
        try {
            return Files.createTempFile(directory, key.id() + ".", TEMP_SUFFIX);
        } catch (NoSuchFileException e) {
            // someone cleared the cache by deleting its directory while it was open
            Files.createDirectories(directory);
            return Files.createTempFile(directory, key.id() + ".", TEMP_SUFFIX);
        }
    }

    /** Refreshes the recency of the key's file (a memory hit); nothing if it is gone. */
    void touch(CacheKey key) {
        touch(fileOf(key));
    }

    /** The directory this tier keeps its files in. */
    Path directory() {
        return directory;
    }

    /** Files this tier's codec has checksummed whole; for tests. */
    int verifiedFiles() {
        return codec.verifiedFiles();
    }

    /**
     * Forces the directory entry of a rename to the device. Where a directory cannot be opened (Windows), the rename
     * is still atomic, only its durability across a power loss is the file system's.
     */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not supported here; see above
        }
    }

    private static long dataBytes(Table table) {
        long sum = 0;
        for (var c : table.columns()) {
            sum += c.data().byteSize();
        }
        return sum;
    }

    /** Deletes the key's file if there is one. */
    void delete(CacheKey key) {
        deleteQuietly(fileOf(key));
    }

    /**
     * Deletes every cache file in the directory and the temporary files of writers that died; returns how many
     * entries it deleted. Unlinking is safe while other processes read (their mappings stay valid) or write (their
     * temporary files are left alone, and their rename publishes a whole file afterwards).
     */
    int deleteAll() {
        return deleteAll(directory);
    }

    /** What {@link #deleteAll()} does, for a directory no cache has open here. */
    static int deleteAll(Path directory) {
        int deleted = 0;
        for (FileInfo f : scan(directory)) {
            try {
                if (Files.deleteIfExists(f.path())) {
                    deleted++;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cache: could not delete " + f.path() + " ("
                        + oneLine(e.toString()) + ")");
            }
        }
        try {
            removeStaleTempFiles(directory);
        } catch (NoSuchFileException e) {
            // nothing there
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cache: could not list " + directory + " (" + oneLine(e.toString())
                    + ")");
        }
        return deleted;
    }

    /**
     * Bytes and count of the cache files now in the directory.
     *
     * @throws UncheckedIOException naming the directory if it cannot be listed
     */
    Usage usage() {
        return usage(directory);
    }

    /** What {@link #usage()} says, for a directory no cache has open here. */
    static Usage usage(Path directory) {
        long bytes = 0;
        long files = 0;
        for (FileInfo f : scan(directory)) {
            bytes += f.size();
            files++;
        }
        return new Usage(bytes, files);
    }

    /** What the directory holds. */
    record Usage(long bytes, long files) {
    }

    private void enforceBound() {
        synchronized (evictionLock) {
            List<FileInfo> files;
            try {
                files = scan();
            } catch (UncheckedIOException e) {
                LOG.log(System.Logger.Level.WARNING, "cache: could not enforce the disk bound ("
                        + oneLine(e.getMessage()) + ")");
                return;
            }
            long total = 0;
            for (FileInfo f : files) {
                total += f.size();
            }
            if (total <= maxBytes) {
                return;
            }
            files.sort(Comparator.comparing(FileInfo::lastUsed).thenComparing(FileInfo::path));
            for (FileInfo f : files) {
                if (total <= maxBytes) {
                    break;
                }
                try {
                    if (Files.deleteIfExists(f.path())) {
                        counters.diskEvictions.increment();
                        LOG.log(System.Logger.Level.DEBUG, "cache: evicted " + f.path().getFileName() + " ("
                                + f.size() + " bytes, last used " + f.lastUsed() + ") to keep the disk tier within "
                                + maxBytes + " bytes");
                    }
                    total -= f.size();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cache: could not evict " + f.path() + " ("
                            + oneLine(e.toString()) + ")");
                }
            }
        }
    }

    private List<FileInfo> scan() {
        return scan(directory);
    }

    private static List<FileInfo> scan(Path directory) {
        List<FileInfo> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path p : stream) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        files.add(new FileInfo(p, a.size(), a.lastAccessTime()));
                    }
                } catch (NoSuchFileException e) {
                    // deleted while listing
                }
            }
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return files; // deleted or replaced from outside: it holds no entries
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list cache directory " + directory + ": " + e, e);
        }
        return files;
    }

    private static void removeStaleTempFiles(Path directory) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_TEMP_AGE));
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + TEMP_SUFFIX)) {
            for (Path p : stream) {
                try {
                    if (Files.getLastModifiedTime(p).compareTo(cutoff) < 0) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // another process removed or holds it; not ours to fight over
                }
            }
        }
    }

    private void discard(Path file, String what) {
        counters.corruptEntries.increment();
        LOG.log(System.Logger.Level.WARNING, "cache: discarding damaged file " + file + ": " + oneLine(what)
                + "; the entry will be recomputed");
        deleteQuietly(file);
    }

    /** Log records here are one line each, whatever a library put in its exception message. */
    private static String oneLine(String text) {
        return String.valueOf(text).replace('\n', ' ').replace('\r', ' ');
    }

    /** Sets the file's last-access time (its recency); its last-modified time stays the one the write left. */
    private static void touch(Path file) {
        try {
            Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(null, FileTime.from(Instant.now()),
                    null);
        } catch (IOException e) {
            // evicted meanwhile: recency no longer matters
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cache: could not delete " + file + " (" + oneLine(e.toString())
                    + ")");
        }
    }

    private record FileInfo(Path path, long size, FileTime lastUsed) {
    }
}
