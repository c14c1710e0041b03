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
    private final LogicalType logical;

    SegmentColumn(String name, MemorySegment data, ColumnType type, LogicalType logical) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(logical, "logical");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be blank");
        }
        if (logical.physical() != type) {
            throw new IllegalArgumentException("column '" + name + "': logical type " + logical + " is stored as "
                    + logical.physical() + ", not " + type);
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
        // one read-only view, made once: reads cost the same, and nobody handed the column can write through it
        this.data = data.isReadOnly() ? data : data.asReadOnly();
        this.size = (int) count;
        this.logical = logical;
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

    @Override
    public final LogicalType logicalType() {
        return logical;
    }

    /** @throws IllegalArgumentException if {@code other} is not stored in this column's physical type */
    final LogicalType checkLogical(LogicalType other) {
        Objects.requireNonNull(other, "logical");
        if (other.physical() != type()) {
            throw new IllegalArgumentException("column '" + name + "': logical type " + other + " is stored as "
                    + other.physical() + ", not " + type());
        }
        return other;
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
