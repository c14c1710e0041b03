package dev.quiver.io.csv;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.io.CsvFormat;

/**
 * Infers CSV column types from text (see {@link dev.quiver.io.ReadOptions} for the rules) and widens a type when a
 * later value does not fit it: integers to numbers, dates to timestamps, anything else to text.
 *
 * <p>Thread-safety: stateless.
 */
final class CsvTypes {
    private CsvTypes() {
    }

    /** The narrowest type that holds the text, or {@code null} for a missing value. */
    static LogicalType of(String text, boolean quoted, CsvFormat format) {
        if (text.isEmpty() || !quoted && format.nullValues().contains(text)) {
            return null;
        }
        char[] c = text.toCharArray();
        int n = c.length;
        if (Int32Sink.parseBoolean(c, 0, n) != Int32Column.MISSING && n > 1) {
            return LogicalType.BOOLEAN;
        }
        if (Int64Sink.parse(new CharView(), c, 0, n) != Int64Column.MISSING) {
            return LogicalType.INT64;
        }
        if (isNumber(c, n)) {
            return LogicalType.FLOAT64;
        }
        if (TemporalText.parseDate(c, 0, n) != TemporalText.NOT_TEMPORAL) {
            return LogicalType.DATE;
        }
        if (TemporalText.parseTimestamp(c, 0, n) != TemporalText.NOT_TEMPORAL) {
            return LogicalType.TIMESTAMP;
        }
        return LogicalType.STRING;
    }

    private static boolean isNumber(char[] c, int n) {
        char first = c[0];
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.' || first == ' ') {
            try {
                double v = JavaDoubleParser.parseDouble(c, 0, n);
                if (!Double.isNaN(v)) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // maybe an infinity spelled otherwise
            }
        }
        return Double.isInfinite(Float64Sink.special(c, 0, n));
    }

    /** The narrowest type holding values of both types ({@code null} is no value yet). */
    static LogicalType widen(LogicalType a, LogicalType b) {
        if (a == null || a == b) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (isNumeric(a) && isNumeric(b)) {
            return LogicalType.FLOAT64;
        }
        if (a.isTemporal() && b.isTemporal()) {
            return LogicalType.TIMESTAMP;
        }
        return LogicalType.STRING;
    }

    private static boolean isNumeric(LogicalType t) {
        return t == LogicalType.INT64 || t == LogicalType.FLOAT64;
    }
}
