package dev.quiver.cli;

import dev.quiver.api.table.LogicalType;
import dev.quiver.io.FileCompression;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFormat;
import dev.quiver.io.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The file flags of every command that reads or writes a table ({@code --input-format}, {@code --format},
 * {@code --column-type}, {@code --compression}), as a picocli mixin. Without them a file's format follows its
 * extension and CSV column types are inferred (see docs/io.md).
 *
 * <p>Thread-safety: a mixin serves one invocation on one thread.
 */
final class TableFileOptions {

    @Option(names = "--input-format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Read the input as csv, tsv, parquet, arrow (feather) or arrows, whatever its extension "
                    + "(default: from the extension).")
    private TableFormat inputFormat;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Write the output as csv, tsv, parquet, arrow (feather) or arrows, whatever its "
                    + "extension (default: from the extension).")
    private TableFormat outputFormat;

    @Option(names = "--column-type", paramLabel = "NAME=TYPE",
            description = "Read a CSV column as this type instead of inferring one: float64, int64, int32, string, "
                    + "date, timestamp, boolean, ...; repeatable.")
    private List<String> columnTypes = new ArrayList<>();

    @Option(names = "--compression", paramLabel = "CODEC", converter = CompressionConverter.class,
            description = "Compression of a Parquet (snappy, zstd, gzip, none) or Arrow (none, lz4, zstd) output "
                    + "(default: snappy for Parquet, none for Arrow).")
    private FileCompression compression;

    /** Creates the mixin; picocli fills its fields. */
    TableFileOptions() {
    }

    /**
     * The read options these flags describe.
     *
     * @throws IllegalArgumentException naming the flag and value if a {@code --column-type} is malformed
     */
    ReadOptions.Builder read() {
        ReadOptions.Builder b = ReadOptions.builder().format(inputFormat);
        for (String spec : columnTypes) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--column-type '" + spec + "': expected NAME=TYPE, e.g. "
                        + "Sector=string");
            }
            try {
                b.columnType(spec.substring(0, eq).strip(), LogicalType.named(spec.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--column-type '" + spec + "': " + e.getMessage(), e);
            }
        }
        return b;
    }

    /** The write options these flags describe. */
    WriteOptions.Builder write() {
        return WriteOptions.builder().format(outputFormat).compression(compression);
    }

    /** Parses a format name for picocli. */
    static final class FormatConverter implements CommandLine.ITypeConverter<TableFormat> {
        @Override
        public TableFormat convert(String value) {
            try {
                return TableFormat.named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses a compression name for picocli. */
    static final class CompressionConverter implements CommandLine.ITypeConverter<FileCompression> {
        @Override
        public FileCompression convert(String value) {
            try {
                return FileCompression.named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
