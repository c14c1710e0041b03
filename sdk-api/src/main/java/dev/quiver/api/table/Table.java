package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An immutable set of equally long, uniquely named {@link Column columns}.
 *
 * <p>A table may own memory: one built off-heap by a {@link TableBuilder} owns the {@link java.lang.foreign.Arena}
 * its columns live in, one read by a cache may own a memory-mapped file. {@link #close()} releases it, after which
 * reading a column throws {@link IllegalStateException} rather than returning garbage. Tables over heap arrays own
 * nothing and closing them only marks them closed. Always close a table you were given unless its documentation says
 * otherwise; closing twice is harmless.
 *
 * <p>Thread-safety: reading is safe from many threads at once. {@link #close()} must not race with readers: close a
 * table only once every reader is done with it (the cache's reference counting does this for shared tables).
 */
public final class Table implements AutoCloseable {
    private static final AutoCloseable NOTHING = () -> { };

    private final Schema schema;
    private final List<Column> columns;
    private final int rowCount;
    private final AutoCloseable owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Table(List<Column> columns, AutoCloseable owned) {
        this.columns = List.copyOf(columns);
        List<Field> fields = new ArrayList<>(this.columns.size());
        int rows = -1;
        String firstName = null;
        for (Column c : this.columns) {
            fields.add(c.field());
            if (rows < 0) {
                rows = c.size();
                firstName = c.name();
            } else if (c.size() != rows) {
                throw new IllegalArgumentException("mismatched column lengths: column '" + c.name() + "' has "
                        + c.size() + " rows but column '" + firstName + "' has " + rows);
            }
        }
        this.schema = Schema.of(fields);
        this.rowCount = Math.max(rows, 0);
        this.owned = Objects.requireNonNull(owned, "owned");
    }

    /**
     * A table of these columns that owns no memory.
     *
     * @throws IllegalArgumentException if the columns differ in length or two share a name
     */
    public static Table of(List<? extends Column> columns) {
        return new Table(List.copyOf(columns), NOTHING);
    }

    /**
     * A table of these columns that owns no memory.
     *
     * @throws IllegalArgumentException if the columns differ in length or two share a name
     */
    public static Table of(Column... columns) {
        return of(List.of(columns));
    }

    /**
     * A table of these columns that releases {@code owned} when closed (an arena, a mapped file, a reference count).
     * If the columns are invalid, {@code owned} is closed before the exception is thrown, so nothing leaks.
     *
     * @throws IllegalArgumentException if the columns differ in length or two share a name
     */
    public static Table owning(List<? extends Column> columns, AutoCloseable owned) {
        try {
            return new Table(List.copyOf(columns), owned);
        } catch (RuntimeException e) {
            closeQuietly(owned, e);
            throw e;
        }
    }

    /**
     * One off-heap table holding the rows of {@code batches} in order, which the caller owns; the batches are not
     * closed. String columns get one dictionary, in order of first appearance.
     *
     * @throws IllegalArgumentException if a batch's schema differs from {@code schema}, or the rows exceed
     *     {@link Integer#MAX_VALUE}
     */
    public static Table concat(Schema schema, List<Table> batches) {
        long total = 0;
        for (Table b : batches) {
            if (!b.schema().equals(schema)) {
                throw new IllegalArgumentException("batch schema " + b.schema() + " differs from " + schema);
            }
            total += b.rowCount();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(total + " rows exceed the limit of " + Integer.MAX_VALUE
                    + " rows per table; read them batch by batch");
        }
        int rows = (int) total;
        try (TableBuilder builder = TableBuilder.offHeap()) {
            for (int c = 0; c < schema.size(); c++) {
                Field field = schema.field(c);
                if (field.type() == ColumnType.STRING) {
                    concatStrings(builder, field, batches, c, rows);
                } else {
                    MemorySegment dst = builder.allocate(field, rows);
                    long at = 0;
                    for (Table b : batches) {
                        MemorySegment src = b.column(c).data();
                        MemorySegment.copy(src, 0, dst, at, src.byteSize());
                        at += src.byteSize();
                    }
                }
            }
            return builder.build();
        }
    }

    private static void concatStrings(TableBuilder builder, Field field, List<Table> batches, int c, int rows) {
        Map<String, Integer> index = new HashMap<>();
        List<String> dictionary = new ArrayList<>();
        int[] codes = new int[rows];
        int at = 0;
        for (Table b : batches) {
            StringColumn s = (StringColumn) b.column(c);
            List<String> local = s.dictionary();
            int[] remap = new int[local.size()];
            for (int i = 0; i < remap.length; i++) {
                remap[i] = index.computeIfAbsent(local.get(i), k -> {
                    dictionary.add(k);
                    return dictionary.size() - 1;
                });
            }
            for (int r = 0; r < s.size(); r++) {
                int code = s.code(r);
                codes[at++] = code == StringColumn.MISSING_CODE ? code : remap[code];
            }
        }
        builder.stringCodes(field.name(), codes, dictionary);
    }

    /** The schema. */
    public Schema schema() {
        return schema;
    }

    /** The columns in schema order. */
    public List<Column> columns() {
        return columns;
    }

    /** The number of columns. */
    public int columnCount() {
        return columns.size();
    }

    /** The number of rows. */
    public int rowCount() {
        return rowCount;
    }

    /** The column at a position. */
    public Column column(int position) {
        return columns.get(position);
    }

    /**
     * The named column.
     *
     * @throws IllegalArgumentException naming the missing column and listing those that exist
     */
    public Column column(String name) {
        return columns.get(schema.requirePosition(name));
    }

    /**
     * The named {@code FLOAT64} column.
     *
     * @throws IllegalArgumentException if it is missing or of another type
     */
    public Float64Column float64(String name) {
        return typed(name, Float64Column.class, ColumnType.FLOAT64);
    }

    /**
     * The named {@code INT64} column.
     *
     * @throws IllegalArgumentException if it is missing or of another type
     */
    public Int64Column int64(String name) {
        return typed(name, Int64Column.class, ColumnType.INT64);
    }

    /**
     * The named {@code INT32} column.
     *
     * @throws IllegalArgumentException if it is missing or of another type
     */
    public Int32Column int32(String name) {
        return typed(name, Int32Column.class, ColumnType.INT32);
    }

    /**
     * The named {@code STRING} column.
     *
     * @throws IllegalArgumentException if it is missing or of another type
     */
    public StringColumn string(String name) {
        return typed(name, StringColumn.class, ColumnType.STRING);
    }

    private <C extends Column> C typed(String name, Class<C> type, ColumnType expected) {
        Column c = column(name);
        if (!type.isInstance(c)) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type() + ", expected " + expected);
        }
        return type.cast(c);
    }

    /**
     * A view of rows {@code [from, to)} sharing this table's memory. The view owns nothing: keep this table open while
     * the view is in use.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, rowCount()]}
     */
    public Table slice(int from, int to) {
        Objects.checkFromToIndex(from, to, rowCount);
        List<Column> sliced = new ArrayList<>(columns.size());
        for (Column c : columns) {
            sliced.add(c.slice(from, to));
        }
        return new Table(sliced, NOTHING);
    }

    /**
     * A view of the named columns, in the order given, sharing this table's memory and owning nothing.
     *
     * @throws IllegalArgumentException if a name is missing
     */
    public Table select(List<String> names) {
        List<Column> chosen = new ArrayList<>(names.size());
        for (String n : names) {
            chosen.add(column(n));
        }
        return new Table(chosen, NOTHING);
    }

    /**
     * A view of the named columns, in the order given, sharing this table's memory and owning nothing.
     *
     * @throws IllegalArgumentException if a name is missing
     */
    public Table select(String... names) {
        return select(List.of(names));
    }

    /**
     * A view of these same columns whose {@link #close()} runs {@code release} once instead of releasing this
     * table's memory. A cache hands out such views, each holding one reference to a shared table.
     */
    public Table view(AutoCloseable release) {
        return new Table(columns, release);
    }

    /** Whether {@link #close()} has been called on this table. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Releases the memory this table owns, once; later calls do nothing.
     *
     * @throws IllegalStateException if releasing failed
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                owned.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("failed to release table memory: " + e.getMessage(), e);
            }
        }
    }

    private static void closeQuietly(AutoCloseable owned, RuntimeException cause) {
        try {
            owned.close();
        } catch (Exception suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    @Override
    public String toString() {
        return "Table[" + rowCount + " rows, " + schema + "]";
    }
}
