package dev.quiver.io;

import java.util.Locale;

/**
 * How the pages or record batches of a binary file are compressed. Parquet supports {@link #NONE}, {@link #SNAPPY}
 * (its default), {@link #ZSTD} and {@link #GZIP}; Arrow IPC supports {@link #NONE} (Quiver's default), {@link #LZ4}
 * (pyarrow's Feather default) and {@link #ZSTD}. CSV is never compressed.
 *
 * <p>Thread-safety: immutable.
 */
public enum FileCompression {
    /** No compression. */
    NONE,
    /** Snappy (Parquet): fast, modest ratio. */
    SNAPPY,
    /** Zstandard (Parquet, Arrow): a better ratio at some cost in speed. */
    ZSTD,
    /** LZ4 frames (Arrow). */
    LZ4,
    /** Gzip (Parquet): widely readable, slow. */
    GZIP;

    /**
     * The compression of a name, in any case ({@code none}, {@code snappy}, {@code zstd}, {@code lz4},
     * {@code gzip}; {@code uncompressed} for none).
     *
     * @throws IllegalArgumentException listing the names
     */
    public static FileCompression named(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("UNCOMPRESSED")) {
            return NONE;
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown compression '" + name + "'; the compressions are none, "
                    + "snappy, zstd, lz4, gzip", e);
        }
    }

    /** The lower-case name. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
