package dev.quiver.io.parquet;

import dev.quiver.api.table.Schema;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFormat;
import dev.quiver.io.TableReader;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.format.FormatCodec;
import java.nio.file.Path;

/**
 * Parquet for {@link dev.quiver.io.TableFiles}, through parquet-java: read a row group at a time
 * ({@link ParquetTableReader}), written with snappy (the default), zstd, gzip or no compression
 * ({@link ParquetTableWriter}); types as {@link ParquetSchemas} says. Registered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services}): adding this module to the class path is all it takes. parquet-java's jars split
 * packages between them, so this module runs on the class path only.
 *
 * <p>Thread-safety: stateless.
 */
public final class ParquetCodec implements FormatCodec {

    /** Creates the codec; {@link java.util.ServiceLoader} calls this. */
    public ParquetCodec() {
    }

    @Override
    public TableFormat format() {
        return TableFormat.PARQUET;
    }

    @Override
    public TableReader openReader(Path file, ReadOptions options) {
        return ParquetTableReader.open(file, options);
    }

    @Override
    public TableWriter openWriter(Path file, Schema schema, WriteOptions options) {
        return new ParquetTableWriter(file, schema, options);
    }
}
