package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A column of 64-bit signed integers (timestamps, counts); {@link #MISSING} marks a missing value.
 *
 * <p>Thread-safety: a read-only view, safe to read from many threads at once.
 */
public final class Int64Column extends SegmentColumn {
    /** The marker of a missing value: {@code Long.MIN_VALUE}. */
    public static final long MISSING = Long.MIN_VALUE;

    private static final ValueLayout.OfLong LAYOUT = ValueLayout.JAVA_LONG;


    private Int64Column(String name, MemorySegment data) {
        super(name, data, ColumnType.INT64);
    }

    /** A column over a segment of longs in native byte order, without copying. */
    public static Int64Column wrap(String name, MemorySegment data) {
        return new Int64Column(name, data);
    }

    /** A column over a heap array, without copying: the caller must not change the array afterwards. */
    public static Int64Column wrap(String name, long[] values) {
        return new Int64Column(name, MemorySegment.ofArray(values));
    }


    @Override
    public ColumnType type() {
        return ColumnType.INT64;
    }


    /** The value at a row; {@link #MISSING} if missing. */
    public long get(int row) {
        return data().getAtIndex(LAYOUT, row);
    }

    @Override
    public boolean isMissing(int row) {
        return get(row) == MISSING;
    }


    /** A copy of the values on the heap. */
    public long[] toArray() {
        return data().toArray(LAYOUT);
    }

    @Override
    public Int64Column slice(int from, int to) {
        return new Int64Column(name(), sliceData(from, to));
    }

    @Override
    public Int64Column renamed(String newName) {
        return new Int64Column(newName, data());
    }

    @Override
    public String format(int row) {
        long v = get(row);
        return v == MISSING ? "" : Long.toString(v);
    }

}
