package dev.quiver.io.csv;

import dev.quiver.api.table.Int64Column;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * 64-bit integers, parsed straight from the tokeniser's buffer: no object per field and no exception for a field
 * that is not an integer (type inference tries every number as an integer first).
 *
 * <p>Thread-safety: not thread-safe.
 */
final class Int64Sink extends ColumnSink {
    private long[] overflow = new long[0];

    Int64Sink(CsvFormat format, MemorySegment region, int capacity) {
        super(format, region, capacity);
    }

    @Override
    boolean add(char[] buf, int off, int len, boolean quoted) {
        long v;
        if (len == 0) {
            v = Int64Column.MISSING;
        } else {
            v = parse(buf, off, len);
            if (v == Int64Column.MISSING && !isNull(buf, off, len)) {
                return false;
            }
        }
        put(v);
        return true;
    }

    /**
     * The integer in the field (spaces around it allowed; an optional sign, then decimal digits), or
     * {@link Int64Column#MISSING} if it is none or does not fit 64 bits.
     */
    static long parse(char[] buf, int off, int len) {
        while (len > 0 && buf[off] == ' ') {
            off++;
            len--;
        }
        while (len > 0 && buf[off + len - 1] == ' ') {
            len--;
        }
        if (len == 0 || len > 20) {
            return Int64Column.MISSING;
        }
        int i = off;
        int end = off + len;
        boolean negative = buf[i] == '-';
        if (negative || buf[i] == '+') {
            if (++i == end) {
                return Int64Column.MISSING;
            }
        }
        // accumulated as a negative number, whose range includes Long.MIN_VALUE
        long v = 0;
        for (; i < end; i++) {
            int digit = buf[i] - '0';
            if (digit < 0 || digit > 9 || v < (Long.MIN_VALUE + digit) / 10) {
                return Int64Column.MISSING;
            }
            v = v * 10 - digit;
        }
        if (!negative && v == Long.MIN_VALUE) {
            return Int64Column.MISSING;
        }
        long r = negative ? v : -v;
        return r == Int64Column.MISSING ? Int64Column.MISSING : r;
    }

    private void put(long v) {
        if (rows < capacity) {
            region.setAtIndex(ValueLayout.JAVA_LONG, rows, v);
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
        MemorySegment.copy(overflow, 0, dst, ValueLayout.JAVA_LONG, offset, overflowRows());
    }
}
