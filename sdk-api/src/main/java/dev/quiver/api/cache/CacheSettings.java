package dev.quiver.api.cache;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How to build a {@link Cache}: its directory, byte bounds per tier and compression.
 *
 * <p>Thread-safety: immutable.
 *
 * @param directory the disk tier's directory, created if missing
 * @param memoryBytes the memory tier's bound in bytes of table data; 0 disables the tier
 * @param diskBytes the disk tier's bound in bytes of files; 0 disables the tier
 * @param compression the disk tier's compression
 */
public record CacheSettings(Path directory, long memoryBytes, long diskBytes, Compression compression) {

    /** The default memory bound: 1 GiB. */
    public static final long DEFAULT_MEMORY_BYTES = 1L << 30;
    /** The default disk bound: 10 GiB. */
    public static final long DEFAULT_DISK_BYTES = 10L << 30;

    /** @throws IllegalArgumentException if a bound is negative */
    public CacheSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(compression, "compression");
        if (memoryBytes < 0 || diskBytes < 0) {
            throw new IllegalArgumentException("cache bounds must be >= 0, not memory " + memoryBytes + ", disk "
                    + diskBytes);
        }
    }

    /**
     * The defaults: the {@link #defaultDirectory() default directory}, 1 GiB in memory, 10 GiB on disk, no
     * compression.
     */
    public static CacheSettings defaults() {
        return new CacheSettings(defaultDirectory(), DEFAULT_MEMORY_BYTES, DEFAULT_DISK_BYTES, Compression.NONE);
    }

    /**
     * The user's cache home: {@code $QUIVER_CACHE_DIR} if set, else {@code $XDG_CACHE_HOME/quiver}, else
     * {@code ~/.cache/quiver} (on Windows {@code %LOCALAPPDATA%\quiver\cache}).
     */
    public static Path defaultDirectory() {
        String explicit = System.getenv("QUIVER_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "quiver");
        }
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Path.of(local, "quiver", "cache");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "quiver");
    }

    /** These settings with another directory. */
    public CacheSettings withDirectory(Path dir) {
        return new CacheSettings(dir, memoryBytes, diskBytes, compression);
    }

    /** These settings with another memory bound. */
    public CacheSettings withMemoryBytes(long bytes) {
        return new CacheSettings(directory, bytes, diskBytes, compression);
    }

    /** These settings with another disk bound. */
    public CacheSettings withDiskBytes(long bytes) {
        return new CacheSettings(directory, memoryBytes, bytes, compression);
    }

    /** These settings with another compression. */
    public CacheSettings withCompression(Compression c) {
        return new CacheSettings(directory, memoryBytes, diskBytes, c);
    }
}
