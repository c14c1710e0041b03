package dev.quiver.io.csv;

import dev.quiver.api.table.Int64Column;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Dates and timestamps ({@link TemporalText}) as milliseconds since the epoch, UTC. A {@code DATE} column takes
 * {@code YYYY-MM-DD} only; a {@code TIMESTAMP} column takes dates too (midnight).
 *
 * <p>Thread-safety: not thread-safe.
 */
final class TemporalSink extends ColumnSink {
    private final boolean dateOnly;
    private long[] overflow = new long[0];

    TemporalSink(CsvFormat format, MemorySegment region, int capacity, boolean dateOnly) {
        super(format, region, capacity);
        this.dateOnly = dateOnly;
    }

    @Override
    boolean add(char[] buf, int off, int len, boolean quoted) {
        long v;
        if (len == 0) {
            v = Int64Column.MISSING;
        } else {
            v = dateOnly ? TemporalText.parseDate(buf, off, len) : TemporalText.parseTimestamp(buf, off, len);
            if (v == TemporalText.NOT_TEMPORAL) {
                if (!isNull(buf, off, len)) {
                    return false;
                }
                v = Int64Column.MISSING;
            }
        }
        put(v);
        return true;
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
