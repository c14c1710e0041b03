package dev.quiver.io.parquet;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.DataFileException;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableReader;
import dev.quiver.io.format.InputFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads a Parquet file one row group at a time, each into a Quiver off-heap table, column by column through
 * parquet-java's column readers: values go straight into the table's memory, nulls become missing markers, and text
 * is dictionary-encoded as it is read (a dictionary-encoded Parquet column is decoded once per dictionary, not once
 * per row).
 *
 * <p>Thread-safety: not thread-safe.
 */
final class ParquetTableReader implements TableReader {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** INT96 timestamps count Julian days; this is the Julian day of 1970-01-01. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;

    private final Path file;
    private final ParquetFileReader reader;
    private final MessageType fileSchema;
    private final List<Integer> selected;
    private final Schema schema;
    private final String createdBy;
    private long rowsRead;

    private ParquetTableReader(Path file, ParquetFileReader reader, MessageType fileSchema, List<Integer> selected,
                               Schema schema) {
        this.file = file;
        this.reader = reader;
        this.fileSchema = fileSchema;
        this.selected = selected;
        this.schema = schema;
        this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    }

    static ParquetTableReader open(Path file, ReadOptions options) {
        checkMagic(file);
        ParquetFileReader reader = null;
        try {
            reader = ParquetFileReader.open(new LocalInputFile(file),
                    ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(CompressionCodecs.INSTANCE)
                            .build());
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<Integer> selected = new ArrayList<>();
            List<Field> fields = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < fileSchema.getFieldCount(); i++) {
                names.add(fileSchema.getType(i).getName());
            }
            for (String wanted : options.columns()) {
                if (!names.contains(wanted)) {
                    throw DataFileException.of(file, "has no column '" + wanted + "'; its columns are " + names);
                }
            }
            for (int i = 0; i < fileSchema.getFieldCount(); i++) {
                if (options.columns().isEmpty() || options.columns().contains(names.get(i))) {
                    selected.add(i);
                    fields.add(Field.of(names.get(i), ParquetSchemas.logicalType(fileSchema.getType(i))));
                }
            }
            return new ParquetTableReader(file, reader, fileSchema, selected, Schema.of(fields));
        } catch (IOException e) {
            closeQuietly(reader);
            throw InputFiles.readFailure(file, e);
        } catch (DataFileException e) {
            closeQuietly(reader);
            throw e;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            closeQuietly(reader);
            throw DataFileException.at(file).build(e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw DataFileException.at(file).build("is damaged: its Parquet footer cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Parquet files start and end with PAR1; anything else gets a sentence before parquet-java sees it. */
    private static void checkMagic(Path file) {
        byte[] head = new byte[4];
        byte[] tail = new byte[4];
        long size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
            if (size == 0) {
                throw DataFileException.of(file, "is empty; a Parquet file starts with PAR1");
            }
            ch.read(ByteBuffer.wrap(head), 0);
            if (size >= 8) {
                ch.read(ByteBuffer.wrap(tail), size - 4);
            }
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e);
        }
        byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        if (!Arrays.equals(head, magic)) {
            throw DataFileException.of(file, "is not a Parquet file (it does not start with PAR1); name its format "
                    + "with --input-format if the extension is wrong");
        }
        if (size < 12 || !Arrays.equals(tail, magic)) {
            throw DataFileException.of(file, "is cut short: a Parquet file ends with its footer and PAR1, and this "
                    + "one does not (was it still being written?)");
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Table next() {
        PageReadStore pages;
        try {
            pages = reader.readNextRowGroup();
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e);
        } catch (RuntimeException e) {
            throw damaged(e);
        }
        if (pages == null) {
            return null;
        }
        long count = pages.getRowCount();
        if (count > Integer.MAX_VALUE) {
            throw DataFileException.of(file, "has a row group of " + count + " rows, more than a table holds");
        }
        int rows = (int) count;
        Fill[] fills = new Fill[fileSchema.getFieldCount()];
        GroupConverter root = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return fills[fieldIndex];
            }

            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, root, fileSchema, createdBy);
        try (TableBuilder builder = TableBuilder.offHeap()) {
            for (int k = 0; k < selected.size(); k++) {
                int i = selected.get(k);
                Field field = schema.field(k);
                ColumnDescriptor desc = fileSchema.getColumns().get(i);
                Fill fill = fill(field, desc.getPrimitiveType(), builder, rows);
                fills[i] = fill;
                ColumnReader cr = store.getColumnReader(desc);
                int maxDef = desc.getMaxDefinitionLevel();
                for (int r = 0; r < rows; r++) {
                    fill.row = r;
                    if (cr.getCurrentDefinitionLevel() == maxDef) {
                        cr.writeCurrentValueToConverter();
                    } else {
                        fill.missing();
                    }
                    cr.consume();
                }
                fill.finish(builder, field);
            }
            Table batch = builder.build();
            rowsRead += rows;
            return batch;
        } catch (ValueException e) {
            throw DataFileException.at(file).row(rowsRead + e.row).column(e.column).build(e.getMessage(), e);
        } catch (UnsupportedOperationException e) {
            throw DataFileException.at(file).build(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    private DataFileException damaged(RuntimeException e) {
        return DataFileException.at(file).build("is damaged after row " + rowsRead + ": a row group cannot be read ("
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }

    private static void closeQuietly(ParquetFileReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ converters

    /** A value that Quiver cannot hold (an unsigned 64-bit value above the signed range, text that is not UTF-8). */
    private static final class ValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int row;
        final String column;

        ValueException(int row, String column, String message) {
            super(message);
            this.row = row;
            this.column = column;
        }
    }

    /** Receives one column's values of one row group; {@link #row} is the row being read. */
    private abstract static class Fill extends PrimitiveConverter {
        int row;

        abstract void missing();

        /** Adds the column to the builder, if it was not allocated in it from the start. */
        void finish(TableBuilder builder, Field field) {
        }
    }

    private static Fill fill(Field field, PrimitiveType type, TableBuilder b, int rows) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        PrimitiveTypeName physical = type.getPrimitiveTypeName();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            return new DecimalFill(b.allocate(field, rows), d.getScale());
        }
        return switch (field.logical()) {
            case FLOAT64 -> new DoubleFill(b.allocate(field, rows));
            case FLOAT32 -> new DoubleFill(b.allocate(field, rows));
            case INT64 -> new LongFill(b.allocate(field, rows), field.name(),
                    a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned());
            case INT32, INT16, INT8, BOOLEAN -> new IntFill(b.allocate(field, rows));
            case DATE -> new DateFill(b.allocate(field, rows));
            case TIMESTAMP -> physical == PrimitiveTypeName.INT96 ? new Int96Fill(b.allocate(field, rows))
                    : new TimestampFill(b.allocate(field, rows),
                            ((LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) a).getUnit());
            case STRING -> new TextFill(rows, field.name());
        };
    }

    private static final class DoubleFill extends Fill {
        private final MemorySegment out;

        DoubleFill(MemorySegment out) {
            this.out = out;
        }

        @Override
        public void addDouble(double value) {
            out.setAtIndex(ValueLayout.JAVA_DOUBLE, row, value);
        }

        @Override
        public void addFloat(float value) {
            out.setAtIndex(ValueLayout.JAVA_DOUBLE, row, value);
        }

        @Override
        void missing() {
            out.setAtIndex(ValueLayout.JAVA_DOUBLE, row, Double.NaN);
        }
    }

    private static final class DecimalFill extends Fill {
        private final MemorySegment out;
        private final int scale;

        DecimalFill(MemorySegment out, int scale) {
            this.out = out;
            this.scale = scale;
        }

        @Override
        public void addInt(int value) {
            set(BigDecimal.valueOf(value, scale).doubleValue());
        }

        @Override
        public void addLong(long value) {
            set(BigDecimal.valueOf(value, scale).doubleValue());
        }

        @Override
        public void addBinary(Binary value) {
            set(new BigDecimal(new BigInteger(value.getBytes()), scale).doubleValue());
        }

        private void set(double v) {
            out.setAtIndex(ValueLayout.JAVA_DOUBLE, row, v);
        }

        @Override
        void missing() {
            set(Double.NaN);
        }
    }

    private static final class LongFill extends Fill {
        private final MemorySegment out;
        private final String column;
        private final boolean unsigned;

        LongFill(MemorySegment out, String column, boolean unsigned) {
            this.out = out;
            this.column = column;
            this.unsigned = unsigned;
        }

        @Override
        public void addLong(long value) {
            if (unsigned && value < 0) {
                throw new ValueException(row, column, "the unsigned value " + Long.toUnsignedString(value)
                        + " is above the largest 64-bit integer Quiver holds");
            }
            out.setAtIndex(ValueLayout.JAVA_LONG, row, value);
        }

        @Override
        public void addInt(int value) {
            out.setAtIndex(ValueLayout.JAVA_LONG, row, unsigned ? Integer.toUnsignedLong(value) : value);
        }

        @Override
        void missing() {
            out.setAtIndex(ValueLayout.JAVA_LONG, row, Int64Column.MISSING);
        }
    }

    private static final class IntFill extends Fill {
        private final MemorySegment out;

        IntFill(MemorySegment out) {
            this.out = out;
        }

        @Override
        public void addInt(int value) {
            out.setAtIndex(ValueLayout.JAVA_INT, row, value);
        }

        @Override
        public void addBoolean(boolean value) {
            out.setAtIndex(ValueLayout.JAVA_INT, row, value ? 1 : 0);
        }

        @Override
        void missing() {
            out.setAtIndex(ValueLayout.JAVA_INT, row, Int32Column.MISSING);
        }
    }

    private static final class DateFill extends Fill {
        private final MemorySegment out;

        DateFill(MemorySegment out) {
            this.out = out;
        }

        @Override
        public void addInt(int days) {
            out.setAtIndex(ValueLayout.JAVA_LONG, row, days * MILLIS_PER_DAY);
        }

        @Override
        void missing() {
            out.setAtIndex(ValueLayout.JAVA_LONG, row, Int64Column.MISSING);
        }
    }

    private static final class TimestampFill extends Fill {
        private final MemorySegment out;
        private final long perMilli;

        TimestampFill(MemorySegment out, LogicalTypeAnnotation.TimeUnit unit) {
            this.out = out;
            this.perMilli = switch (unit) {
                case MILLIS -> 1;
                case MICROS -> 1000;
                case NANOS -> 1_000_000;
            };
        }

        @Override
        public void addLong(long value) {
            out.setAtIndex(ValueLayout.JAVA_LONG, row, Math.floorDiv(value, perMilli));
        }

        @Override
        void missing() {
            out.setAtIndex(ValueLayout.JAVA_LONG, row, Int64Column.MISSING);
        }
    }

    /** Legacy INT96 timestamps: 8 bytes of nanoseconds in the day, then 4 bytes of Julian day, little-endian. */
    private static final class Int96Fill extends Fill {
        private final MemorySegment out;

        Int96Fill(MemorySegment out) {
            this.out = out;
        }

        @Override
        public void addBinary(Binary value) {
            ByteBuffer b = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanos = b.getLong(b.position());
            long julian = Integer.toUnsignedLong(b.getInt(b.position() + 8));
            out.setAtIndex(ValueLayout.JAVA_LONG, row, (julian - JULIAN_EPOCH_DAY) * MILLIS_PER_DAY
                    + Math.floorDiv(nanos, 1_000_000));
        }

        @Override
        void missing() {
            out.setAtIndex(ValueLayout.JAVA_LONG, row, Int64Column.MISSING);
        }
    }

    /**
     * Text as dictionary codes: a dictionary-encoded page's dictionary is decoded once, its ids mapped to codes; plain
     * values are looked up by their bytes.
     */
    private static final class TextFill extends Fill {
        private final int[] codes;
        private final String column;
        private final Map<Binary, Integer> index = new HashMap<>();
        private final List<String> entries = new ArrayList<>();
        private int[] dictionaryCodes = new int[0];

        TextFill(int rows, String column) {
            this.codes = new int[rows];
            this.column = column;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            dictionaryCodes = new int[dictionary.getMaxId() + 1];
            for (int id = 0; id <= dictionary.getMaxId(); id++) {
                dictionaryCodes[id] = code(dictionary.decodeToBinary(id));
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            codes[row] = dictionaryCodes[dictionaryId];
        }

        @Override
        public void addBinary(Binary value) {
            codes[row] = code(value);
        }

        private int code(Binary value) {
            Integer code = index.get(value);
            if (code == null) {
                Binary kept = value.copy(); // the reader may reuse the bytes behind a Binary
                try {
                    entries.add(StandardCharsets.UTF_8.newDecoder().decode(kept.toByteBuffer()).toString());
                } catch (CharacterCodingException e) {
                    throw new ValueException(row, column, "the text is not valid UTF-8");
                }
                code = entries.size() - 1;
                index.put(kept, code);
            }
            return code;
        }

        @Override
        void missing() {
            codes[row] = StringColumn.MISSING_CODE;
        }

        @Override
        void finish(TableBuilder builder, Field field) {
            builder.stringCodes(field.name(), codes, entries);
        }
    }
}
