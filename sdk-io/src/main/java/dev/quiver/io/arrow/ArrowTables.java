package dev.quiver.io.arrow;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The one bridge between Quiver tables and Arrow vectors: what the Arrow IPC files, the cache and the stores convert
 * through. Quiver's missing markers become Arrow nulls and back; fixed-width data are copied in bulk; strings are
 * dictionary-encoded as they are read, one {@code String} per distinct value.
 *
 * <h2>Types</h2>
 * <table>
 *   <caption>Quiver logical types and the Arrow types they are written as</caption>
 *   <tr><th>Quiver</th><th>Arrow written</th><th>Arrow read as it</th></tr>
 *   <tr><td>FLOAT64</td><td>Float64</td><td>Float64</td></tr>
 *   <tr><td>FLOAT32</td><td>Float32</td><td>Float32, Float16</td></tr>
 *   <tr><td>INT64</td><td>Int64</td><td>Int64, UInt32, UInt64 (a value above 2<sup>63</sup>-1 is an error)</td></tr>
 *   <tr><td>INT32</td><td>Int32</td><td>Int32, UInt16</td></tr>
 *   <tr><td>INT16</td><td>Int16</td><td>Int16, UInt8</td></tr>
 *   <tr><td>INT8</td><td>Int8</td><td>Int8</td></tr>
 *   <tr><td>BOOLEAN</td><td>Bool</td><td>Bool</td></tr>
 *   <tr><td>STRING</td><td>Utf8</td><td>Utf8, LargeUtf8, dictionary-encoded Utf8</td></tr>
 *   <tr><td>DATE</td><td>Date32 (days)</td><td>Date32, Date64</td></tr>
 *   <tr><td>TIMESTAMP</td><td>Timestamp(ms, "UTC")</td><td>Timestamp of any unit, with or without a time zone
 *       (as UTC); finer units are floored to milliseconds, with one warning if that dropped digits</td></tr>
 * </table>
 * Any other Arrow type (decimals, times, lists, structs, ...) is refused with {@link UnsupportedOperationException}
 * naming the column and its type.
 *
 * <p>Thread-safety: stateless; each call uses the allocator it is given.
 */
public final class ArrowTables {
    private static final System.Logger LOG = System.getLogger(ArrowTables.class.getName());
    private static final AtomicBoolean WARNED_PRECISION = new AtomicBoolean();
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** ByteBuffers address at most 2 GiB; bulk copies go through windows of this many bytes. */
    private static final int WINDOW = 1 << 30;

    private ArrowTables() {
    }

    // ------------------------------------------------------------------------------------------------- writing

    /** The Arrow field a Quiver field is written as (nullable). */
    public static Field arrowField(dev.quiver.api.table.Field field) {
        return new Field(field.name(), FieldType.nullable(arrowType(field.logical())), null);
    }

    /** The Arrow schema a Quiver schema is written as. */
    public static org.apache.arrow.vector.types.pojo.Schema arrowSchema(Schema schema) {
        List<Field> fields = new ArrayList<>(schema.size());
        for (dev.quiver.api.table.Field f : schema.fields()) {
            fields.add(arrowField(f));
        }
        return new org.apache.arrow.vector.types.pojo.Schema(fields);
    }

    private static ArrowType arrowType(LogicalType t) {
        return switch (t) {
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case FLOAT32 -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case INT64 -> new ArrowType.Int(64, true);
            case INT32 -> new ArrowType.Int(32, true);
            case INT16 -> new ArrowType.Int(16, true);
            case INT8 -> new ArrowType.Int(8, true);
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case STRING -> ArrowType.Utf8.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
        };
    }

