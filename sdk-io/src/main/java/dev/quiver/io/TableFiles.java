package dev.quiver.io;

import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.io.format.FormatCodec;
import dev.quiver.io.format.InputFiles;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes tables as CSV, Parquet and Arrow IPC files: the one entry point every Quiver module and command
 * uses for table files. The format follows the file's extension ({@link TableFormat#of}) unless the options name
 * one.
 *
 * <pre>{@code
 * try (Table prices = TableFiles.read(Path.of("prices.csv"))) {
 *     TableFiles.write(prices, Path.of("prices.parquet"));
 * }
 * }</pre>
 *
 * <h2>Missing values</h2>
 * Quiver has one missing marker per type (NaN, {@code Long.MIN_VALUE}, {@code Integer.MIN_VALUE}, a null string;
 * see {@link dev.quiver.api.table}). Parquet and Arrow nulls are read as those markers and the markers are written
 * as nulls; in CSV an empty field or one of {@link CsvFormat#nullValues()} is missing, and a missing value is
 * written as {@link CsvFormat#nullText()} (an empty field). A double {@code NaN} is therefore written as missing:
 * every other double (negative zero, infinities, subnormals) round-trips bit for bit through every format.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link DataFileException} whose message is a sentence naming the file and, for bad content,
 * the line (CSV) or row, the column and the value. Nothing half-written is left behind: files are written to a
 * temporary sibling and renamed into place.
 *
 * <p>Thread-safety: stateless; safe from any thread. Tables returned are owned by the caller, who closes them.
 */
public final class TableFiles {
    private TableFiles() {
    }

    /**
     * Reads a whole file with the default options.
     *
     * @throws DataFileException naming the file (and the line, column and value) if it cannot be read
     * @throws IllegalArgumentException if its extension is not a known format's
     */
    public static Table read(Path file) {
        return read(file, ReadOptions.defaults());
    }

    /**
     * Reads a whole file into one off-heap table the caller owns.
     *
     * @throws DataFileException naming the file (and the line, column and value) if it cannot be read
     * @throws IllegalArgumentException if no format is given and the extension is not a known format's
     */
    public static Table read(Path file, ReadOptions options) {
        Objects.requireNonNull(options, "options");
        TableFormat format = options.formatOf(file);
        InputFiles.checkReadable(file);
        return FormatCodec.of(format).read(file, options);
    }

    /**
     * Opens a file for reading batch by batch.
     *
     * @throws DataFileException naming the file if it cannot be opened or its head is wrong
     * @throws IllegalArgumentException if no format is given and the extension is not a known format's
     */
    public static TableReader openReader(Path file, ReadOptions options) {
        Objects.requireNonNull(options, "options");
        TableFormat format = options.formatOf(file);
        InputFiles.checkReadable(file);
        return FormatCodec.of(format).openReader(file, options);
    }

    /**
     * Writes a table with the default options, atomically.
     *
     * @throws DataFileException naming the file if it cannot be written (any previous file is then unchanged)
     * @throws IllegalArgumentException if its extension is not a known format's
     */
    public static void write(Table table, Path file) {
        write(table, file, WriteOptions.defaults());
    }

    /**
     * Writes a table, atomically: to a temporary sibling, forced to disk and renamed over {@code file}.
     *
     * @throws DataFileException naming the file if it cannot be written (any previous file is then unchanged)
     * @throws IllegalArgumentException if no format is given and the extension is not a known format's, or the
     *     format cannot hold the table (a compression it does not support)
     */
    public static void write(Table table, Path file, WriteOptions options) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(options, "options");
        TableFormat format = options.formatOf(file);
        options.compressionFor(format);
        FormatCodec.of(format).write(table, file, options);
    }

    /**
     * Opens a file for writing batch by batch; nothing appears at {@code file} until {@link TableWriter#commit()}.
     *
     * @throws DataFileException naming the file if its temporary sibling cannot be created
     * @throws IllegalArgumentException as for {@link #write(Table, Path, WriteOptions)}
     */
    public static TableWriter openWriter(Path file, Schema schema, WriteOptions options) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(options, "options");
        TableFormat format = options.formatOf(file);
        options.compressionFor(format);
        return FormatCodec.of(format).openWriter(file, schema, options);
    }
}
