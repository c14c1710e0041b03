package dev.quiver.api.cache;

/**
 * Compression of the disk tier's files.
 *
 * <p>Thread-safety: immutable.
 */
public enum Compression {
    /** None: the files are memory-mapped and read without copying. The default. */
    NONE,
    /** LZ4 frames: fast, about 2x smaller on price data; each read decompresses into memory. */
    LZ4,
    /** Zstandard: slower, smaller. Each read decompresses into memory. */
    ZSTD
}
