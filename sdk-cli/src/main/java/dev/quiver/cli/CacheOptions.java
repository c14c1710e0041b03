package dev.quiver.cli;

import dev.quiver.api.cache.CacheSettings;
import dev.quiver.api.cache.Compression;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The cache flags shared by every command that uses the cache ({@code --cache-dir}, {@code --cache-memory},
 * {@code --cache-disk}, {@code --cache-compression}), as a picocli mixin. Unset flags keep
 * {@link CacheSettings#defaults()}.
 *
 * <p>Thread-safety: a mixin serves one invocation on one thread.
 */
final class CacheOptions {

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache directory (default: ${QUIVER_CACHE_DIR:-$XDG_CACHE_HOME/quiver or ~/.cache/quiver}).")
    private Path directory;

    @Option(names = "--cache-memory", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Memory tier bound, e.g. 512m or 2g; 0 disables the tier (default: 1g).")
    private Long memoryBytes;

    @Option(names = "--cache-disk", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Disk tier bound, e.g. 10g; 0 disables the tier (default: 10g).")
    private Long diskBytes;

    @Option(names = "--cache-compression", paramLabel = "CODEC", converter = CompressionConverter.class,
            description = "Compression of new disk entries: none (read without copying), lz4 or zstd "
                    + "(default: none).")
    private Compression compression;

    /** Creates the mixin; picocli fills its fields. */
    CacheOptions() {
    }

    /** The settings these flags describe, over {@link CacheSettings#defaults()}. */
    CacheSettings settings() {
        CacheSettings s = CacheSettings.defaults();
        if (directory != null) {
            s = s.withDirectory(directory);
        }
        if (memoryBytes != null) {
            s = s.withMemoryBytes(memoryBytes);
        }
        if (diskBytes != null) {
            s = s.withDiskBytes(diskBytes);
        }
        if (compression != null) {
            s = s.withCompression(compression);
        }
        return s;
    }

    /**
     * Parses a byte size: a whole number with an optional binary suffix {@code k}, {@code m}, {@code g} or {@code t}
     * (case-insensitive, an optional trailing {@code b}): {@code 512m} is 512 MiB.
     *
     * @throws IllegalArgumentException naming the text if it is not such a size or overflows
     */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("b") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                case 't' -> shift = 40;
                default -> shift = -1;
            }
            if (shift >= 0) {
                t = t.substring(0, t.length() - 1);
            } else {
                shift = 0;
            }
        }
        try {
            long n = Long.parseLong(t);
            if (n < 0 || (shift > 0 && n > (Long.MAX_VALUE >> shift))) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a byte size (expected e.g. 0, 4096, 512m, 2g)");
        }
    }

    /** picocli's bridge to {@link #parseBytes}. */
    static final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return parseBytes(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Accepts {@code none}, {@code lz4} and {@code zstd} in any case. */
    static final class CompressionConverter implements CommandLine.ITypeConverter<Compression> {
        @Override
        public Compression convert(String value) {
            try {
                return Compression.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a compression (expected none, lz4 or zstd)");
            }
        }
    }
}
