package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;

/**
 * One named, typed column of a {@link Table}: a flat {@link MemorySegment} of {@link #size()} values in native byte
 * order, on the heap or off it. A column never owns its memory: the table (or whatever built it) does, and a column
 * read after its memory was released throws {@link IllegalStateException}.
 *
 * <p>Thread-safety: columns are read-only views and safe to read from many threads at once.
 */
public sealed interface Column permits SegmentColumn {

    /** The column name. */
    String name();

    /** The physical type. */
    ColumnType type();

    /** The number of values. */
    int size();

    /** Whether the value at a row is missing (see the package documentation for each type's marker). */
    boolean isMissing(int row);

    /**
     * The values as one segment of {@code size() * type().byteWidth()} bytes. For {@code STRING} these are the
     * dictionary codes. Treat it as read-only.
     */
    MemorySegment data();

    /**
     * A view of rows {@code [from, to)} that shares this column's memory.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, size()]}
     */
    Column slice(int from, int to);

    /** The field describing this column. */
    default Field field() {
        return new Field(name(), type());
    }

    /** This column under another name, sharing its memory. */
    Column renamed(String newName);

    /** The value at a row rendered as text; missing values render as the empty string. */
    String format(int row);
}
