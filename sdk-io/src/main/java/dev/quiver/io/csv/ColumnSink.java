package dev.quiver.io.csv;

import dev.quiver.api.table.LogicalType;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;

/**
 * Receives the fields of one column of one part of a CSV file, straight from the tokeniser's character buffer, and
 * keeps them as primitive values (no object per field). One sink per (part, column). A numeric sink writes into its
 * part's region of the column's final memory, so that joining the parts moves at most a few rows; values beyond the
 * region (the part held more rows than estimated) go to a heap overflow buffer. A text sink keeps codes into its own
 * dictionary, merged when the parts are joined.
 *
 * <p>{@link #add} answers {@code false} when a field does not fit the column's type; the parser then stops and
 * either widens the column's type and starts again, or reports the value.
 *
 * <p>Thread-safety: not thread-safe; each part has its own sinks.
 */
abstract sealed class ColumnSink permits Float64Sink, Int64Sink, Int32Sink, TemporalSink, TextSink {
    final CsvFormat format;
    /** The part's region of the column's memory ({@code capacity} values); unused by text sinks. */
    final MemorySegment region;
    final int capacity;
    int rows;

    ColumnSink(CsvFormat format, MemorySegment region, int capacity) {
        this.format = format;
        this.region = region;
        this.capacity = capacity;
    }

    /**
     * A sink for a column of this logical type.
     *
     * @param region where a numeric sink writes its first {@code capacity} values ({@code null} for text)
     */
    static ColumnSink of(LogicalType type, CsvFormat format, MemorySegment region, int capacity) {
        return switch (type) {
            case FLOAT64, FLOAT32 -> new Float64Sink(format, region, capacity, type == LogicalType.FLOAT32);
            case INT64 -> new Int64Sink(format, region, capacity);
            case INT32, INT16, INT8, BOOLEAN -> new Int32Sink(format, region, capacity, type);
            case DATE, TIMESTAMP -> new TemporalSink(format, region, capacity, type == LogicalType.DATE);
            case STRING -> new TextSink(format, capacity);
        };
    }

    /** Rows that did not fit the region. */
    final int overflowRows() {
        return Math.max(0, rows - capacity);
    }

    /** Copies the overflow rows to {@code dst} at byte {@code offset}. */
    abstract void copyOverflow(MemorySegment dst, long offset);

    /**
     * Adds the next row's field: {@code len} characters of {@code buf} from {@code off}, unquoted already;
     * {@code quoted} if it was written in quotes.
     *
     * @return whether the field fits the column's type (an empty or missing-value field always does)
     */
    abstract boolean add(char[] buf, int off, int len, boolean quoted);

    /** Whether a field that failed to parse is a missing value ({@link CsvFormat#nullValues()}). */
    final boolean isNull(char[] buf, int off, int len) {
        return !format.nullValues().isEmpty() && len <= 8 && format.nullValues().contains(new String(buf, off, len));
    }


    static int grow(int length, int needed) {
        long n = Math.max(needed, length + (length >> 1) + 16L);
        return (int) Math.min(n, Integer.MAX_VALUE - 8);
    }
}
