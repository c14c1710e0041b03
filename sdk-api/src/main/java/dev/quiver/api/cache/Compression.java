package dev.quiver.api.cache;

/**
 * Compression of the disk tier's files.
 *
 * <p>Thread-safety: immutable.
 */
public enum Compression {
    /** No compression: the fastest to read and write. The default. */
    NONE,
    /** LZ4 frames: fast to decompress, smaller files; each read decompresses into memory. */
    LZ4,
    /** Zstandard: slower than LZ4, usually smaller files; each read decompresses into memory. */
    ZSTD
}
