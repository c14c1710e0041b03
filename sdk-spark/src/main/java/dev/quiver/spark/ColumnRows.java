package dev.quiver.spark;

import java.io.Serial;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.BinaryView;
import org.apache.spark.unsafe.types.CalendarInterval;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.unsafe.types.VariantVal;

/**
 * The output rows of a home partition as Spark reads them: one {@link InternalRow} that views row {@code r} of the
 * columns (symbol, date, then doubles) and moves to the next row on {@link #next()}. Spark writes each row into its
 * own {@code UnsafeRow} as it scans it ({@code RDDScanExec} projects every row), so the values are written once,
 * by Spark, and nothing is allocated per row. The double columns are read a chunk of rows at a time into heap
 * arrays, so that a row reads each column from the cache; after the last row the home partition's columns are given
 * back ({@code onLastRow}), the view reading only its chunk.
 *
 * <p>Thread-safety: not thread-safe; one per task. A row is valid until the next call to {@link #next()}, as Spark's
 * own scans' rows are.
 */
final class ColumnRows implements Iterator<InternalRow> {
    private static final int CHUNK = 512;
    private final UTF8String[] symbols;
    private final int[] symbolOfRow;
    private final long[] dates;
    private final MemorySegment[] columns;
    private final double[][] chunk;
    private final Runnable onLastRow;
    private final int rows;
    private final View view = new View();
    private int next;
    private int chunkStart;
    private int chunkEnd;

    /**
     * @param symbols the symbols' names
     * @param symbolOfRow each row's position in {@code symbols}
     * @param dates each row's date
     * @param columns the double columns, in output order
     * @param onLastRow run once the last row has been read into the chunk
     */
    ColumnRows(UTF8String[] symbols, int[] symbolOfRow, long[] dates, MemorySegment[] columns, Runnable onLastRow) {
        this.symbols = symbols;
        this.symbolOfRow = symbolOfRow;
        this.dates = dates;
        this.columns = columns;
        this.chunk = new double[columns.length][CHUNK];
        this.onLastRow = onLastRow;
        this.rows = dates.length;
    }

    @Override
    public boolean hasNext() {
        return next < rows;
    }

    @Override
    public InternalRow next() {
        if (next >= rows) {
            throw new NoSuchElementException();
        }
        if (next == chunkEnd) {
            chunkStart = next;
            chunkEnd = Math.min(rows, next + CHUNK);
            for (int c = 0; c < columns.length; c++) {
                MemorySegment.copy(columns[c], ValueLayout.JAVA_DOUBLE, (long) next * Double.BYTES, chunk[c], 0,
                        chunkEnd - next);
            }
            if (chunkEnd == rows) {
                onLastRow.run();
            }
        }
        view.row = next;
        view.index = next - chunkStart;
        next++;
        return view;
    }

    /** Row {@code row} of the columns; read-only. */
    private final class View extends InternalRow {
        @Serial
        private static final long serialVersionUID = 1L;
        private int row;
        private int index;

        @Override
        public int numFields() {
            return 2 + chunk.length;
        }

        @Override
        public boolean isNullAt(int ordinal) {
            return false; // a missing value is NaN, as in one JVM
        }

        @Override
        public UTF8String getUTF8String(int ordinal) {
            check(ordinal == 0, ordinal, "a string");
            return symbols[symbolOfRow[row]];
        }

        @Override
        public long getLong(int ordinal) {
            check(ordinal == 1, ordinal, "a long");
            return dates[row];
        }

        @Override
        public double getDouble(int ordinal) {
            return chunk[ordinal - 2][index];
        }

        @Override
        public Object get(int ordinal, DataType dataType) {
            return switch (ordinal) {
                case 0 -> getUTF8String(0);
                case 1 -> getLong(1);
                default -> getDouble(ordinal);
            };
        }

        @Override
        public InternalRow copy() {
            Object[] values = new Object[numFields()];
            values[0] = getUTF8String(0).copy();
            values[1] = getLong(1);
            for (int c = 2; c < values.length; c++) {
                values[c] = getDouble(c);
            }
            return new GenericInternalRow(values);
        }

        private void check(boolean ok, int ordinal, String what) {
            if (!ok) {
                throw new UnsupportedOperationException("field " + ordinal + " of a features row is not " + what);
            }
        }

        private UnsupportedOperationException notHere(int ordinal) {
            return new UnsupportedOperationException("field " + ordinal + " of a features row is "
                    + (ordinal == 0 ? "a string" : ordinal == 1 ? "a long" : "a double"));
        }

        @Override
        public void setNullAt(int ordinal) {
            throw new UnsupportedOperationException("a features row is read-only");
        }

        @Override
        public void update(int ordinal, Object value) {
            throw new UnsupportedOperationException("a features row is read-only");
        }

        @Override
        public boolean getBoolean(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public byte getByte(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public short getShort(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public int getInt(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public float getFloat(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public Decimal getDecimal(int ordinal, int precision, int scale) {
            throw notHere(ordinal);
        }

        @Override
        public byte[] getBinary(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public BinaryView getBinaryView(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public CalendarInterval getInterval(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public VariantVal getVariant(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public InternalRow getStruct(int ordinal, int numFields) {
            throw notHere(ordinal);
        }

        @Override
        public ArrayData getArray(int ordinal) {
            throw notHere(ordinal);
        }

        @Override
        public MapData getMap(int ordinal) {
            throw notHere(ordinal);
        }
    }
}
