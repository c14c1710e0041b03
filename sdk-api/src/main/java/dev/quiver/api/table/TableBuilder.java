package dev.quiver.api.table;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Table} column by column, either on the heap or off it. Off-heap columns live in one shared
 * {@link Arena} that the built table owns and frees on {@link Table#close()}. Values given as arrays are copied, so
 * the caller may reuse them; {@link #allocate} hands out a segment to fill in place without a heap copy.
 *
 * <pre>{@code
 * try (TableBuilder b = TableBuilder.offHeap()) {
 *     b.int64("time", times).float64("close", closes);
 *     try (Table t = b.build()) { ... }
 * }
 * }</pre>
 *
 * <p>A builder that is closed without {@link #build()} frees what it allocated; after {@code build()} the table owns
 * the memory and closing the builder does nothing.
 *
 * <p>Thread-safety: not thread-safe; use one builder per thread.
 */
public final class TableBuilder implements AutoCloseable {
    private final Arena arena;
    private final NativeMemory.Handle tracking;
    private final List<Column> columns = new ArrayList<>();
    private boolean built;
    private boolean closed;

    private TableBuilder(boolean offHeap) {
        this.arena = offHeap ? Arena.ofShared() : null;
        this.tracking = offHeap ? NativeMemory.track(0) : null;
    }

    /** A builder whose columns are heap arrays; its tables own no native memory. */
    public static TableBuilder onHeap() {
        return new TableBuilder(false);
    }

    /** A builder whose columns live off-heap in one arena, owned by the built table. */
    public static TableBuilder offHeap() {
        return new TableBuilder(true);
    }

    /** Whether columns are allocated off-heap. */
    public boolean isOffHeap() {
        return arena != null;
    }

    /** Adds a {@code FLOAT64} column holding a copy of {@code values}. */
    public TableBuilder float64(String name, double[] values) {
        MemorySegment seg = allocate((long) values.length * Double.BYTES, Double.BYTES);
        if (seg == null) {
            return add(Float64Column.wrap(name, values.clone()));
        }
        MemorySegment.copy(values, 0, seg, ValueLayout.JAVA_DOUBLE, 0, values.length);
        return add(Float64Column.wrap(name, seg));
    }

    /** Adds an {@code INT64} column holding a copy of {@code values}. */
    public TableBuilder int64(String name, long[] values) {
        MemorySegment seg = allocate((long) values.length * Long.BYTES, Long.BYTES);
        if (seg == null) {
            return add(Int64Column.wrap(name, values.clone()));
        }
        MemorySegment.copy(values, 0, seg, ValueLayout.JAVA_LONG, 0, values.length);
        return add(Int64Column.wrap(name, seg));
    }

    /** Adds an {@code INT32} column holding a copy of {@code values}. */
    public TableBuilder int32(String name, int[] values) {
        MemorySegment seg = allocate((long) values.length * Integer.BYTES, Integer.BYTES);
        if (seg == null) {
            return add(Int32Column.wrap(name, values.clone()));
        }
        MemorySegment.copy(values, 0, seg, ValueLayout.JAVA_INT, 0, values.length);
        return add(Int32Column.wrap(name, seg));
    }

    /** Adds a {@code STRING} column, dictionary-encoding {@code values}; {@code null} entries are missing. */
    public TableBuilder string(String name, String[] values) {
        StringColumn encoded = StringColumn.encode(name, values);
        return stringCodes(name, encoded.data().toArray(ValueLayout.JAVA_INT), encoded.dictionary());
    }

    /**
     * Adds a {@code STRING} column from dictionary codes (copied) and the dictionary.
     *
     * @throws IllegalArgumentException if a code is outside the dictionary
     */
    public TableBuilder stringCodes(String name, int[] codes, List<String> dictionary) {
        MemorySegment seg = allocate((long) codes.length * Integer.BYTES, Integer.BYTES);
        if (seg == null) {
            return add(StringColumn.wrap(name, MemorySegment.ofArray(codes.clone()), dictionary));
        }
        MemorySegment.copy(codes, 0, seg, ValueLayout.JAVA_INT, 0, codes.length);
        return add(StringColumn.wrap(name, seg, dictionary));
    }

    /**
     * Adds a {@code FLOAT64} column of {@code rows} zero values and returns its segment, for the caller to fill in
     * place (a kernel's output, a parser's target).
     */
    public MemorySegment allocateFloat64(String name, int rows) {
        MemorySegment seg = allocate((long) rows * Double.BYTES, Double.BYTES);
        if (seg == null) {
            seg = MemorySegment.ofArray(new double[rows]);
        }
        add(Float64Column.wrap(name, seg));
        return seg;
    }

    /**
     * Adds a column of {@code rows} zero values of a numeric field ({@code FLOAT64}, {@code INT64} or {@code INT32}
     * physical type, any logical type stored in it) and returns its segment, writable, for the caller to fill in
     * place. The column handed to the table is a read-only view of the same memory.
     *
     * @throws IllegalArgumentException for a {@code STRING} field (add its codes with {@link #stringCodes})
     */
    public MemorySegment allocate(Field field, int rows) {
        if (field.type() == ColumnType.STRING) {
            throw new IllegalArgumentException("column '" + field.name() + "': a string column is added with "
                    + "stringCodes(name, codes, dictionary), not allocated");
        }
        long width = field.type().byteWidth();
        MemorySegment seg = allocate(rows * width, width);
        Column column = switch (field.type()) {
            case FLOAT64 -> Float64Column.wrap(field.name(), seg != null ? seg
                    : (seg = MemorySegment.ofArray(new double[rows])));
            case INT64 -> Int64Column.wrap(field.name(), seg != null ? seg
                    : (seg = MemorySegment.ofArray(new long[rows])));
            case INT32 -> Int32Column.wrap(field.name(), seg != null ? seg
                    : (seg = MemorySegment.ofArray(new int[rows])));
            case STRING -> throw new AssertionError("checked above");
        };
        add(column.withLogicalType(field.logical()));
        return seg;
    }

    /**
     * Allocates {@code bytes} of zeroed memory that the built table will own, without adding a column: for a caller
     * that fills memory first (a parser writing parts of a column in parallel) and then adds columns over slices of
     * it with {@link #add}. Off-heap for an off-heap builder; a heap array for an on-heap one.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative or the alignment is not 1, 2, 4 or 8
     */
    public MemorySegment allocateMemory(long bytes, long alignment) {
        if (bytes < 0 || alignment < 1 || alignment > Long.BYTES || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("cannot allocate " + bytes + " bytes aligned to " + alignment);
        }
        MemorySegment seg = allocate(bytes, alignment);
        if (seg == null) {
            seg = MemorySegment.ofArray(new long[(int) ((bytes + Long.BYTES - 1) / Long.BYTES)]).asSlice(0, bytes);
        }
        return seg;
    }

    /**
     * Adds an existing column without copying it. Its memory is not owned by the built table: keep its owner open
     * while the table is in use.
     */
    public TableBuilder add(Column column) {
        checkOpen();
        columns.add(column);
        return this;
    }

    /**
     * The table of the columns added so far. It owns this builder's off-heap memory.
     *
     * @throws IllegalArgumentException if the columns differ in length or two share a name (the memory is freed)
     * @throws IllegalStateException if already built or closed
     */
    public Table build() {
        checkOpen();
        built = true;
        if (arena == null) {
            return Table.of(columns);
        }
        return Table.owning(columns, this::release);
    }

    private MemorySegment allocate(long bytes, long alignment) {
        checkOpen();
        if (arena == null) {
            return null;
        }
        MemorySegment seg = arena.allocate(bytes, alignment);
        tracking.grow(bytes);
        return seg;
    }

    private void checkOpen() {
        if (built || closed) {
            throw new IllegalStateException("this builder has already " + (built ? "built its table" : "been closed"));
        }
    }

    private void release() {
        arena.close();
        tracking.release();
    }

    /** Frees the memory allocated so far unless {@link #build()} handed it to a table. */
    @Override
    public void close() {
        if (!built && !closed && arena != null) {
            release();
        }
        closed = true;
    }
}
