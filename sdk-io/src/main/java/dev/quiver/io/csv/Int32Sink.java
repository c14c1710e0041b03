package dev.quiver.io.csv;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

/**
 * Values stored as 32-bit integers: {@code INT32}, {@code INT16} and {@code INT8} (checked against their ranges) and
 * {@code BOOLEAN} ({@code true}/{@code false} in any case, or {@code 1}/{@code 0}).
 *
 * <p>Thread-safety: not thread-safe.
 */
final class Int32Sink extends ColumnSink {
    private final LogicalType type;
    private final long min;
    private final long max;
    private final CharView view = new CharView();
    int[] values;

    Int32Sink(CsvFormat format, int capacity, LogicalType type) {
        super(format);
        this.type = type;
        this.min = switch (type) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            default -> Integer.MIN_VALUE + 1L; // Integer.MIN_VALUE is the missing marker
        };
        this.max = switch (type) {
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            default -> Integer.MAX_VALUE;
        };
        this.values = new int[Math.max(capacity, 16)];
    }

    @Override
    boolean add(char[] buf, int off, int len, boolean quoted) {
        if (rows == values.length) {
            values = Arrays.copyOf(values, grow(values.length, rows + 1));
        }
        int v;
        if (len == 0) {
            v = Int32Column.MISSING;
        } else if (type == LogicalType.BOOLEAN) {
            v = parseBoolean(buf, off, len);
            if (v == Int32Column.MISSING && !isNull(buf, off, len)) {
                return false;
            }
        } else {
            long l = Int64Sink.parse(view, buf, off, len);
            if (l == Int64Column.MISSING) {
                if (!isNull(buf, off, len)) {
                    return false;
                }
                v = Int32Column.MISSING;
            } else if (l < min || l > max) {
                return false;
            } else {
                v = (int) l;
            }
        }
        values[rows++] = v;
        return true;
    }

    /** 1 for true, 0 for false, {@link Int32Column#MISSING} for anything else. */
    static int parseBoolean(char[] buf, int off, int len) {
        if (len == 1) {
            return buf[off] == '1' ? 1 : buf[off] == '0' ? 0 : Int32Column.MISSING;
        }
        String lower = len == 4 ? "true" : len == 5 ? "false" : null;
        if (lower == null) {
            return Int32Column.MISSING;
        }
        for (int k = 0; k < len; k++) {
            if (Character.toLowerCase(buf[off + k]) != lower.charAt(k)) {
                return Int32Column.MISSING;
            }
        }
        return len == 4 ? 1 : 0;
    }

    @Override
    void appendColumn(TableBuilder builder, Field field, List<ColumnSink> parts, int rows) {
        MemorySegment dst = builder.allocate(field, rows);
        long at = 0;
        for (ColumnSink p : parts) {
            Int32Sink s = (Int32Sink) p;
            MemorySegment.copy(s.values, 0, dst, ValueLayout.JAVA_INT, at, s.rows);
            at += (long) s.rows * Integer.BYTES;
        }
    }
}
