package dev.quiver.io.format;

import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.io.DataFileException;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFormat;
import dev.quiver.io.TableReader;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.arrow.ArrowIpcCodec;
import dev.quiver.io.csv.CsvCodec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What one file format does: read a file whole or batch by batch, write a table whole or batch by batch. The
 * defaults build the whole-file forms on the batch forms; a format with a faster whole-file path (CSV parses in
 * parallel) overrides them. Users go through {@link dev.quiver.io.TableFiles}; this interface is for the modules
 * that add a format: sdk-io holds CSV and Arrow IPC, and {@code dev.quiver:sdk-parquet} registers Parquet through
 * {@link ServiceLoader} ({@code provides dev.quiver.io.format.FormatCodec with ...} and
 * {@code META-INF/services/dev.quiver.io.format.FormatCodec}), so that Parquet's libraries weigh only on the
 * applications that read or write Parquet.
 *
 * <p>Thread-safety: implementations are stateless and safe from any thread.
 */
public interface FormatCodec {

    /**
     * The codec of a format.
     *
     * @throws IllegalStateException naming the module to add when no codec of the format is on the class or module
     *     path
     */
    static FormatCodec of(TableFormat format) {
        return switch (format) {
            case CSV -> CsvCodec.INSTANCE;
            case ARROW_FILE -> ArrowIpcCodec.FILE;
            case ARROW_STREAM -> ArrowIpcCodec.STREAM;
            case PARQUET -> Registered.PARQUET.orElseThrow(() -> new IllegalStateException("reading and writing "
                    + "Parquet needs the module dev.quiver:sdk-parquet on the class path (or module path)"));
        };
    }

    /** The format this codec reads and writes. */
    TableFormat format();

    /** Opens a file for batch reads; the file is known to be a readable regular file. */
    TableReader openReader(Path file, ReadOptions options);

    /** Opens a pending file for batch writes. */
    TableWriter openWriter(Path file, Schema schema, WriteOptions options);

    /** Reads a whole file: every batch, concatenated into one off-heap table. */
    default Table read(Path file, ReadOptions options) {
        try (TableReader reader = openReader(file, options)) {
            return reader.readAll();
        }
    }

    /** Writes a whole table atomically. */
    default void write(Table table, Path file, WriteOptions options) {
        try (TableWriter writer = openWriter(file, table.schema(), options)) {
            writer.write(table);
            writer.commit();
        }
    }

    /** The codecs other modules register, looked up once. */
    final class Registered {
        static final Optional<FormatCodec> PARQUET = find(TableFormat.PARQUET);

        private Registered() {
        }

        private static Optional<FormatCodec> find(TableFormat format) {
            for (ServiceLoader.Provider<FormatCodec> p : ServiceLoader.load(FormatCodec.class).stream().toList()) {
                FormatCodec codec = p.get();
                if (codec.format() == format) {
                    return Optional.of(codec);
                }
            }
            return Optional.empty();
        }
    }

    /** Shorthand for codecs: the message for a file that is not of the format it claims. */
    static DataFileException notA(Path file, TableFormat format, String detail) {
        return DataFileException.of(file, "is not " + (format == TableFormat.ARROW_FILE || format
                == TableFormat.ARROW_STREAM ? "an " : "a ") + format + " file (" + detail + ")");
    }
}
