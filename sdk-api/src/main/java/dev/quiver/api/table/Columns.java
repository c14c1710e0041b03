package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/** Checks shared by the column implementations. */
final class Columns {
    private Columns() {
    }

    static int checkedSize(String name, MemorySegment data, ColumnType type) {
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
        return (int) count;
    }

    static MemorySegment slice(String name, MemorySegment data, ColumnType type, int size, int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return data.asSlice((long) from * type.byteWidth(), (long) (to - from) * type.byteWidth());
    }
}
