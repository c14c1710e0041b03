package dev.quiver.io.csv;

import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFormat;
import dev.quiver.io.TableReader;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.format.FormatCodec;
import java.nio.file.Path;

/**
 * CSV (RFC 4180) through FastCSV: parallel whole-file reads that widen inferred types when a later value needs it,
 * batch reads, and parallel atomic writes ({@link CsvTableWriter}).
 *
 * <p>Thread-safety: stateless.
 */
public final class CsvCodec implements FormatCodec {
    /** The codec. */
    public static final CsvCodec INSTANCE = new CsvCodec();

    /** At most this many times is a file read again to widen a column's inferred type. */
    private static final int MAX_WIDENINGS = 64;

    private CsvCodec() {
    }

    @Override
    public TableFormat format() {
        return TableFormat.CSV;
    }

    @Override
    public Table read(Path file, ReadOptions options) {
        try (CsvSource src = CsvSource.open(file)) {
            CsvLayout layout = CsvLayout.detect(src, options);
            long firstLine = src.lineAt(layout.dataStart);
            for (int attempt = 0; ; attempt++) {
                try {
                    return CsvParser.parse(src, layout, layout.dataStart, layout.dataEnd, firstLine,
                            options.threads());
                } catch (CsvParser.Widen w) {
                    if (attempt == MAX_WIDENINGS || w.type == layout.types[w.column]) {
                        throw w.ifFinal;
                    }
                    layout = layout.withType(w.column, w.type);
                }
            }
        }
    }

    @Override
    public TableReader openReader(Path file, ReadOptions options) {
        CsvSource src = CsvSource.open(file);
        try {
            return new CsvBatchReader(src, CsvLayout.detect(src, options), options);
        } catch (RuntimeException e) {
            src.close();
            throw e;
        }
    }

    @Override
    public void write(Table table, Path file, WriteOptions options) {
        try (CsvTableWriter writer = new CsvTableWriter(file, table.schema(), options)) {
            writer.write(table);
            writer.commit();
        }
    }

    @Override
    public TableWriter openWriter(Path file, Schema schema, WriteOptions options) {
        return new CsvTableWriter(file, schema, options);
    }
}
