package dev.quiver.io;

import dev.quiver.api.table.LogicalType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a table file: its format (by default from the extension), the CSV dialect, which columns to keep, the
 * types of CSV columns, and how the work is split.
 *
 * <pre>{@code
 * ReadOptions options = ReadOptions.builder()
 *         .csv(CsvFormat.builder().separator(';').build())
 *         .columnType("Sector", LogicalType.STRING)
 *         .columns(List.of("Date", "Close", "Sector"))
 *         .build();
 * }</pre>
 *
 * <h2>CSV column types</h2>
 * Unless {@link Builder#columnType} names one, a CSV column's type is inferred from its first
 * {@link #sampleRows()} values (missing ones aside): {@code INT64} if every value is an integer, {@code FLOAT64} if
 * every value is a number ({@code Infinity}, {@code inf} and exponents included), {@code DATE} for ISO dates
 * ({@code 2020-01-31}), {@code TIMESTAMP} for ISO date-times ({@code 2020-01-31T09:30:00}, {@code 2020-01-31 09:30},
 * with an optional {@code Z} or offset), {@code BOOLEAN} for {@code true}/{@code false}, else {@code STRING}. A column
 * with no value in the sample is {@code FLOAT64}. A later value that does not fit widens the type (integers to
 * numbers, dates to timestamps, anything to text) and the file is read again; a streaming reader that has already
 * handed out batches reports the value instead and names the option that fixes it.
 *
 * <p>Thread-safety: immutable.
 */
public final class ReadOptions {
    private static final ReadOptions DEFAULTS = builder().build();

    private final TableFormat format;
    private final CsvFormat csv;
    private final List<String> columns;
    private final Map<String, LogicalType> columnTypes;
    private final int sampleRows;
    private final int batchRows;
    private final int threads;
    private final String lineColumn;

    private ReadOptions(Builder b) {
        this.format = b.format;
        this.csv = b.csv;
        this.columns = b.columns == null ? List.of() : List.copyOf(b.columns);
        this.columnTypes = Map.copyOf(b.columnTypes);
        this.sampleRows = b.sampleRows;
        this.batchRows = b.batchRows;
        this.threads = b.threads;
        this.lineColumn = b.lineColumn;
    }

    /** Everything by default: the format from the extension, every column, inferred CSV types, all cores. */
    public static ReadOptions defaults() {
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

    /** The columns to keep, in file order; empty for all of them. */
    public List<String> columns() {
        return columns;
    }

    /** The types CSV columns are read as, by column name; other columns' types are inferred. */
    public Map<String, LogicalType> columnTypes() {
        return columnTypes;
    }

    /** How many leading CSV rows type inference looks at. */
    public int sampleRows() {
        return sampleRows;
    }

    /** About how many rows each batch of a streaming reader holds. */
    public int batchRows() {
        return batchRows;
    }

    /** How many threads may parse at once. */
    public int threads() {
        return threads;
    }

    /**
     * The name of an extra {@code INT64} column holding, for each row of a CSV file, the 1-based line its record
     * starts on (the header is line 1), so that later checks can name the line of a bad value; empty for none. Binary
     * formats have no lines and ignore it.
     */
    public Optional<String> lineColumn() {
        return Optional.ofNullable(lineColumn);
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.format = format;
        b.csv = csv;
        b.columns = columns.isEmpty() ? null : columns;
        b.columnTypes = new LinkedHashMap<>(columnTypes);
        b.sampleRows = sampleRows;
        b.batchRows = batchRows;
        b.threads = threads;
        b.lineColumn = lineColumn;
        return b;
    }

    /**
     * Builds {@link ReadOptions}.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private TableFormat format;
        private CsvFormat csv;
        private List<String> columns;
        private Map<String, LogicalType> columnTypes = new LinkedHashMap<>();
        private int sampleRows = 10_000;
        private int batchRows = 1 << 20;
        private int threads = Runtime.getRuntime().availableProcessors();
        private String lineColumn;

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

        /**
         * Adds an {@code INT64} column of this name holding each CSV row's 1-based starting line; {@code null} for
         * none (the default).
         */
        public Builder lineColumn(String name) {
            this.lineColumn = name;
            return this;
        }

        /** Keeps only these columns (in file order); {@code null} or empty for all. */
        public Builder columns(List<String> columns) {
            this.columns = columns;
            return this;
        }

        /** Reads a CSV column as this type instead of inferring one. */
        public Builder columnType(String column, LogicalType type) {
            columnTypes.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * How many leading CSV rows type inference looks at (default 10,000).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder sampleRows(int rows) {
            this.sampleRows = positive(rows, "sampleRows");
            return this;
        }

        /**
         * About how many rows each batch of a streaming reader holds (default 1,048,576).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder batchRows(int rows) {
            this.batchRows = positive(rows, "batchRows");
            return this;
        }

        /**
         * How many threads may parse at once (default: every core).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder threads(int threads) {
            this.threads = positive(threads, "threads");
            return this;
        }

        /** The options. */
        public ReadOptions build() {
            return new ReadOptions(this);
        }
    }

    static int positive(int n, String what) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive, not " + n);
        }
        return n;
    }
}
