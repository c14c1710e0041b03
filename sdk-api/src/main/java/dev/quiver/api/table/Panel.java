package dev.quiver.api.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * A view of a long-format {@link Table} sorted by (symbol, time) that answers the two questions kernels ask:
 * <ul>
 *   <li><b>by symbol</b> (time-series kernels): symbol {@code s} owns the contiguous rows
 *       {@code [seriesStart(s), seriesEnd(s))}, in increasing time;</li>
 *   <li><b>by date</b> (cross-sectional kernels): date {@code d} (the {@code d}-th distinct timestamp, ascending) has
 *       the rows {@code dateRow(k)} for {@code k} in {@code [dateRowStart(d), dateRowEnd(d))}, in symbol order.</li>
 * </ul>
 * Symbols are the {@code STRING} symbol column's values in ascending {@link String#compareTo} order; times are the
 * {@code INT64} time column's values (see {@link Timestamps}). The date index is built on first use.
 *
 * <p>The panel does not own the table: close the table, not the panel.
 *
 * <p>Thread-safety: immutable once built; safe to share between threads.
 */
public final class Panel {
    private final Table table;
    private final String symbolColumn;
    private final String timeColumn;
    private final String[] symbols;
    private final int[] seriesStarts;
    private volatile DateIndex dateIndex;

    private Panel(Table table, String symbolColumn, String timeColumn, String[] symbols, int[] seriesStarts) {
        this.table = table;
        this.symbolColumn = symbolColumn;
        this.timeColumn = timeColumn;
        this.symbols = symbols;
        this.seriesStarts = seriesStarts;
    }

    /**
     * A panel over a table sorted by (symbol, time).
     *
     * @param table the long-format table
     * @param symbolColumn a {@code STRING} column
     * @param timeColumn an {@code INT64} column
     * @throws IllegalArgumentException naming the row and values if the table is not sorted by (symbol, time),
     *     holds a (symbol, time) pair twice, or has a missing symbol or time; or if a column is missing or mistyped
     */
    public static Panel of(Table table, String symbolColumn, String timeColumn) {
        Objects.requireNonNull(table, "table");
        StringColumn sym = table.string(symbolColumn);
        Int64Column time = table.int64(timeColumn);
        int n = table.rowCount();
        int[] starts = new int[16];
        String[] names = new String[16];
        int count = 0;
        int prevCode = Integer.MIN_VALUE;
        for (int row = 0; row < n; row++) {
            int code = sym.code(row);
            if (code == StringColumn.MISSING_CODE) {
                throw new IllegalArgumentException("panel: row " + row + ", column '" + symbolColumn
                        + "': the symbol is missing");
            }
            long t = time.get(row);
            if (t == Int64Column.MISSING) {
                throw new IllegalArgumentException("panel: row " + row + ", column '" + timeColumn
                        + "': the time is missing");
            }
            if (code != prevCode) {
                String s = sym.dictionary().get(code);
                if (count > 0 && s.compareTo(names[count - 1]) <= 0) {
                    throw new IllegalArgumentException("panel is not sorted by (" + symbolColumn + ", " + timeColumn
                            + "): row " + row + " has " + symbolColumn + " '" + s + "' after '" + names[count - 1]
                            + "' (each symbol's rows must be contiguous, symbols in ascending order)");
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    names = Arrays.copyOf(names, count * 2);
                }
                starts[count] = row;
                names[count] = s;
                count++;
                prevCode = code;
            } else {
                long prev = time.get(row - 1);
                if (t <= prev) {
                    throw new IllegalArgumentException("panel is not sorted by (" + symbolColumn + ", " + timeColumn
                            + "): row " + row + " has " + timeColumn + " " + Timestamps.format(t)
                            + (t == prev ? ", the same as" : ", before") + " row " + (row - 1) + " ("
                            + Timestamps.format(prev) + ") for " + symbolColumn + " '" + names[count - 1] + "'");
                }
            }
        }
        int[] seriesStarts = Arrays.copyOf(starts, count + 1);
        seriesStarts[count] = n;
        return new Panel(table, symbolColumn, timeColumn, Arrays.copyOf(names, count), seriesStarts);
    }

