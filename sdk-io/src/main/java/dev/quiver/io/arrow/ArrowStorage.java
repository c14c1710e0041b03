package dev.quiver.io.arrow;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Quiver's lossless Arrow layout: how Quiver keeps its own tables in Arrow (the cache's files), where
 * {@link ArrowTables} is the layout other Arrow tools expect. Both live in this package, the one bridge between Quiver
 * tables and Arrow.
 *
 * <p>Each column is stored as its physical type, so the bytes are the column's bytes and a reader can map them
 * without a copy: {@code FLOAT64} as Float64, {@code INT64} as Int64, {@code INT32} as Int32, {@code STRING} as
 * dictionary-encoded Int32 codes over a Utf8 dictionary. Missing markers ({@code NaN} with its payload,
 * {@code Long.MIN_VALUE}, {@code Integer.MIN_VALUE}) are plain values, so they round-trip bit for bit; a missing
 * string is an Arrow null whose slot still holds the code {@code -1}, so other Arrow readers see a null and this
 * layout reads the code back unchanged. Each field's metadata records the physical type ({@value #TYPE_KEY}) and the
 * logical type ({@value #LOGICAL_KEY}); a field without a logical type reads as its physical type's default.
 *
 * <p>Thread-safety: stateless; each call uses the allocator it is given.
 */
public final class ArrowStorage {
    /** Field metadata: the column's physical {@link ColumnType}. */
    public static final String TYPE_KEY = "quiver.type";
    /** Field metadata: the column's {@link LogicalType}; absent in files of earlier versions (the default). */
    public static final String LOGICAL_KEY = "quiver.logical";

    /** ByteBuffers address at most 2 GiB; bulk copies go through windows of this many bytes. */
    private static final int WINDOW = 1 << 30;
    private static final ArrowType.Int INT32_TYPE = new ArrowType.Int(32, true);
    private static final ArrowType.Int INT64_TYPE = new ArrowType.Int(64, true);
    private static final ArrowType.FloatingPoint FLOAT64_TYPE =
            new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private ArrowStorage() {
    }

    /**
     * A table in this layout: one root (its schema carrying the given metadata) and the dictionaries of its string
     * columns. Closing it frees every vector.
     *
     * @param root the columns
     * @param dictionaries the string columns' dictionaries, by the id in each field's encoding
     */
    public record Batch(VectorSchemaRoot root, DictionaryProvider.MapDictionaryProvider dictionaries)
            implements AutoCloseable {
        @Override
        public void close() {
            root.close();
            dictionaries.close();
        }
    }

    // ------------------------------------------------------------------------------------------------- writing

    /**
     * Copies {@code table} into new vectors in this layout; the caller closes the batch.
     *
     * @param schemaMetadata the custom metadata of the root's schema
     */
    public static Batch toArrow(Table table, BufferAllocator allocator, Map<String, String> schemaMetadata) {
        List<FieldVector> vectors = new ArrayList<>(table.columnCount());
        DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
        try {
            for (int i = 0; i < table.columnCount(); i++) {
                Column column = table.column(i);
                vectors.add(switch (column) {
                    case Float64Column c -> fill(new Float8Vector(field(c, FLOAT64_TYPE, null), allocator), c);
                    case Int64Column c -> fill(new BigIntVector(field(c, INT64_TYPE, null), allocator), c);
                    case Int32Column c -> fill(new IntVector(field(c, INT32_TYPE, null), allocator), c);
                    case StringColumn c -> {
                        DictionaryEncoding encoding = new DictionaryEncoding(i, false, INT32_TYPE);
                        VarCharVector values = dictionary(c, allocator);
                        dictionaries.put(new Dictionary(values, encoding));
                        IntVector codes = fill(new IntVector(field(c, INT32_TYPE, encoding), allocator), c);
                        ArrowBuf validity = codes.getValidityBuffer();
                        for (int row = 0; row < c.size(); row++) {
                            if (c.code(row) == StringColumn.MISSING_CODE) {
                                BitVectorHelper.unsetBit(validity, row);
                            }
                        }
                        yield codes;
                    }
                });
            }
            List<Field> fields = vectors.stream().map(FieldVector::getField).toList();
            VectorSchemaRoot root = new VectorSchemaRoot(new Schema(fields, schemaMetadata), vectors,
                    table.rowCount());
            return new Batch(root, dictionaries);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            dictionaries.close();
            throw e;
        }
    }

    private static Field field(Column column, ArrowType type, DictionaryEncoding encoding) {
        Map<String, String> metadata = Map.of(TYPE_KEY, column.type().name(), LOGICAL_KEY,
                column.logicalType().name());
        // only codes have nulls (a missing string); numeric markers are plain values
        return new Field(column.name(), new FieldType(encoding != null, type, encoding, metadata), null);
    }

    private static <V extends BaseFixedWidthVector> V fill(V vector, Column column) {
        try {
            int rows = column.size();
            vector.allocateNew(rows);
            MemorySegment src = column.data();
            ArrowBuf dst = vector.getDataBuffer();
            long length = src.byteSize();
            for (long offset = 0; offset < length; offset += WINDOW) {
                int n = (int) Math.min(WINDOW, length - offset);
                MemorySegment.copy(src, offset, MemorySegment.ofBuffer(dst.nioBuffer(offset, n)), 0, n);
            }
            if (rows > 0) {
                vector.getValidityBuffer().setOne(0L, BitVectorHelper.getValidityBufferSize(rows));
            }
            vector.setValueCount(rows);
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    private static VarCharVector dictionary(StringColumn column, BufferAllocator allocator) {
        List<String> entries = column.dictionary();
        VarCharVector vector = new VarCharVector(
                new Field(column.name() + ".dictionary", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                allocator);
        try {
            vector.allocateNew(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                vector.setSafe(i, entries.get(i).getBytes(StandardCharsets.UTF_8));
            }
            vector.setValueCount(entries.size());
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * The Quiver field a stored Arrow field holds, by its metadata, after checking that its Arrow type is the one
     * this layout stores that type as; the field as a file's schema holds it (a string column's type is Utf8).
     *
     * @throws IllegalArgumentException naming the column if its metadata is missing or invalid, or its Arrow type
     *     does not match
     */
    public static dev.quiver.api.table.Field quiverField(Field field) {
        return quiverField(field, false);
    }

    /**
     * As {@link #quiverField(Field)}; {@code inMemory} for a field as a reader's root holds it, where a
     * dictionary-encoded field has its index type rather than the file's value type.
     */
    private static dev.quiver.api.table.Field quiverField(Field field, boolean inMemory) {
        ColumnType type = declaredType(field);
        ArrowType t = field.getType();
        boolean fits = switch (type) {
            case FLOAT64 -> t instanceof ArrowType.FloatingPoint f && f.getPrecision() == FloatingPointPrecision.DOUBLE
                    && field.getDictionary() == null;
            case INT64 -> t instanceof ArrowType.Int i && i.getBitWidth() == 64 && i.getIsSigned()
                    && field.getDictionary() == null;
            case INT32 -> t instanceof ArrowType.Int i && i.getBitWidth() == 32 && i.getIsSigned()
                    && field.getDictionary() == null;
            case STRING -> field.getDictionary() != null && field.getDictionary().getIndexType() != null
                    && field.getDictionary().getIndexType().getBitWidth() == 32
                    && (inMemory ? t.equals(field.getDictionary().getIndexType()) : t instanceof ArrowType.Utf8);
        };
        if (!fits) {
            throw new IllegalArgumentException("column '" + field.getName() + "' is declared " + type
                    + " but stored as " + t + (field.getDictionary() != null ? " (dictionary-encoded)" : ""));
        }
        return new dev.quiver.api.table.Field(field.getName(), type, declaredLogical(field, type));
    }

    private static ColumnType declaredType(Field field) {
        String declared = field.getMetadata().get(TYPE_KEY);
        try {
            return ColumnType.valueOf(declared);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("column '" + field.getName() + "' has no valid " + TYPE_KEY
                    + " (found " + declared + ")");
        }
    }

    private static LogicalType declaredLogical(Field field, ColumnType type) {
        String declared = field.getMetadata().get(LOGICAL_KEY);
        if (declared == null) {
            return LogicalType.defaultFor(type);
        }
        try {
            LogicalType logical = LogicalType.valueOf(declared);
            if (logical.physical() == type) {
                return logical;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("column '" + field.getName() + "' has " + LOGICAL_KEY + " " + declared
                + ", which is not stored as " + type);
    }

    /**
     * An off-heap Quiver table holding a copy of the root's current batch, checked on the way: numeric columns hold
     * no nulls, every string code is {@code -1} exactly where the slot is null and otherwise inside its dictionary.
     *
     * @param dictionaries the string columns' dictionaries (an IPC reader is a provider)
     * @throws IllegalArgumentException naming the column (and row) of whatever does not fit this layout
     */
    public static Table toTable(VectorSchemaRoot root, DictionaryProvider dictionaries) {
        int rows = root.getRowCount();
        try (TableBuilder builder = TableBuilder.offHeap()) {
            List<Field> fields = root.getSchema().getFields();
            for (int i = 0; i < fields.size(); i++) {
                // the schema's field: a dictionary-encoded vector's own field has the index type
                Field field = fields.get(i);
                FieldVector vector = root.getVector(i);
                dev.quiver.api.table.Field target = quiverField(field, true);
                String name = field.getName();
                boolean string = target.type() == ColumnType.STRING;
                Class<? extends FieldVector> expected = switch (target.type()) {
                    case FLOAT64 -> Float8Vector.class;
                    case INT64 -> BigIntVector.class;
                    case INT32, STRING -> IntVector.class;
                };
                if (!expected.isInstance(vector)) {
                    throw new IllegalArgumentException("column '" + name + "' is declared " + target.type()
                            + " but read as " + vector.getClass().getSimpleName());
                }
                if (!string && vector.getNullCount() != 0) {
                    throw new IllegalArgumentException("column '" + name + "' has " + vector.getNullCount()
                            + " nulls where missing values are stored as markers");
                }
                ArrowBuf data = vector.getDataBuffer();
                if (!string) {
                    copyOut(data, builder.allocate(target, rows), name);
                    continue;
                }
                int[] codes = new int[rows];
                copyOut(data, MemorySegment.ofArray(codes), name);
                List<String> dictionary = dictionary(dictionaries, field);
                for (int row = 0; row < rows; row++) {
                    int code = codes[row];
                    boolean missing = code == StringColumn.MISSING_CODE;
                    if (missing != vector.isNull(row) || code < StringColumn.MISSING_CODE
                            || code >= dictionary.size()) {
                        throw new IllegalArgumentException("column '" + name + "', row " + row + ": code " + code
                                + (vector.isNull(row) ? " under a null" : "") + " does not fit a dictionary of "
                                + dictionary.size() + " entries");
                    }
                }
                builder.stringCodes(name, codes, dictionary);
            }
            return builder.build();
        }
    }

    private static void copyOut(ArrowBuf src, MemorySegment dst, String column) {
        long length = dst.byteSize();
        if (length > 0 && (src == null || src.capacity() < length)) {
            throw new IllegalArgumentException("column '" + column + "': data buffer holds "
                    + (src == null ? 0 : src.capacity()) + " bytes, expected " + length);
        }
        for (long offset = 0; offset < length; offset += WINDOW) {
            int n = (int) Math.min(WINDOW, length - offset);
            ByteBuffer window = src.nioBuffer(offset, n);
            MemorySegment.copy(MemorySegment.ofBuffer(window), 0, dst, offset, n);
        }
    }

    private static List<String> dictionary(DictionaryProvider dictionaries, Field field) {
        Dictionary dictionary = dictionaries == null ? null : dictionaries.lookup(field.getDictionary().getId());
        if (dictionary == null || !(dictionary.getVector() instanceof VarCharVector values)) {
            throw new IllegalArgumentException("column '" + field.getName() + "': its string dictionary "
                    + field.getDictionary().getId() + " is missing or not UTF-8");
        }
        List<String> entries = new ArrayList<>(values.getValueCount());
        for (int i = 0; i < values.getValueCount(); i++) {
            byte[] utf8 = values.get(i);
            if (utf8 == null) {
                throw new IllegalArgumentException("column '" + field.getName() + "': dictionary entry " + i
                        + " is null");
            }
            entries.add(new String(utf8, StandardCharsets.UTF_8));
        }
        return entries;
    }
}
