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
        return of(text.toCharArray(), 0, text.length(), quoted, format);
    }

    /** {@link #of(String, boolean, CsvFormat)} over {@code n} characters of {@code c} from {@code off}. */
    static LogicalType of(char[] c, int off, int n, boolean quoted, CsvFormat format) {
        if (n == 0 || !quoted && isNullText(c, off, n, format)) {
            return null;
        }
        if (Int32Sink.parseBoolean(c, off, n) != Int32Column.MISSING && n > 1) {
            return LogicalType.BOOLEAN;
        }
        if (Int64Sink.parse(c, off, n) != Int64Column.MISSING) {
            return LogicalType.INT64;
        }
        if (isNumber(c, off, n)) {
            return LogicalType.FLOAT64;
        }
        if (TemporalText.parseDate(c, off, n) != TemporalText.NOT_TEMPORAL) {
            return LogicalType.DATE;
        }
        if (TemporalText.parseTimestamp(c, off, n) != TemporalText.NOT_TEMPORAL) {
            return LogicalType.TIMESTAMP;
        }
        return LogicalType.STRING;
    }

    private static boolean isNullText(char[] c, int off, int n, CsvFormat format) {
        for (String missing : format.nullValues()) {
            if (missing.length() == n) {
                int i = 0;
                while (i < n && missing.charAt(i) == c[off + i]) {
                    i++;
                }
                if (i == n) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNumber(char[] c, int off, int n) {
        char first = c[off];
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.' || first == ' ') {
            try {
                double v = JavaDoubleParser.parseDouble(c, off, n);
                if (!Double.isNaN(v)) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // maybe an infinity spelled otherwise
            }
        }
        return Double.isInfinite(Float64Sink.special(c, off, n));
    }

    /**
     * Whether the text plainly keeps a column of type {@code t} as it is, by a scan of its characters: digits (with a
     * sign) for {@code INT64}; digits, signs, a point and exponents for {@code FLOAT64}. A {@code false} means only
     * "look closer" ({@link #of}). The sample of a wide file (a column per strategy) checks millions of fields, most
     * of them plain numbers; a malformed number that passes the scan fails the full parse, which widens then.
     */
    static boolean plainlyFits(LogicalType t, char[] c, int off, int n) {
        if (n == 0 || n > 24 || (t != LogicalType.FLOAT64 && t != LogicalType.INT64)) {
            return false;
        }
        boolean digit = false;
        for (int i = off; i < off + n; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                digit = true;
            } else if (ch == '-' || ch == '+') {
                if (t == LogicalType.INT64 && i != off) {
                    return false;
                }
            } else if (t == LogicalType.INT64 || (ch != '.' && ch != 'e' && ch != 'E')) {
                return false;
            }
        }
        return digit && (t == LogicalType.FLOAT64 || n <= 18);
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
