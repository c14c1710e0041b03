package dev.quiver.cache;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.cache.Compression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Builds Quiver's tiered {@link Cache}: tables in memory (bounded by bytes of column data) over Arrow IPC files on
 * disk (bounded by bytes of files, least recently used evicted first), each table loaded once per key however many
 * threads ask for it.
 *
 * <pre>{@code
 * try (Cache cache = TieredCache.builder()
 *         .directory(Path.of("/var/cache/quiver"))
 *         .memoryBytes(4L << 30)
 *         .diskBytes(100L << 30)
 *         .build();
 *      Table prices = cache.getOrLoad(CacheKey.of("prices/aapl", fingerprint), () -> readPrices())) {
 *     ...
 * }
 * }</pre>
 *
 * <p>What the cache guarantees is the {@link Cache} contract: every returned table is a lease to close; a disk file
 * that is damaged, cut short or filed under another fingerprint is logged, deleted and recomputed, never returned;
 * a loader that fails is not remembered. A bound of 0 disables its tier. Several caches (and processes) may share a
 * directory: files are replaced by atomic renames.
 *
 * <p>Thread-safety: the caches built are safe for concurrent use. A {@link Builder} is not thread-safe.
 */
public final class TieredCache {

    private TieredCache() {
    }

    /**
     * A builder starting from {@link CacheSettings#defaults()}: the user's cache directory, 1 GiB in memory, 10 GiB on
     * disk, no compression.
     */
    public static Builder builder() {
        return new Builder(CacheSettings.defaults());
    }

    /**
     * A cache with these settings; the same as {@code builder().settings(settings).build()}.
     *
     * @throws java.io.UncheckedIOException if the disk tier is enabled and its directory cannot be created or listed
     * @throws UnsupportedOperationException if the compression's codec does not work on this platform
     * @throws NullPointerException if {@code settings} is null
     */
    public static Cache create(CacheSettings settings) {
        return new ArrowTieredCache(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * The counters of every cache that has used {@code directory}, summed over processes and restarts (each cache
     * adds its own when closed), with the files and bytes the directory holds now. The memory fields are 0: memory
     * belongs to processes, not to the directory.
     *
     * @throws java.io.UncheckedIOException naming the directory if it cannot be read
     * @throws NullPointerException if {@code directory} is null
     */
    public static CacheStats directoryStats(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            return DirectoryStatistics.snapshot(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cache directory " + directory + ": " + e, e);
        }
    }

    /**
     * Deletes every entry in {@code directory} and resets its summed counters; returns how many entries it deleted.
     * Safe while other processes use the directory: entries are unlinked, never truncated, so a reader keeps the file
     * it has mapped, and a writer's temporary file is left alone, so its rename still publishes a whole entry.
     * Temporary files of writers that died more than ten minutes ago are removed too.
     *
     * @throws java.io.UncheckedIOException naming the directory if it cannot be read
     * @throws NullPointerException if {@code directory} is null
     */
    public static int clear(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = ArrowIpcDiskTier.deleteAll(directory);
        try {
            DirectoryStatistics.reset(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the counters in " + directory + ": " + e, e);
        }
        return deleted;
    }

    /**
     * Collects the settings of a tiered cache.
     *
     * <p>Thread-safety: not thread-safe; build on one thread.
     */
    public static final class Builder {
        private CacheSettings settings;

        private Builder(CacheSettings settings) {
            this.settings = settings;
        }

        /** Replaces every setting at once (an application's configured {@link CacheSettings}). */
        public Builder settings(CacheSettings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /** The disk tier's directory, created if missing. */
        public Builder directory(Path directory) {
            this.settings = settings.withDirectory(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /**
         * The memory tier's bound in bytes of column data; 0 disables the tier.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder memoryBytes(long bytes) {
            this.settings = settings.withMemoryBytes(bytes);
            return this;
        }

        /**
         * The disk tier's bound in bytes of files; 0 disables the tier.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder diskBytes(long bytes) {
            this.settings = settings.withDiskBytes(bytes);
            return this;
        }

        /** The compression of files written from now on; files of any compression are read. */
        public Builder compression(Compression compression) {
            this.settings = settings.withCompression(Objects.requireNonNull(compression, "compression"));
            return this;
        }

        /** The settings collected so far. */
        public CacheSettings settings() {
            return settings;
        }

        /**
         * A new cache; close it when done.
         *
         * @throws java.io.UncheckedIOException if the disk tier is enabled and its directory cannot be created or
         *     listed
         * @throws UnsupportedOperationException if the compression's codec does not work on this platform
         */
        public Cache build() {
            return create(settings);
        }
    }
}