    /**
     * A root of new vectors holding a copy of the table, missing values as nulls; the caller closes it.
     */
    public static VectorSchemaRoot toArrow(Table table, BufferAllocator allocator) {
        List<FieldVector> vectors = new ArrayList<>(table.columnCount());
        try {
            for (Column c : table.columns()) {
                vectors.add(toVector(c, allocator));
            }
            return new VectorSchemaRoot(vectors);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    /**
     * Fills {@code root} (whose schema is {@link #arrowSchema} of the table's) with a copy of the table, reusing its
     * vectors: what a writer does for each batch.
     *
     * @throws IllegalArgumentException if the root's field count differs
     */
    public static void fill(VectorSchemaRoot root, Table table) {
        if (root.getFieldVectors().size() != table.columnCount()) {
            throw new IllegalArgumentException("the root has " + root.getFieldVectors().size() + " vectors, the table "
                    + table.columnCount() + " columns");
        }
        for (int i = 0; i < table.columnCount(); i++) {
            FieldVector v = root.getVector(i);
            v.clear();
            copy(table.column(i), v);
        }
        root.setRowCount(table.rowCount());
    }

    /** A new vector holding a copy of the column, missing values as nulls; the caller closes it. */
    public static FieldVector toVector(Column column, BufferAllocator allocator) {
        FieldVector v = arrowField(column.field()).createVector(allocator);
        try {
            copy(column, v);
            return v;
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }

    private static void copy(Column column, FieldVector vector) {
        int n = column.size();
        switch (vector) {
            case Float8Vector v -> {
                Float64Column c = (Float64Column) column;
                v.allocateNew(n);
                bulk(c.data(), v.getDataBuffer());
                setValid(v, n);
                for (int r = 0; r < n; r++) {
                    if (Double.isNaN(c.get(r))) {
                        v.setNull(r);
                    }
                }
                v.setValueCount(n);
            }
            case Float4Vector v -> {
                Float64Column c = (Float64Column) column;
                v.allocateNew(n);
                for (int r = 0; r < n; r++) {
                    double x = c.get(r);
                    if (Double.isNaN(x)) {
                        v.setNull(r);
                    } else {
                        v.set(r, (float) x);
                    }
                }
                v.setValueCount(n);
            }
            case BigIntVector v -> {
                Int64Column c = (Int64Column) column;
                v.allocateNew(n);
                bulk(c.data(), v.getDataBuffer());
                setValid(v, n);
                for (int r = 0; r < n; r++) {
                    if (c.get(r) == Int64Column.MISSING) {
                        v.setNull(r);
                    }
                }
                v.setValueCount(n);
            }
            case TimeStampMilliTZVector v -> {
                Int64Column c = (Int64Column) column;
                v.allocateNew(n);
                bulk(c.data(), v.getDataBuffer());
                setValid(v, n);
                for (int r = 0; r < n; r++) {
                    if (c.get(r) == Int64Column.MISSING) {
                        v.setNull(r);
                    }
                }
                v.setValueCount(n);
            }
            case DateDayVector v -> {
                Int64Column c = (Int64Column) column;
                v.allocateNew(n);
                for (int r = 0; r < n; r++) {
                    long x = c.get(r);
                    if (x == Int64Column.MISSING) {
                        v.setNull(r);
                    } else {
                        v.set(r, Math.toIntExact(Math.floorDiv(x, MILLIS_PER_DAY)));
                    }
                }
                v.setValueCount(n);
            }
            case IntVector v -> {
                Int32Column c = (Int32Column) column;
                v.allocateNew(n);
                bulk(c.data(), v.getDataBuffer());
                setValid(v, n);
                for (int r = 0; r < n; r++) {
                    if (c.get(r) == Int32Column.MISSING) {
                        v.setNull(r);
                    }
                }
                v.setValueCount(n);
            }
            case SmallIntVector v -> {
                Int32Column c = (Int32Column) column;
                v.allocateNew(n);
                for (int r = 0; r < n; r++) {
                    int x = c.get(r);
                    if (x == Int32Column.MISSING) {
                        v.setNull(r);
                    } else {
                        v.set(r, (short) x);
                    }
                }
                v.setValueCount(n);
            }
            case TinyIntVector v -> {
                Int32Column c = (Int32Column) column;
                v.allocateNew(n);
                for (int r = 0; r < n; r++) {
                    int x = c.get(r);
                    if (x == Int32Column.MISSING) {
                        v.setNull(r);
                    } else {
                        v.set(r, (byte) x);
                    }
                }
                v.setValueCount(n);
            }
            case BitVector v -> {
                Int32Column c = (Int32Column) column;
                v.allocateNew(n);
                for (int r = 0; r < n; r++) {
                    int x = c.get(r);
                    if (x == Int32Column.MISSING) {
                        v.setNull(r);
                    } else {
                        v.set(r, x != 0 ? 1 : 0);
                    }
                }
                v.setValueCount(n);
            }
            case VarCharVector v -> {
                StringColumn c = (StringColumn) column;
                List<String> dictionary = c.dictionary();
                byte[][] utf8 = new byte[dictionary.size()][];
                long bytes = 0;
                for (int r = 0; r < n; r++) {
                    int code = c.code(r);
                    if (code != StringColumn.MISSING_CODE) {
                        if (utf8[code] == null) {
                            utf8[code] = dictionary.get(code).getBytes(StandardCharsets.UTF_8);
                        }
                        bytes += utf8[code].length;
                    }
                }
                v.allocateNew(Math.max(bytes, 1), n);
                for (int r = 0; r < n; r++) {
                    int code = c.code(r);
                    if (code == StringColumn.MISSING_CODE) {
                        v.setNull(r);
                    } else {
                        v.setSafe(r, utf8[code]);
                    }
                }
                v.setValueCount(n);
            }
            default -> throw new IllegalStateException("no conversion to " + vector.getClass().getSimpleName());
        }
    }

    private static void setValid(BaseFixedWidthVector v, int n) {
        if (n > 0) {
            v.getValidityBuffer().setOne(0L, BitVectorHelper.getValidityBufferSize(n));
        }
    }

    /** Copies a column's bytes into an Arrow buffer. */
    private static void bulk(MemorySegment src, ArrowBuf dst) {
        long length = src.byteSize();
        for (long offset = 0; offset < length; offset += WINDOW) {
            int n = (int) Math.min(WINDOW, length - offset);
            ByteBuffer window = dst.nioBuffer(offset, n);
            MemorySegment.copy(src, offset, MemorySegment.ofBuffer(window), 0, n);
        }
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * The Quiver field an Arrow field is read as.
     *
     * @throws UnsupportedOperationException naming the column and its type if Quiver cannot hold it
     */
    public static dev.quiver.api.table.Field quiverField(Field field) {
        return dev.quiver.api.table.Field.of(field.getName(), logicalType(field));
    }

    /**
     * The Quiver schema an Arrow schema is read as.
     *
     * @throws UnsupportedOperationException naming the first column whose type Quiver cannot hold
     */
    public static Schema quiverSchema(org.apache.arrow.vector.types.pojo.Schema schema) {
        List<dev.quiver.api.table.Field> fields = new ArrayList<>();
        for (Field f : schema.getFields()) {
            fields.add(quiverField(f));
        }
        return Schema.of(fields);
    }

    private static LogicalType logicalType(Field field) {
        if (field.getDictionary() != null) {
            return LogicalType.STRING; // dictionary values are checked when read
        }
        ArrowType t = field.getType();
        LogicalType logical = switch (t) {
            case ArrowType.FloatingPoint fp -> fp.getPrecision() == FloatingPointPrecision.DOUBLE
                    ? LogicalType.FLOAT64 : LogicalType.FLOAT32;
            case ArrowType.Int i when i.getIsSigned() -> switch (i.getBitWidth()) {
                case 8 -> LogicalType.INT8;
                case 16 -> LogicalType.INT16;
                case 32 -> LogicalType.INT32;
                default -> LogicalType.INT64;
            };
            case ArrowType.Int i -> switch (i.getBitWidth()) {
                case 8 -> LogicalType.INT16;
                case 16 -> LogicalType.INT32;
                default -> LogicalType.INT64;
            };
            case ArrowType.Bool b -> LogicalType.BOOLEAN;
            case ArrowType.Utf8 u -> LogicalType.STRING;
            case ArrowType.LargeUtf8 u -> LogicalType.STRING;
            case ArrowType.Date d -> LogicalType.DATE;
            case ArrowType.Timestamp ts -> LogicalType.TIMESTAMP;
            default -> null;
        };
        if (logical == null) {
            throw new UnsupportedOperationException("column '" + field.getName() + "' is of Arrow type " + t
                    + ", which Quiver cannot hold (it holds numbers, booleans, text, dates and timestamps)");
        }
        return logical;
    }

    /**
     * Checks a batch read from a file before it is converted: every vector's value count, offsets and buffers agree
     * (Arrow's full validation), so that a damaged length fails here instead of sizing an allocation.
     *
     * @throws IllegalArgumentException saying which column is inconsistent and how
     */
    static void validate(VectorSchemaRoot root) {
        for (org.apache.arrow.vector.FieldVector v : root.getFieldVectors()) {
            try {
                org.apache.arrow.vector.util.ValueVectorUtility.validateFull(v);
                if (v.getValueCount() != root.getRowCount()) {
                    throw new org.apache.arrow.vector.validate.ValidateUtil.ValidateException("it has "
                            + v.getValueCount() + " values in a batch of " + root.getRowCount() + " rows");
                }
            } catch (org.apache.arrow.vector.validate.ValidateUtil.ValidateException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("column '" + v.getName() + "' is damaged: " + e.getMessage(), e);
            }
        }
    }

    /**
     * An off-heap Quiver table holding a copy of the root's current batch; nulls become missing markers.
     *
     * @param dictionaries the dictionaries of dictionary-encoded vectors (an IPC reader is one); may be {@code null}
     *     when none is encoded
     * @throws UnsupportedOperationException naming the column if its type is not one Quiver holds
     * @throws IllegalArgumentException naming the column and row of an unsigned 64-bit value above Long.MAX_VALUE
     */
    public static Table toTable(VectorSchemaRoot root, DictionaryProvider dictionaries) {
        int n = root.getRowCount();
        try (TableBuilder b = TableBuilder.offHeap()) {
            for (FieldVector v : root.getFieldVectors()) {
                read(b, v, n, dictionaries);
            }
            return b.build();
        }
    }

    private static void read(TableBuilder b, FieldVector vector, int n, DictionaryProvider dictionaries) {
        Field field = vector.getField();
        String name = field.getName();
        if (field.getDictionary() != null) {
            readDictionaryEncoded(b, vector, n, dictionaries);
            return;
        }
        dev.quiver.api.table.Field target = quiverField(field);
        switch (vector) {
            case Float8Vector v -> {
                MemorySegment dst = b.allocate(target, n);
                copyOut(v.getDataBuffer(), dst);
                patchNulls(v, n, r -> dst.setAtIndex(ValueLayout.JAVA_DOUBLE, r, Double.NaN));
            }
            case Float4Vector v -> {
                MemorySegment dst = b.allocate(target, n);
                for (int r = 0; r < n; r++) {
                    dst.setAtIndex(ValueLayout.JAVA_DOUBLE, r, v.isNull(r) ? Double.NaN : v.get(r));
                }
            }
            case Float2Vector v -> {
                MemorySegment dst = b.allocate(target, n);
                for (int r = 0; r < n; r++) {
                    dst.setAtIndex(ValueLayout.JAVA_DOUBLE, r, v.isNull(r) ? Double.NaN : v.getValueAsFloat(r));
                }
            }
            case BigIntVector v -> {
                MemorySegment dst = b.allocate(target, n);
                copyOut(v.getDataBuffer(), dst);
                patchNulls(v, n, r -> dst.setAtIndex(ValueLayout.JAVA_LONG, r, Int64Column.MISSING));
            }
            case UInt8Vector v -> {
                MemorySegment dst = b.allocate(target, n);
                for (int r = 0; r < n; r++) {
                    long x = v.isNull(r) ? Int64Column.MISSING : v.get(r);
                    if (!v.isNull(r) && x < 0) {
                        throw new IllegalArgumentException("column '" + name + "', row " + r + ": the unsigned value "
                                + Long.toUnsignedString(x) + " is above the largest 64-bit integer Quiver holds");
                    }
                    dst.setAtIndex(ValueLayout.JAVA_LONG, r, x);
                }
            }
            case UInt4Vector v -> {
                MemorySegment dst = b.allocate(target, n);
                for (int r = 0; r < n; r++) {
                    dst.setAtIndex(ValueLayout.JAVA_LONG, r, v.isNull(r) ? Int64Column.MISSING
                            : v.getValueAsLong(r));
                }
            }
            case IntVector v -> {
                MemorySegment dst = b.allocate(target, n);
                copyOut(v.getDataBuffer(), dst);
                patchNulls(v, n, r -> dst.setAtIndex(ValueLayout.JAVA_INT, r, Int32Column.MISSING));
            }
            case SmallIntVector v -> ints(b, target, n, r -> v.isNull(r) ? Int32Column.MISSING : v.get(r));
            case TinyIntVector v -> ints(b, target, n, r -> v.isNull(r) ? Int32Column.MISSING : v.get(r));
            case UInt2Vector v -> ints(b, target, n, r -> v.isNull(r) ? Int32Column.MISSING : v.get(r));
            case UInt1Vector v -> ints(b, target, n, r -> v.isNull(r) ? Int32Column.MISSING : v.getValueAsLong(r) < 0
                    ? Int32Column.MISSING : (int) v.getValueAsLong(r));
            case BitVector v -> ints(b, target, n, r -> v.isNull(r) ? Int32Column.MISSING : v.get(r));
            case DateDayVector v -> {
                MemorySegment dst = b.allocate(target, n);
                for (int r = 0; r < n; r++) {
                    dst.setAtIndex(ValueLayout.JAVA_LONG, r, v.isNull(r) ? Int64Column.MISSING
                            : v.get(r) * MILLIS_PER_DAY);
                }
            }
            case DateMilliVector v -> {
                MemorySegment dst = b.allocate(target, n);
                for (int r = 0; r < n; r++) {
                    dst.setAtIndex(ValueLayout.JAVA_LONG, r, v.isNull(r) ? Int64Column.MISSING : v.get(r));
                }
            }
            case TimeStampVector v -> readTimestamps(b, target, v, n);
            case VarCharVector v -> readText(b, name, v, n);
            case LargeVarCharVector v -> readText(b, name, v, n);
            default -> throw new UnsupportedOperationException("column '" + name + "' is of Arrow type "
                    + field.getType() + ", which Quiver cannot hold");
        }
    }

    private interface RowInt {
        int at(int row);
    }

    private interface RowAction {
        void at(int row);
    }

    private static void ints(TableBuilder b, dev.quiver.api.table.Field target, int n, RowInt value) {
        MemorySegment dst = b.allocate(target, n);
        for (int r = 0; r < n; r++) {
            dst.setAtIndex(ValueLayout.JAVA_INT, r, value.at(r));
        }
    }

    private static void patchNulls(FieldVector v, int n, RowAction missing) {
        if (v.getNullCount() == 0) {
            return;
        }
        for (int r = 0; r < n; r++) {
            if (v.isNull(r)) {
                missing.at(r);
            }
        }
    }

    private static void copyOut(ArrowBuf src, MemorySegment dst) {
        long length = dst.byteSize();
        for (long offset = 0; offset < length; offset += WINDOW) {
            int n = (int) Math.min(WINDOW, length - offset);
            MemorySegment.copy(MemorySegment.ofBuffer(src.nioBuffer(offset, n)), 0, dst, offset, n);
        }
    }

    private static void readTimestamps(TableBuilder b, dev.quiver.api.table.Field target, TimeStampVector v, int n) {
        TimeUnit unit = ((ArrowType.Timestamp) v.getField().getType()).getUnit();
        long perMilli = switch (unit) {
            case SECOND -> -1000; // negative: multiply
            case MILLISECOND -> 1;
            case MICROSECOND -> 1000;
            case NANOSECOND -> 1_000_000;
        };
        MemorySegment dst = b.allocate(target, n);
        boolean dropped = false;
        for (int r = 0; r < n; r++) {
            long x;
            if (v.isNull(r)) {
                x = Int64Column.MISSING;
            } else {
                long raw = v.get(r);
                if (perMilli < 0) {
                    x = Math.multiplyExact(raw, -perMilli);
                } else {
                    x = Math.floorDiv(raw, perMilli);
                    dropped |= Math.floorMod(raw, perMilli) != 0;
                }
            }
            dst.setAtIndex(ValueLayout.JAVA_LONG, r, x);
        }
        if (dropped && WARNED_PRECISION.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "column ''{0}'' holds timestamps finer than milliseconds; Quiver "
                    + "keeps milliseconds and dropped the rest (this is said once)", target.name());
        }
    }

    /** Text read without a String per row: codes by the bytes' content, a String per distinct value. */
    private static void readText(TableBuilder b, String name, FieldVector v, int n) {
        ArrowBuf offsets = v.getOffsetBuffer();
        ArrowBuf data = v.getDataBuffer();
        boolean large = v instanceof BaseLargeVariableWidthVector;
        int width = large ? BaseLargeVariableWidthVector.OFFSET_WIDTH : BaseVariableWidthVector.OFFSET_WIDTH;
        ByteDictionary dictionary = new ByteDictionary();
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) {
            if (v.isNull(r)) {
                codes[r] = StringColumn.MISSING_CODE;
                continue;
            }
            long start = large ? offsets.getLong((long) r * width) : offsets.getInt((long) r * width);
            long end = large ? offsets.getLong((long) (r + 1) * width) : offsets.getInt((long) (r + 1) * width);
            codes[r] = dictionary.code(data, start, end);
        }
        b.stringCodes(name, codes, dictionary.entries());
    }

    private static void readDictionaryEncoded(TableBuilder b, FieldVector indices, int n,
                                              DictionaryProvider dictionaries) {
        Field field = indices.getField();
        long id = field.getDictionary().getId();
        Dictionary dictionary = dictionaries == null ? null : dictionaries.lookup(id);
        if (dictionary == null) {
            throw new IllegalArgumentException("column '" + field.getName() + "': its dictionary " + id
                    + " is missing from the file");
        }
        FieldVector values = dictionary.getVector();
        if (!(values instanceof VarCharVector) && !(values instanceof LargeVarCharVector)) {
            throw new UnsupportedOperationException("column '" + field.getName() + "' is dictionary-encoded "
                    + values.getField().getType() + ", which Quiver cannot hold (it reads dictionaries of text)");
        }
        // the dictionary's entries, deduplicated (Arrow allows an entry twice, a Quiver dictionary does not)
        ByteDictionary entries = new ByteDictionary();
        int[] remap = new int[values.getValueCount()];
        ArrowBuf offsets = values.getOffsetBuffer();
        ArrowBuf data = values.getDataBuffer();
        boolean large = values instanceof BaseLargeVariableWidthVector;
        for (int i = 0; i < remap.length; i++) {
            if (values.isNull(i)) {
                remap[i] = StringColumn.MISSING_CODE;
                continue;
            }
            long start = large ? offsets.getLong(8L * i) : offsets.getInt(4L * i);
            long end = large ? offsets.getLong(8L * (i + 1)) : offsets.getInt(4L * (i + 1));
            remap[i] = entries.code(data, start, end);
        }
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) {
            if (indices.isNull(r)) {
                codes[r] = StringColumn.MISSING_CODE;
                continue;
            }
            long index = ((org.apache.arrow.vector.BaseIntVector) indices).getValueAsLong(r);
            if (index < 0 || index >= remap.length) {
                throw new IllegalArgumentException("column '" + field.getName() + "', row " + r + ": dictionary "
                        + "index " + index + " is outside its " + remap.length + " entries");
            }
            codes[r] = remap[(int) index];
        }
        b.stringCodes(field.getName(), codes, entries.entries());
    }
}
