package dev.quiver.spark;

import dev.quiver.api.feature.ScratchMemory;
import java.lang.foreign.MemorySegment;

/**
 * The engine's column pool, lent in size classes: a loan of {@code bytes} borrows a block of the next class (at most
 * 12.5 % more) and hands out its first {@code bytes}. The pool reuses a block only for a loan of exactly its size,
 * and the partitions of a Spark job differ in size by a few percent: in classes, the columns one task gives back
 * serve the next tasks of the job (time-series and cross-sectional partitions alike), already mapped and touched,
 * instead of each task faulting in fresh memory.
 *
 * <p>Thread-safety: safe for concurrent use, as the pool is; each lease is closed once by its holder.
 */
final class SizeClassMemory implements ScratchMemory {
    /** Loans below this are rounded to whole 4 KiB pages only. */
    private static final long SMALL = 1 << 20;

    private final ScratchMemory pool;

    SizeClassMemory(ScratchMemory pool) {
        this.pool = pool;
    }

    /** The class of a loan: {@code bytes} rounded up to an eighth of its highest power of two (pages when small). */
    static long sizeClass(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a loan of " + bytes + " bytes");
        }
        long step = bytes < SMALL ? 4096 : Long.highestOneBit(bytes) >>> 3;
        return (bytes + step - 1) / step * step;
    }

    @Override
    public Lease lend(long bytes) {
        Lease block = pool.lend(sizeClass(bytes));
        MemorySegment segment = block.segment().asSlice(0, bytes);
        return new Lease() {
            @Override
            public MemorySegment segment() {
                return segment;
            }

            @Override
            public void close() {
                block.close();
            }
        };
    }
}
