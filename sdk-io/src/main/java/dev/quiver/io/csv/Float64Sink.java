package dev.quiver.io.csv;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

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
    private double[] overflow = new double[0];

    Float64Sink(CsvFormat format, MemorySegment region, int capacity, boolean float32) {
        super(format, region, capacity);
        this.float32 = float32;
    }

    @Override
    boolean add(char[] buf, int off, int len, boolean quoted) {
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
        put(float32 ? (float) v : v);
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

    private void put(double v) {
        if (rows < capacity) {
            region.setAtIndex(ValueLayout.JAVA_DOUBLE, rows, v);
        } else {
            int k = rows - capacity;
            if (k == overflow.length) {
                overflow = Arrays.copyOf(overflow, grow(overflow.length, k + 1));
            }
            overflow[k] = v;
        }
        rows++;
    }

    @Override
    void copyOverflow(MemorySegment dst, long offset) {
        MemorySegment.copy(overflow, 0, dst, ValueLayout.JAVA_DOUBLE, offset, overflowRows());
    }
}
