package dev.quiver.io.csv;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

/**
 * 64-bit integers, parsed by {@link Long#parseLong(CharSequence, int, int, int)} over a reused view of the
 * tokeniser's buffer (no object per field).
 *
 * <p>Thread-safety: not thread-safe.
 */
final class Int64Sink extends ColumnSink {
    private final CharView view = new CharView();
    long[] values;

    Int64Sink(CsvFormat format, int capacity) {
        super(format);
        this.values = new long[Math.max(capacity, 16)];
    }

    @Override
    boolean add(char[] buf, int off, int len, boolean quoted) {
        if (rows == values.length) {
            values = Arrays.copyOf(values, grow(values.length, rows + 1));
        }
        long v;
        if (len == 0) {
            v = Int64Column.MISSING;
        } else {
            v = parse(view, buf, off, len);
            if (v == Int64Column.MISSING && !isNull(buf, off, len)) {
                return false;
            }
        }
        values[rows++] = v;
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

    @Override
    void appendColumn(TableBuilder builder, Field field, List<ColumnSink> parts, int rows) {
        MemorySegment dst = builder.allocate(field, rows);
        long at = 0;
        for (ColumnSink p : parts) {
            Int64Sink s = (Int64Sink) p;
            MemorySegment.copy(s.values, 0, dst, ValueLayout.JAVA_LONG, at, s.rows);
            at += (long) s.rows * Long.BYTES;
        }
    }
}
