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
 * ({@code META-INF/services}): adding this module to the class path or the module path is all it takes. On the
 * module path, parquet-java's jars stay on the class path (they split packages between them, so they cannot be
 * modules): creating the codec makes this module read the class path of its class loader, before any class here
 * touches parquet-java.
 *
 * <p>Thread-safety: stateless.
 */
public final class ParquetCodec implements FormatCodec {

    static {
        // named module (module path): parquet-java sits in the unnamed module, which a named module reads only when
        // it asks to; unnamed (class path): nothing to do, it reads everything already
        Module self = ParquetCodec.class.getModule();
        ClassLoader loader = ParquetCodec.class.getClassLoader();
        if (self.isNamed() && loader != null) {
            self.addReads(loader.getUnnamedModule());
        }
    }

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
