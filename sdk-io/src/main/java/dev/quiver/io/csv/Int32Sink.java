package dev.quiver.io.csv;

import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

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
    private int[] overflow = new int[0];

    Int32Sink(CsvFormat format, MemorySegment region, int capacity, LogicalType type) {
        super(format, region, capacity);
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
    }

    @Override
    boolean add(char[] buf, int off, int len, boolean quoted) {
        int v;
        if (len == 0) {
            v = Int32Column.MISSING;
        } else if (type == LogicalType.BOOLEAN) {
            v = parseBoolean(buf, off, len);
            if (v == Int32Column.MISSING && !isNull(buf, off, len)) {
                return false;
            }
        } else {
            long l = Int64Sink.parse(buf, off, len);
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
        put(v);
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

    private void put(int v) {
        if (rows < capacity) {
            region.setAtIndex(ValueLayout.JAVA_INT, rows, v);
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
        MemorySegment.copy(overflow, 0, dst, ValueLayout.JAVA_INT, offset, overflowRows());
    }
}
