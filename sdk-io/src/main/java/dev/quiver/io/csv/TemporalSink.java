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
 * Dates and timestamps ({@link TemporalText}) as milliseconds since the epoch, UTC. A {@code DATE} column takes
 * {@code YYYY-MM-DD} only; a {@code TIMESTAMP} column takes dates too (midnight).
 *
 * <p>Thread-safety: not thread-safe.
 */
final class TemporalSink extends ColumnSink {
    private final boolean dateOnly;
    long[] values;

    TemporalSink(CsvFormat format, int capacity, boolean dateOnly) {
        super(format);
        this.dateOnly = dateOnly;
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
            v = dateOnly ? TemporalText.parseDate(buf, off, len) : TemporalText.parseTimestamp(buf, off, len);
            if (v == TemporalText.NOT_TEMPORAL) {
                if (!isNull(buf, off, len)) {
                    return false;
                }
                v = Int64Column.MISSING;
            }
        }
        values[rows++] = v;
        return true;
    }

    @Override
    void appendColumn(TableBuilder builder, Field field, List<ColumnSink> parts, int rows) {
        MemorySegment dst = builder.allocate(field, rows);
        long at = 0;
        for (ColumnSink p : parts) {
            TemporalSink s = (TemporalSink) p;
            MemorySegment.copy(s.values, 0, dst, ValueLayout.JAVA_LONG, at, s.rows);
            at += (long) s.rows * Long.BYTES;
        }
    }
}
