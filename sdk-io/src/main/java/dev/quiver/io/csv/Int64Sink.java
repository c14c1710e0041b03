package dev.quiver.io.csv;

import dev.quiver.api.table.Int64Column;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * 64-bit integers, parsed by {@link Long#parseLong(CharSequence, int, int, int)} over a reused view of the
 * tokeniser's buffer (no object per field).
 *
 * <p>Thread-safety: not thread-safe.
 */
final class Int64Sink extends ColumnSink {
    private final CharView view = new CharView();
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
            v = parse(view, buf, off, len);
            if (v == Int64Column.MISSING && !isNull(buf, off, len)) {
                return false;
            }
        }
        put(v);
        return true;
    }

    /** The integer in the field (spaces around it allowed), or {@link Int64Column#MISSING} if it is none. */
    static long parse(CharView view, char[] buf, int off, int len) {
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
        char c = buf[off];
        if (c != '-' && c != '+' && (c < '0' || c > '9')) {
            return Int64Column.MISSING;
        }
        try {
            long v = Long.parseLong(view.of(buf, off, len), 0, len, 10);
            return v == Int64Column.MISSING ? Int64Column.MISSING : v;
        } catch (NumberFormatException e) {
            return Int64Column.MISSING;
        }
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
