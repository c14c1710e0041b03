package dev.quiver.io.csv;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.CsvFormat;
import java.util.List;

/**
 * Receives the fields of one column of one part of a CSV file, straight from the tokeniser's character buffer, and
 * keeps them as primitive values (no object per field). One sink per (part, column); the parts' sinks of a column are
 * then joined into one table column in part order.
 *
 * <p>{@link #add} answers {@code false} when a field does not fit the column's type; the parser then stops and
 * either widens the column's type and starts again, or reports the value.
 *
 * <p>Thread-safety: not thread-safe; each part has its own sinks.
 */
abstract sealed class ColumnSink permits Float64Sink, Int64Sink, Int32Sink, TemporalSink, TextSink {
    final CsvFormat format;
    int rows;

    ColumnSink(CsvFormat format) {
        this.format = format;
    }

    /** A sink for a column of this logical type, sized for about {@code capacity} rows. */
    static ColumnSink of(LogicalType type, CsvFormat format, int capacity) {
        return switch (type) {
            case FLOAT64, FLOAT32 -> new Float64Sink(format, capacity, type == LogicalType.FLOAT32);
            case INT64 -> new Int64Sink(format, capacity);
            case INT32, INT16, INT8, BOOLEAN -> new Int32Sink(format, capacity, type);
            case DATE, TIMESTAMP -> new TemporalSink(format, capacity, type == LogicalType.DATE);
            case STRING -> new TextSink(format, capacity);
        };
    }

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

    /**
     * Adds the column made of these parts' sinks, in order, to the builder.
     *
     * @param parts sinks of one class, one per part
     */
    abstract void appendColumn(TableBuilder builder, Field field, List<ColumnSink> parts, int rows);

    static int grow(int length, int needed) {
        long n = Math.max(needed, length + (length >> 1) + 16L);
        return (int) Math.min(n, Integer.MAX_VALUE - 8);
    }
}
