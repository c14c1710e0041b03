package dev.quiver.io;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to write a table file: its format (by default from the extension), the CSV dialect, the compression of a
 * binary format, and Parquet's row-group size.
 *
 * <pre>{@code
 * TableFiles.write(table, Path.of("features.parquet"),
 *         WriteOptions.builder().compression(FileCompression.ZSTD).build());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class WriteOptions {
    private static final WriteOptions DEFAULTS = builder().build();

    private final TableFormat format;
    private final CsvFormat csv;
    private final FileCompression compression;
    private final int rowGroupRows;
    private final int threads;

    private WriteOptions(Builder b) {
        this.format = b.format;
        this.csv = b.csv;
        this.compression = b.compression;
        this.rowGroupRows = b.rowGroupRows;
        this.threads = b.threads;
    }

    /** Everything by default: the format from the extension, default CSV dialect and compressions, all cores. */
    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The format given, if any; otherwise the file's extension decides. */
    public Optional<TableFormat> format() {
        return Optional.ofNullable(format);
    }

    /**
     * The format of {@code file} under these options: the one given, else by extension.
     *
     * @throws IllegalArgumentException if none is given and the extension is unknown
     */
    public TableFormat formatOf(Path file) {
        return format != null ? format : TableFormat.of(file);
    }

    /** The CSV dialect for {@code file}: the one given, else {@link CsvFormat#TSV} for {@code .tsv}, else the default. */
    public CsvFormat csvFormatOf(Path file) {
        if (csv != null) {
            return csv;
        }
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") ? CsvFormat.TSV
                : CsvFormat.DEFAULT;
    }

    /** The compression given, if any. */
    public Optional<FileCompression> compression() {
        return Optional.ofNullable(compression);
    }

    /**
     * The compression for a format: the one given, else {@link FileCompression#SNAPPY} for Parquet and
     * {@link FileCompression#NONE} otherwise.
     *
     * @throws IllegalArgumentException if the format cannot be compressed that way
     */
    public FileCompression compressionFor(TableFormat format) {
        FileCompression c = compression != null ? compression
                : format == TableFormat.PARQUET ? FileCompression.SNAPPY : FileCompression.NONE;
        boolean supported = switch (format) {
            case CSV -> c == FileCompression.NONE;
            case PARQUET -> c != FileCompression.LZ4;
            case ARROW_FILE, ARROW_STREAM -> c == FileCompression.NONE || c == FileCompression.LZ4
                    || c == FileCompression.ZSTD;
        };
        if (!supported) {
            throw new IllegalArgumentException(format + " files cannot be compressed with " + c + "; "
                    + switch (format) {
                        case CSV -> "CSV is written uncompressed";
                        case PARQUET -> "Parquet takes none, snappy, zstd or gzip";
                        case ARROW_FILE, ARROW_STREAM -> "Arrow takes none, lz4 or zstd";
                    });
        }
        return c;
    }

    /** The rows per Parquet row group. */
    public int rowGroupRows() {
        return rowGroupRows;
    }

    /** How many threads may format at once. */
    public int threads() {
        return threads;
    }

    /**
     * Builds {@link WriteOptions}.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private TableFormat format;
        private CsvFormat csv;
        private FileCompression compression;
        private int rowGroupRows = 1 << 20;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** The format, whatever the extension; {@code null} to go by the extension. */
        public Builder format(TableFormat format) {
            this.format = format;
            return this;
        }

        /** The CSV dialect; {@code null} for the default of the extension. */
        public Builder csv(CsvFormat csv) {
            this.csv = csv;
            return this;
        }

        /** The compression of a Parquet or Arrow file; {@code null} for the format's default. */
        public Builder compression(FileCompression compression) {
            this.compression = compression;
            return this;
        }

        /**
         * The rows per Parquet row group (default 1,048,576).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder rowGroupRows(int rows) {
            this.rowGroupRows = ReadOptions.positive(rows, "rowGroupRows");
            return this;
        }

        /**
         * How many threads may format at once (default: every core).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder threads(int threads) {
            this.threads = ReadOptions.positive(threads, "threads");
            return this;
        }

        /** The options. */
        public WriteOptions build() {
            return new WriteOptions(this);
        }
    }
}
