package dev.quiver.io.csv;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

/**
 * Doubles, parsed by FastDoubleParser (exact: the nearest double, as {@link Double#parseDouble} gives, at several
 * times its speed). Besides Java's syntax ({@code 1e-4}, {@code NaN}, {@code Infinity}) it reads {@code inf} and
 * {@code infinity} in any case with an optional sign, as pandas and DuckDB write them. A {@code FLOAT32} column
 * rounds each value to the nearest 32-bit float.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class Float64Sink extends ColumnSink {
    private final boolean float32;
    double[] values;

    Float64Sink(CsvFormat format, int capacity, boolean float32) {
        super(format);
        this.float32 = float32;
        this.values = new double[Math.max(capacity, 16)];
    }

    @Override
    boolean add(char[] buf, int off, int len, boolean quoted) {
        if (rows == values.length) {
            values = Arrays.copyOf(values, grow(values.length, rows + 1));
        }
        double v;
        if (len == 0) {
            v = Double.NaN;
        } else {
            char c = buf[off];
            if ((c >= '0' && c <= '9') || c == '-' || c == '.' || c == '+' || c == ' ') {
                try {
                    v = JavaDoubleParser.parseDouble(buf, off, len);
                } catch (NumberFormatException e) {
                    v = special(buf, off, len);
                }
            } else {
                v = special(buf, off, len);
            }
            if (Double.isNaN(v) && !isNaNText(buf, off, len) && !isNull(buf, off, len)) {
                return false;
            }
        }
        values[rows++] = float32 ? (float) v : v;
        return true;
    }

    /** Infinities in the spellings other tools write; NaN (to be checked as a missing value) otherwise. */
    static double special(char[] buf, int off, int len) {
        int i = off;
        int n = len;
        boolean negative = false;
        if (n > 0 && (buf[i] == '-' || buf[i] == '+')) {
            negative = buf[i] == '-';
            i++;
            n--;
        }
        if (regionIs(buf, i, n, "inf") || regionIs(buf, i, n, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    private static boolean isNaNText(char[] buf, int off, int len) {
        return regionIs(buf, off, len, "nan") || (len == 4 && (buf[off] == '-' || buf[off] == '+')
                && regionIs(buf, off + 1, 3, "nan"));
    }

    private static boolean regionIs(char[] buf, int off, int len, String lower) {
        if (len != lower.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (Character.toLowerCase(buf[off + k]) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    void appendColumn(TableBuilder builder, Field field, List<ColumnSink> parts, int rows) {
        MemorySegment dst = builder.allocate(field, rows);
        long at = 0;
        for (ColumnSink p : parts) {
            Float64Sink s = (Float64Sink) p;
            MemorySegment.copy(s.values, 0, dst, ValueLayout.JAVA_DOUBLE, at, s.rows);
            at += (long) s.rows * Double.BYTES;
        }
    }
}
