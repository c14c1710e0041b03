package dev.quiver.io;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The dialect of a CSV file: separator, quote, header, line ending, byte-order mark and the texts that mean a missing
 * value. The defaults are RFC 4180 with the conventions of pandas and DuckDB: comma, double quote, a header row, LF
 * line endings, no byte-order mark, missing values written as empty fields.
 *
 * <h2>Reading</h2>
 * Fields are quoted when they hold the separator, a quote (doubled inside) or a line break; lines end with LF or
 * CRLF; a UTF-8 byte-order mark is skipped; blank lines are skipped. A field that is empty or equal to one of
 * {@link #nullValues()} (by default {@code NA}, {@code N/A}, {@code NaN}, {@code nan}, {@code null}, {@code NULL},
 * {@code #N/A}, {@code None} and {@code <NA>}: what pandas, R and Excel write) is missing.
 *
 * <h2>Writing</h2>
 * A field is quoted only when it must be; a missing value is written as {@link #nullText()} (empty by default);
 * {@link #EXCEL} adds the byte-order mark and CRLF line endings that Excel expects of a UTF-8 file.
 *
 * <p>Thread-safety: immutable.
 */
public final class CsvFormat {
    private static final List<String> DEFAULT_NULLS = List.of("NA", "N/A", "NaN", "nan", "null", "NULL", "#N/A",
            "None", "<NA>");

    /** RFC 4180 with a header, LF line endings and no byte-order mark. */
    public static final CsvFormat DEFAULT = builder().build();
    /** Tab-separated values ({@code .tsv}). */
    public static final CsvFormat TSV = builder().separator('\t').build();
    /** What Excel writes and reads as UTF-8: a byte-order mark and CRLF line endings. */
    public static final CsvFormat EXCEL = builder().byteOrderMark(true).lineSeparator("\r\n").build();

    private final char separator;
    private final char quote;
    private final boolean header;
    private final String lineSeparator;
    private final boolean byteOrderMark;
    private final Set<String> nullValues;
    private final String nullText;

    private CsvFormat(Builder b) {
        this.separator = b.separator;
        this.quote = b.quote;
        this.header = b.header;
        this.lineSeparator = b.lineSeparator;
        this.byteOrderMark = b.byteOrderMark;
        this.nullValues = Set.copyOf(b.nullValues);
        this.nullText = b.nullText;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this format. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.separator = separator;
        b.quote = quote;
        b.header = header;
        b.lineSeparator = lineSeparator;
        b.byteOrderMark = byteOrderMark;
        b.nullValues = new LinkedHashSet<>(nullValues);
        b.nullText = nullText;
        return b;
    }

    /** The field separator. */
    public char separator() {
        return separator;
    }

    /** The quote character. */
    public char quote() {
        return quote;
    }

    /** Whether the first line names the columns (without one, columns are named {@code column_1}, ...). */
    public boolean header() {
        return header;
    }

    /** The line ending written ({@code "\n"} or {@code "\r\n"}); both are read. */
    public String lineSeparator() {
        return lineSeparator;
    }

    /** Whether a written file starts with a UTF-8 byte-order mark (one is always skipped when reading). */
    public boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** The texts, besides the empty field, that are read as a missing value. */
    public Set<String> nullValues() {
        return nullValues;
    }

    /** The text written for a missing value. */
    public String nullText() {
        return nullText;
    }

    /** Whether a field's text, as read, is a missing value. */
    public boolean isNull(CharSequence field) {
        return field.isEmpty() || (!nullValues.isEmpty() && nullValues.contains(field.toString()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvFormat f && separator == f.separator && quote == f.quote && header == f.header
                && lineSeparator.equals(f.lineSeparator) && byteOrderMark == f.byteOrderMark
                && nullValues.equals(f.nullValues) && nullText.equals(f.nullText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(separator, quote, header, lineSeparator, byteOrderMark, nullValues, nullText);
    }

    @Override
    public String toString() {
        return "CsvFormat[separator=" + printable(separator) + ", quote=" + quote + ", header=" + header
                + ", lineSeparator=" + (lineSeparator.equals("\n") ? "LF" : "CRLF") + ", bom=" + byteOrderMark
                + ", nullText='" + nullText + "']";
    }

    private static String printable(char c) {
        return c == '\t' ? "TAB" : String.valueOf(c);
    }

    /**
     * Builds a {@link CsvFormat}.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private char separator = ',';
        private char quote = '"';
        private boolean header = true;
        private String lineSeparator = "\n";
        private boolean byteOrderMark;
        private Set<String> nullValues = new LinkedHashSet<>(DEFAULT_NULLS);
        private String nullText = "";

        private Builder() {
        }

        /**
         * The field separator (default {@code ,}).
         *
         * @throws IllegalArgumentException for a quote, a line break or the quote character
         */
        public Builder separator(char separator) {
            if (separator == '\r' || separator == '\n' || separator == '"') {
                throw new IllegalArgumentException("the separator cannot be a line break or a double quote");
            }
            this.separator = separator;
            return this;
        }

        /**
         * The quote character (default {@code "}).
         *
         * @throws IllegalArgumentException for a line break
         */
        public Builder quote(char quote) {
            if (quote == '\r' || quote == '\n') {
                throw new IllegalArgumentException("the quote cannot be a line break");
            }
            this.quote = quote;
            return this;
        }

        /** Whether the first line names the columns (default true). */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /**
         * The line ending to write: {@code "\n"} (default) or {@code "\r\n"}.
         *
         * @throws IllegalArgumentException for anything else
         */
        public Builder lineSeparator(String lineSeparator) {
            if (!lineSeparator.equals("\n") && !lineSeparator.equals("\r\n")) {
                throw new IllegalArgumentException("the line separator is \\n or \\r\\n");
            }
            this.lineSeparator = lineSeparator;
            return this;
        }

        /** Whether to start written files with a UTF-8 byte-order mark (default false; Excel wants one). */
        public Builder byteOrderMark(boolean byteOrderMark) {
            this.byteOrderMark = byteOrderMark;
            return this;
        }

        /** Replaces the texts, besides the empty field, read as missing values. */
        public Builder nullValues(Set<String> nullValues) {
            this.nullValues = new LinkedHashSet<>(nullValues);
            return this;
        }

        /**
         * The text written for a missing value (default empty).
         *
         * @throws IllegalArgumentException if it holds the separator, the quote or a line break
         */
        public Builder nullText(String nullText) {
            for (char c : nullText.toCharArray()) {
                if (c == separator || c == quote || c == '\n' || c == '\r') {
                    throw new IllegalArgumentException("the text of a missing value cannot hold the separator, the "
                            + "quote or a line break");
                }
            }
            this.nullText = nullText;
            return this;
        }

        /** The format. */
        public CsvFormat build() {
            return new CsvFormat(this);
        }
    }
}
