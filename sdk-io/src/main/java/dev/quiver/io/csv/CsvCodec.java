package dev.quiver.io.csv;

import dev.quiver.api.table.Schema;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableReader;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.format.FormatCodec;
import java.nio.file.Path;

/** In progress. */
public final class CsvCodec implements FormatCodec {
    /** In progress. */
    public static final CsvCodec INSTANCE = new CsvCodec();

    private CsvCodec() {
    }

    @Override
    public TableReader openReader(Path file, ReadOptions options) {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public TableWriter openWriter(Path file, Schema schema, WriteOptions options) {
        throw new UnsupportedOperationException("in progress");
    }
}
