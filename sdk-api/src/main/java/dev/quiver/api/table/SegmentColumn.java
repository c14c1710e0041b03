package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * What every column type shares: a name and one segment of fixed-width values, checked once on construction.
 *
 * <p>Thread-safety: immutable.
 */
abstract sealed class SegmentColumn implements Column permits Float64Column, Int64Column, Int32Column, StringColumn {
    private final String name;
    private final MemorySegment data;
    private final int size;

    SegmentColumn(String name, MemorySegment data, ColumnType type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be blank");
        }
        long bytes = data.byteSize();
        if (bytes % type.byteWidth() != 0) {
            throw new IllegalArgumentException("column '" + name + "': segment of " + bytes
                    + " bytes is not a whole number of " + type + " values");
        }
        long count = bytes / type.byteWidth();
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("column '" + name + "': " + count + " values exceed the limit of "
                    + Integer.MAX_VALUE + " rows per table");
        }
        this.name = name;
        this.data = data;
        this.size = (int) count;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final MemorySegment data() {
        return data;
    }

    /** The bytes of rows {@code [from, to)}. */
    final MemorySegment sliceData(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        long width = type().byteWidth();
        return data.asSlice(from * width, (to - from) * width);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + size + " rows]";
    }
}
