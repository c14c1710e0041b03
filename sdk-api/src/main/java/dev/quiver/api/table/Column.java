package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;

/**
 * One named, typed column of a {@link Table}: a flat {@link MemorySegment} of {@link #size()} values in native byte
 * order, on the heap or off it. A column never owns its memory: the table (or whatever built it) does, and a column
 * read after its memory was released throws {@link IllegalStateException}.
 *
 * <p>Columns are immutable in fact: {@link #data()} is a {@linkplain MemorySegment#isReadOnly() read-only} view, so
 * code handed a column (a kernel given its inputs, a plugin) that tries to write to it fails at once (the
 * JDK throws {@link IllegalArgumentException}: "Attempt to write a read-only segment") instead of corrupting a table
 * others share. Whoever builds a column writes
 * its memory before wrapping it ({@link TableBuilder#allocate}).
 *
 * <p>Thread-safety: columns are read-only views and safe to read from many threads at once.
 */
public sealed interface Column permits SegmentColumn {

    /** The column name. */
    String name();

    /** The physical type. */
    ColumnType type();

    /** The logical type: what the values mean ({@link LogicalType}), stored in {@link #type()}. */
    LogicalType logicalType();

    /** The number of values. */
    int size();

    /** Whether the value at a row is missing (see the package documentation for each type's marker). */
    boolean isMissing(int row);

    /**
     * The values as one read-only segment of {@code size() * type().byteWidth()} bytes. For {@code STRING} these
     * are the dictionary codes.
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
        return new Field(name(), type(), logicalType());
    }

    /** This column under another name, sharing its memory. */
    Column renamed(String newName);

    /**
     * This column with another logical type of the same physical type, sharing its memory. The values are not
     * checked against the logical type's range.
     *
     * @throws IllegalArgumentException if {@code logical} is not stored in {@link #type()}
     */
    Column withLogicalType(LogicalType logical);

    /**
     * The value at a row rendered as text, as Quiver writes it into CSV files: missing values as the empty string,
     * numbers as the shortest text that reads back as the same value, dates as {@code YYYY-MM-DD}, timestamps as ISO
     * instants, booleans as {@code true}/{@code false}.
     */
    String format(int row);
}
