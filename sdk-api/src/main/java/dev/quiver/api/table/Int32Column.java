package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A column of 32-bit signed integers; {@link #MISSING} marks a missing value. Its logical type is
 * {@link LogicalType#INT32}, {@link LogicalType#INT16}, {@link LogicalType#INT8} or {@link LogicalType#BOOLEAN}
 * (0 or 1).
 *
 * <p>Thread-safety: a read-only view, safe to read from many threads at once.
 */
public final class Int32Column extends SegmentColumn {
    /** The marker of a missing value: {@code Integer.MIN_VALUE}. */
    public static final int MISSING = Integer.MIN_VALUE;

    private static final ValueLayout.OfInt LAYOUT = ValueLayout.JAVA_INT;

    private Int32Column(String name, MemorySegment data, LogicalType logical) {
        super(name, data, ColumnType.INT32, logical);
    }

    /** A column over a segment of ints in native byte order, without copying. */
    public static Int32Column wrap(String name, MemorySegment data) {
        return new Int32Column(name, data, LogicalType.INT32);
    }

    /** A column over a heap array, without copying: the caller must not change the array afterwards. */
    public static Int32Column wrap(String name, int[] values) {
        return new Int32Column(name, MemorySegment.ofArray(values), LogicalType.INT32);
    }

    @Override
    public ColumnType type() {
        return ColumnType.INT32;
    }

    /** The value at a row; {@link #MISSING} if missing. */
    public int get(int row) {
        return data().getAtIndex(LAYOUT, row);
    }

    @Override
    public boolean isMissing(int row) {
        return get(row) == MISSING;
    }

    /** A copy of the values on the heap. */
    public int[] toArray() {
        return data().toArray(LAYOUT);
    }

    @Override
    public Int32Column slice(int from, int to) {
        return new Int32Column(name(), sliceData(from, to), logicalType());
    }

    @Override
    public Int32Column renamed(String newName) {
        return new Int32Column(newName, data(), logicalType());
    }

    @Override
    public Int32Column withLogicalType(LogicalType logical) {
        return new Int32Column(name(), data(), checkLogical(logical));
    }

    /** The value as text: empty if missing; a boolean as {@code true} (any non-zero value) or {@code false}. */
    @Override
    public String format(int row) {
        int v = get(row);
        if (v == MISSING) {
            return "";
        }
        return logicalType() == LogicalType.BOOLEAN ? Boolean.toString(v != 0) : Integer.toString(v);
    }
}
