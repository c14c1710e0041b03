package dev.quiver.io.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import dev.quiver.api.table.LogicalType;
import java.util.Arrays;

/**
 * Hands each field of a part of a CSV file to its column's sink, straight from FastCSV's buffer, and checks every
 * record's field count against the header. The first problem (a field that does not fit its column's type, a
 * record with too few or too many fields) stops the part: it is kept in {@link #problem} with the record's line
 * within the part.
 *
 * <p>Thread-safety: not thread-safe; one handler per part.
 */
final class PartHandler extends AbstractBaseCsvCallbackHandler<Object> {
    private static final Object RECORD = new Object();
    private static final char[] EMPTY = new char[0];

    /** Why a part stopped. */
    sealed interface Problem permits Misfit, Ragged {
        /** The record's 1-based line within the part. */
        long line();
    }

    /** A field that does not fit its column's type. */
    record Misfit(long line, int column, String value, boolean quoted) implements Problem {
    }

    /** A record with another number of fields than the header. */
    record Ragged(long line, int fields) implements Problem {
    }

    /** Thrown to stop FastCSV at the first problem; caught by the part's parser. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private final ColumnSink[] sinks;
    private final int columns;
    private final boolean trackLines;
    long[] lines;
    int rows;
    Problem problem;
    /** The line, within the part, of the record being parsed. */
    long currentLine = 1;

    /**
     * @param sinks by file column: the sink, or {@code null} for a column not read
     * @param trackLines whether to keep each record's starting line
     */
    PartHandler(ColumnSink[] sinks, int capacity, boolean trackLines) {
        this.sinks = sinks;
        this.columns = sinks.length;
        this.trackLines = trackLines;
        this.lines = trackLines ? new long[Math.max(capacity, 16)] : null;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        currentLine = startingLineNumber;
    }

    @Override
    protected void handleField(int idx, char[] buf, int off, int len, boolean quoted) {
        if (idx < columns) {
            ColumnSink sink = sinks[idx];
            if (sink != null && !sink.add(buf, off, len, quoted)) {
                problem = new Misfit(getStartingLineNumber(), idx, new String(buf, off, len), quoted);
                throw new Stop();
            }
        }
    }

    @Override
    protected Object buildRecord() {
        if (getRecordType() == RecordType.EMPTY) {
            if (columns > 1) {
                return RECORD; // a blank line: skipped
            }
            // in a one-column file a blank line is a missing value (trailing blank lines are not parsed at all)
            if (sinks[0] != null) {
                sinks[0].add(EMPTY, 0, 0, false);
            }
            return count();
        }
        int fields = getFieldCount();
        if (fields != columns) {
            problem = new Ragged(getStartingLineNumber(), fields);
            throw new Stop();
        }
        return count();
    }

    private Object count() {
        if (trackLines) {
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, ColumnSink.grow(lines.length, rows + 1));
            }
            lines[rows] = getStartingLineNumber();
        }
        rows++;
        return RECORD;
    }

    /** The type a misfit value widens its column to, from the column's current type. */
    static LogicalType widened(LogicalType current, Misfit m, dev.quiver.io.CsvFormat format) {
        return CsvTypes.widen(current, CsvTypes.of(m.value(), m.quoted(), format));
    }
}
