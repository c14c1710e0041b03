package dev.quiver.io.parquet;

import dev.quiver.api.io.AtomicFiles;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.io.FileCompression;
import dev.quiver.io.TableFormat;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.format.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a Parquet file through parquet-java's record writer, atomically (into a temporary sibling that
 * {@link #commit()} renames into place): one OPTIONAL column per Quiver column ({@link ParquetSchemas}), missing
 * values as nulls, text dictionary-encoded by Parquet where it pays, row groups of
 * {@link WriteOptions#rowGroupRows()} rows, pages compressed by {@link CompressionCodecs}. Each text column's
 * distinct values are encoded to UTF-8 once, so rows pass ready-made bytes.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class ParquetTableWriter implements TableWriter {
    private final Path file;
    private final Schema schema;
    private final AtomicFiles.PendingFile pending;
    private final ParquetWriter<Rows> writer;
    private final Rows rows;
    private boolean ended;

    ParquetTableWriter(Path file, Schema schema, WriteOptions options) {
        this.file = file;
        this.schema = schema;
        FileCompression compression = options.compressionFor(TableFormat.PARQUET);
        CompressionCodecName codec = switch (compression) {
            case NONE -> CompressionCodecName.UNCOMPRESSED;
            case SNAPPY -> CompressionCodecName.SNAPPY;
            case ZSTD -> CompressionCodecName.ZSTD;
            case GZIP -> CompressionCodecName.GZIP;
            case LZ4 -> throw new IllegalArgumentException("Parquet takes none, snappy, zstd or gzip");
        };
        MessageType parquetSchema = ParquetSchemas.toParquet(schema);
        this.rows = new Rows(schema);
        try {
            this.pending = AtomicFiles.create(file);
        } catch (IOException e) {
            throw InputFiles.writeFailure(file, e);
        }
        try {
            this.writer = new Builder(new LocalOutputFile(pending.temporary()), parquetSchema)
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(CompressionCodecs.INSTANCE)
                    .withCompressionCodec(codec)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withRowGroupRowCountLimit(options.rowGroupRows())
                    .withRowGroupSize(Long.MAX_VALUE)
                    .withDictionaryEncoding(true)
                    .build();
        } catch (IOException e) {
            closePending();
            throw InputFiles.writeFailure(file, e);
        } catch (RuntimeException e) {
            closePending();
            throw e;
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
    public void write(Table batch) {
        check();
        if (!batch.schema().equals(schema)) {
            throw new IllegalArgumentException("batch schema " + batch.schema() + " differs from the writer's "
                    + schema);
        }
        rows.of(batch);
        try {
            for (int r = 0; r < batch.rowCount(); r++) {
                rows.row = r;
                writer.write(rows);
            }
        } catch (IOException e) {
            throw InputFiles.writeFailure(file, e);
        }
    }

    @Override
    public void commit() {
        check();
        ended = true;
        try {
            writer.close();
            pending.commit();
        } catch (IOException e) {
            closePending();
            throw InputFiles.writeFailure(file, e);
        }
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                // being abandoned: the temporary file goes
            }
            closePending();
        }
    }

    private void closePending() {
        try {
            pending.close();
        } catch (IOException e) {
            // the temporary file could not be deleted
        }
    }

    private void check() {
        if (ended) {
            throw new IllegalStateException("the write of " + file + " has already ended");
        }
    }

    /** The current batch and row, handed to the record writer as one reused object (no object per row). */
    private static final class Rows {
        final Schema schema;
        Column[] columns;
        Binary[][] text;
        int row;

        Rows(Schema schema) {
            this.schema = schema;
        }

        void of(Table batch) {
            columns = batch.columns().toArray(Column[]::new);
            text = new Binary[columns.length][];
            for (int c = 0; c < columns.length; c++) {
                if (columns[c] instanceof StringColumn s) {
                    List<String> d = s.dictionary();
                    text[c] = new Binary[d.size()];
                    for (int i = 0; i < d.size(); i++) {
                        text[c][i] = Binary.fromConstantByteArray(d.get(i).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    private static final class RowWriteSupport extends WriteSupport<Rows> {
        private final MessageType schema;
        private RecordConsumer out;

        RowWriteSupport(MessageType schema) {
            this.schema = schema;
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of("writer", "Quiver"));
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return init((ParquetConfiguration) null);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Rows rows) {
            int r = rows.row;
            out.startMessage();
            for (int c = 0; c < rows.columns.length; c++) {
                Column column = rows.columns[c];
                String name = column.name();
                switch (column) {
                    case Float64Column f -> {
                        double v = f.get(r);
                        if (!Double.isNaN(v)) {
                            out.startField(name, c);
                            if (f.logicalType() == LogicalType.FLOAT32) {
                                out.addFloat((float) v);
                            } else {
                                out.addDouble(v);
                            }
                            out.endField(name, c);
                        }
                    }
                    case Int64Column l -> {
                        long v = l.get(r);
                        if (v != Int64Column.MISSING) {
                            out.startField(name, c);
                            if (l.logicalType() == LogicalType.DATE) {
                                out.addInteger(Math.toIntExact(Math.floorDiv(v, 86_400_000L)));
                            } else {
                                out.addLong(v);
                            }
                            out.endField(name, c);
                        }
                    }
                    case Int32Column i -> {
                        int v = i.get(r);
                        if (v != Int32Column.MISSING) {
                            out.startField(name, c);
                            if (i.logicalType() == LogicalType.BOOLEAN) {
                                out.addBoolean(v != 0);
                            } else {
                                out.addInteger(v);
                            }
                            out.endField(name, c);
                        }
                    }
                    case StringColumn s -> {
                        int code = s.code(r);
                        if (code != StringColumn.MISSING_CODE) {
                            out.startField(name, c);
                            out.addBinary(rows.text[c][code]);
                            out.endField(name, c);
                        }
                    }
                }
            }
            out.endMessage();
        }
    }

    /** parquet-java's writer builder for {@link RowWriteSupport}. */
    private static final class Builder extends ParquetWriter.Builder<Rows, Builder> {
        private final MessageType schema;

        Builder(OutputFile file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Rows> getWriteSupport(ParquetConfiguration configuration) {
            return new RowWriteSupport(schema);
        }

        @Override
        protected WriteSupport<Rows> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return new RowWriteSupport(schema);
        }
    }
}