    /**
     * A one-symbol panel over a table sorted by time.
     *
     * @param symbol the name to give the single series
     * @throws IllegalArgumentException naming the row if times are missing or not strictly increasing
     */
    public static Panel ofSeries(Table table, String symbol, String timeColumn) {
        Int64Column time = table.int64(timeColumn);
        for (int row = 0; row < table.rowCount(); row++) {
            long t = time.get(row);
            if (t == Int64Column.MISSING) {
                throw new IllegalArgumentException("series: row " + row + ", column '" + timeColumn
                        + "': the time is missing");
            }
            if (row > 0 && t <= time.get(row - 1)) {
                throw new IllegalArgumentException("series is not sorted by " + timeColumn + ": row " + row + " has "
                        + Timestamps.format(t) + " after " + Timestamps.format(time.get(row - 1)));
            }
        }
        int n = table.rowCount();
        return n == 0
                ? new Panel(table, null, timeColumn, new String[0], new int[] {0})
                : new Panel(table, null, timeColumn, new String[] {symbol}, new int[] {0, n});
    }

    /** The underlying table. */
    public Table table() {
        return table;
    }

    /** The symbol column's name, or {@code null} for a one-symbol panel made by {@link #ofSeries}. */
    public String symbolColumn() {
        return symbolColumn;
    }

    /** The time column's name. */
    public String timeColumn() {
        return timeColumn;
    }

    /** The number of rows. */
    public int rowCount() {
        return table.rowCount();
    }

    /** The number of symbols (series). */
    public int symbolCount() {
        return symbols.length;
    }

    /** The {@code s}-th symbol in ascending order. */
    public String symbol(int s) {
        return symbols[s];
    }

    /** The first row of symbol {@code s}. */
    public int seriesStart(int s) {
        Objects.checkIndex(s, symbols.length);
        return seriesStarts[s];
    }

    /** One past the last row of symbol {@code s}. */
    public int seriesEnd(int s) {
        Objects.checkIndex(s, symbols.length);
        return seriesStarts[s + 1];
    }

    /** The index of the symbol that owns a row. */
    public int symbolOfRow(int row) {
        Objects.checkIndex(row, rowCount());
        int i = Arrays.binarySearch(seriesStarts, 0, symbols.length, row);
        return i >= 0 ? i : -i - 2;
    }

    /** The number of distinct timestamps across all symbols. */
    public int dateCount() {
        return dates().dates.length;
    }

    /** The {@code d}-th distinct timestamp, ascending. */
    public long date(int d) {
        DateIndex index = dates();
        Objects.checkIndex(d, index.dates.length);
        return index.dates[d];
    }

    /** The first position, in {@link #dateRow}'s numbering, of date {@code d}'s rows. */
    public int dateRowStart(int d) {
        DateIndex index = dates();
        Objects.checkIndex(d, index.dates.length);
        return index.offsets[d];
    }

    /** One past the last position, in {@link #dateRow}'s numbering, of date {@code d}'s rows. */
    public int dateRowEnd(int d) {
        DateIndex index = dates();
        Objects.checkIndex(d, index.dates.length);
        return index.offsets[d + 1];
    }

    /** The table row at a position of the by-date ordering. */
    public int dateRow(int position) {
        return dates().rows[position];
    }

    /** The index of a row's date. */
    public int dateOfRow(int row) {
        return dates().dateOfRow[row];
    }

    private DateIndex dates() {
        DateIndex index = dateIndex;
        if (index == null) {
            synchronized (this) {
                index = dateIndex;
                if (index == null) {
                    index = DateIndex.build(table.int64(timeColumn));
                    dateIndex = index;
                }
            }
        }
        return index;
    }

    @Override
    public String toString() {
        return "Panel[" + symbols.length + " symbols, " + rowCount() + " rows]";
    }

    /** Rows grouped by date in compressed-sparse-row form. */
    private record DateIndex(long[] dates, int[] offsets, int[] rows, int[] dateOfRow) {
        static DateIndex build(Int64Column time) {
            int n = time.size();
            long[] all = time.toArray();
            long[] sorted = all.clone();
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            long[] dates = Arrays.copyOf(sorted, distinct);
            int[] dateOfRow = new int[n];
            int[] offsets = new int[distinct + 1];
            for (int row = 0; row < n; row++) {
                int d = Arrays.binarySearch(dates, all[row]);
                dateOfRow[row] = d;
                offsets[d + 1]++;
            }
            for (int d = 0; d < distinct; d++) {
                offsets[d + 1] += offsets[d];
            }
            int[] fill = Arrays.copyOf(offsets, distinct);
            int[] rows = new int[n];
            for (int row = 0; row < n; row++) {
                rows[fill[dateOfRow[row]]++] = row;
            }
            return new DateIndex(dates, offsets, rows, dateOfRow);
        }
    }
}
