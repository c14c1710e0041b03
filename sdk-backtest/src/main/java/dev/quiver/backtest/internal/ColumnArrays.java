package dev.quiver.backtest.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Column segments as primitive arrays for the hot loops: the backing array itself when the segment is a writable
 * view of a whole heap array (no copy), otherwise one bulk copy. Plain array reads in a loop compile to single loads;
 * a segment read per value also pays the segment's bounds, liveness and layout checks.
 *
 * <p>An array this returns may be the column's own storage: callers only read it.
 *
 * <p>Thread-safety: stateless.
 */
public final class ColumnArrays {
    private ColumnArrays() {
    }

    /** The first {@code n} doubles of a segment; the result may be longer than {@code n}. */
    public static double[] doubles(MemorySegment segment, int n) {
        if (segment.address() == 0 && segment.heapBase().orElse(null) instanceof double[] array
                && array.length >= n && segment.byteSize() >= (long) n * Double.BYTES) {
            return array;
        }
        double[] copy = new double[n];
        MemorySegment.copy(segment, ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, copy, 0, n);
        return copy;
    }

    /** The first {@code n} longs of a segment, as an array of exactly {@code n} values. */
    public static long[] longs(MemorySegment segment, int n) {
        if (segment.address() == 0 && segment.heapBase().orElse(null) instanceof long[] array
                && array.length == n) {
            return array;
        }
        long[] copy = new long[n];
        MemorySegment.copy(segment, ValueLayout.JAVA_LONG_UNALIGNED, 0, copy, 0, n);
        return copy;
    }
}
