package dev.quiver.api.feature;

import java.lang.foreign.MemorySegment;

/**
 * Off-heap host memory lent for the duration of a computation and given back when done, so that a pool can hand
 * the same, already touched, pages to the next computation instead of mapping and zeroing fresh ones.
 *
 * <p>Thread-safety: implementations are safe to use from any thread; one {@link Lease} is closed once, by its
 * holder.
 */
public interface ScratchMemory {

    /**
     * Lends at least {@code bytes} bytes, 8-byte aligned. The contents are undefined (an earlier computation's
     * values): the borrower writes before it reads.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    Lease lend(long bytes);

    /**
     * One loan: a segment of exactly the requested size, valid until {@link #close()}.
     *
     * <p>Thread-safety: the segment may be used from any thread; close once, after the last use.
     */
    interface Lease extends AutoCloseable {
        /** The lent memory, exactly the requested number of bytes. */
        MemorySegment segment();

        /** Gives the memory back; the segment must not be used afterwards. Later calls do nothing. */
        @Override
        void close();
    }
}
