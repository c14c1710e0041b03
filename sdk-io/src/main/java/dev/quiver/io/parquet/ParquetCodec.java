package dev.quiver.io.parquet;

import dev.quiver.api.table.Schema;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableReader;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.format.FormatCodec;
import java.nio.file.Path;

/** In progress. */
public final class ParquetCodec implements FormatCodec {
    /** In progress. */
    public static final ParquetCodec INSTANCE = new ParquetCodec();

    private ParquetCodec() {
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
