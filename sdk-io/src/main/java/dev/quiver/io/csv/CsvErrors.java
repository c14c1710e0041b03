package dev.quiver.io.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.quiver.api.table.LogicalType;
import dev.quiver.io.CsvFormat;
import dev.quiver.io.DataFileException;
import dev.quiver.io.format.InputFiles;
import java.io.IOException;
import java.util.Locale;

/**
 * The sentences a CSV problem is reported in: the file, the 1-based line, the column and the value, and what was
 * expected, in the user's words.
 *
 * <p>Thread-safety: stateless.
 */
final class CsvErrors {
    private CsvErrors() {
    }

    /** An I/O failure or invalid UTF-8 while reading bytes from {@code from} on. */
    static DataFileException translate(CsvSource src, long from, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Utf8Reader.MalformedUtf8 m) {
                return invalidUtf8(src, m.offset);
            }
        }
        return e instanceof IOException io ? InputFiles.readFailure(src.file(), io)
                : DataFileException.at(src.file()).build("cannot be read: " + e.getMessage(), e);
    }

    static DataFileException invalidUtf8(CsvSource src, long offset) {
        int b = src.byteAt(offset) & 0xFF;
        return DataFileException.at(src.file()).line(src.lineAt(offset)).build(String.format(Locale.ROOT,
                "the byte 0x%02X at offset %d is not valid UTF-8; save the file as UTF-8 (in Excel: \"CSV UTF-8\")",
                b, offset));
    }

    /**
     * A tokenising failure (FastCSV's strict RFC 4180 checks) in {@code [from, to)}; {@code line} is the absolute
     * line of the record being parsed.
     */
    static DataFileException syntax(CsvSource src, long line, CsvFormat format, CsvParseException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String problem;
        if (m.startsWith("Unclosed quoted field")) {
            problem = "a quoted field starting here is never closed (a " + format.quote() + " is missing)";
        } else if (m.startsWith("Unexpected character after closing quote")) {
            int cut = m.indexOf(" (record");
            problem = "a quoted field is followed by other characters; quote the whole field ("
                    + (cut > 0 ? m.substring(0, cut) : m).toLowerCase(Locale.ROOT) + ")";
        } else {
            int cut = m.indexOf(" (record");
            problem = (cut > 0 ? m.substring(0, cut) : m);
        }
        return DataFileException.at(src.file()).line(line).build(problem, e);
    }

    /** A tokenising failure found only by position (the header, the sample). */
    static DataFileException parseFailure(CsvSource src, long from, long to, CsvFormat format,
                                          CsvParseException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Utf8Reader.MalformedUtf8 m) {
                return invalidUtf8(src, m.offset);
            }
        }
        return syntax(src, src.lineAt(src.recordStartBefore(to, (byte) format.quote())), format, e);
    }

    /** A record with the wrong number of fields. */
    static DataFileException ragged(CsvSource src, long line, int fields, int expected, boolean header) {
        return DataFileException.at(src.file()).line(line).build("the record has " + fields + " field"
                + (fields == 1 ? "" : "s") + " but the " + (header ? "header has " : "first record has ") + expected
                + " (a missing or extra separator? a field with a separator in it must be quoted)");
    }

    /** A value that does not fit its column's type. */
    static DataFileException misfit(CsvSource src, long line, String column, String value, LogicalType type,
                                    boolean given) {
        String expected = switch (type) {
            case FLOAT64, FLOAT32 -> "a number";
            case INT64, INT32 -> "an integer";
            case INT16 -> "an integer from -32768 to 32767";
            case INT8 -> "an integer from -128 to 127";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (YYYY-MM-DD)";
            case TIMESTAMP -> "a date-time (ISO 8601, e.g. 2020-01-31T09:30:00Z)";
            case STRING -> "text";
        };
        String why = given ? " (the column was given the type " + type + ")"
                : " (the column's type, " + type + ", was inferred from the rows before; read it as another "
                + "type with ReadOptions.columnType or --column-type NAME=TYPE)";
        return DataFileException.at(src.file()).line(line).column(column).value(value)
                .build("'" + value + "' is not " + expected + why);
    }
}
