package dev.quiver.io;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A data file that cannot be read or written, said in a user's words: the file, and where the content is wrong, the
 * 1-based line of a text file (or the 0-based row of a binary one), the column and the value. The message is a plain
 * sentence ({@code prices.csv, line 12, column 'Close': 'abc' is not a number}) that a command line can print as it
 * is; the cause, if any, keeps the details for {@code --debug}.
 *
 * <p>Thread-safety: immutable.
 */
public class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final long row;
    private final String column;
    private final String value;

    private DataFileException(Builder b, Throwable cause) {
        super(b.message(), cause);
        this.file = b.file;
        this.line = b.line;
        this.row = b.row;
        this.column = b.column;
        this.value = b.value;
    }

    /** A problem with a whole file ({@code "does not exist"}, {@code "is empty; expected a header line"}). */
    public static DataFileException of(Path file, String problem) {
        return at(file).build(problem);
    }

    /** Starts describing where in {@code file} the problem is. */
    public static Builder at(Path file) {
        return new Builder(file);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The 1-based line of a text file, if the problem is on one. */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    /** The 0-based row of a binary file (Parquet, Arrow), if the problem is in one. */
    public OptionalLong row() {
        return row >= 0 ? OptionalLong.of(row) : OptionalLong.empty();
    }

    /** The column, or {@code null}. */
    public String column() {
        return column;
    }

    /** The offending value as written in the file, or {@code null}. */
    public String value() {
        return value;
    }

    /**
     * Describes where a problem is; {@link #build} makes the exception.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private final Path file;
        private long line = -1;
        private long row = -1;
        private String column;
        private String value;
        private String problem;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /** The 1-based line of a text file. */
        public Builder line(long line) {
            this.line = line;
            return this;
        }

        /** The 0-based row of a binary file. */
        public Builder row(long row) {
            this.row = row;
            return this;
        }

        /** The column. */
        public Builder column(String column) {
            this.column = column;
            return this;
        }

        /** The value as written. */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        /** The exception, saying {@code problem} (a sentence without the file, line and column). */
        public DataFileException build(String problem) {
            return build(problem, null);
        }

        /** The exception, saying {@code problem}, with the cause kept for debugging. */
        public DataFileException build(String problem, Throwable cause) {
            this.problem = Objects.requireNonNull(problem, "problem");
            return new DataFileException(this, cause);
        }

        private String message() {
            StringBuilder b = new StringBuilder(file.toString());
            if (line > 0) {
                b.append(", line ").append(line);
            }
            if (row >= 0) {
                b.append(", row ").append(row);
            }
            if (column != null) {
                b.append(", column '").append(column).append('\'');
            }
            return b.append(": ").append(problem).toString();
        }
    }
}
