package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A column of 64-bit signed integers; {@link #MISSING} marks a missing value. Its logical type is
 * {@link LogicalType#INT64} (counts), {@link LogicalType#DATE} or {@link LogicalType#TIMESTAMP} (milliseconds since
 * the epoch, UTC: see {@link Timestamps}).
 *
 * <p>Thread-safety: a read-only view, safe to read from many threads at once.
 */
public final class Int64Column extends SegmentColumn {
    /** The marker of a missing value: {@code Long.MIN_VALUE}. */
    public static final long MISSING = Long.MIN_VALUE;

    private static final ValueLayout.OfLong LAYOUT = ValueLayout.JAVA_LONG;

    private Int64Column(String name, MemorySegment data, LogicalType logical) {
        super(name, data, ColumnType.INT64, logical);
    }

    /** A column over a segment of longs in native byte order, without copying. */
    public static Int64Column wrap(String name, MemorySegment data) {
        return new Int64Column(name, data, LogicalType.INT64);
    }

    /** A column over a heap array, without copying: the caller must not change the array afterwards. */
    public static Int64Column wrap(String name, long[] values) {
        return new Int64Column(name, MemorySegment.ofArray(values), LogicalType.INT64);
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
        return new Int64Column(name(), sliceData(from, to), logicalType());
    }

    @Override
    public Int64Column renamed(String newName) {
        return new Int64Column(newName, data(), logicalType());
    }

    @Override
    public Int64Column withLogicalType(LogicalType logical) {
        return new Int64Column(name(), data(), checkLogical(logical));
    }

    /** The value as text: empty if missing; a date as {@code YYYY-MM-DD}; a timestamp as {@link Timestamps#format}. */
    @Override
    public String format(int row) {
        long v = get(row);
        if (v == MISSING) {
            return "";
        }
        return switch (logicalType()) {
            case DATE -> Timestamps.toDate(v).toString();
            case TIMESTAMP -> Timestamps.format(v);
            default -> Long.toString(v);
        };
    }
}
