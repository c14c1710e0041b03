package dev.quiver.backtest.engine;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.internal.ColumnArrays;

/**
 * The order in which a run visits a panel's bars (by timestamp, then symbol) and its price columns as arrays. Built
 * once per panel and shared, read-only, by every run of a sweep. The price arrays are the columns' own heap arrays
 * where the panel is on the heap (no copy) and one copy of each column otherwise; runs only read them.
 *
 * <p>Thread-safety: immutable.
 */
final class BarIndex {
    static final String[] PRICE_COLUMNS = {"open", "high", "low", "close", "volume"};

    final Panel panel;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    final String[] symbols;
    /** The distinct timestamps, ascending. */
    final long[] dates;
    /** Visits {@code dateEnd[d-1] .. dateEnd[d]-1} belong to date {@code d}; {@code null} for one symbol. */
    final int[] dateEnd;
    /** The table row of each visit; {@code null} when visits are rows 0, 1, 2, ... (one symbol). */
    final int[] rows;
    /** The symbol of each visit; {@code null} for one symbol. */
    final int[] symbolOfVisit;

    private BarIndex(Panel panel, double[][] prices, String[] symbols, long[] dates, int[] dateEnd, int[] rows,
                     int[] symbolOfVisit) {
        this.panel = panel;
        this.open = prices[0];
        this.high = prices[1];
        this.low = prices[2];
        this.close = prices[3];
        this.volume = prices[4];
        this.symbols = symbols;
        this.dates = dates;
        this.dateEnd = dateEnd;
        this.rows = rows;
        this.symbolOfVisit = symbolOfVisit;
    }

    /**
     * The index of a panel.
     *
     * @throws IllegalArgumentException naming the column if a price column is missing or not {@code FLOAT64}
     */
    static BarIndex of(Panel panel) {
        Table table = panel.table();
        int n = panel.rowCount();
        double[][] prices = new double[PRICE_COLUMNS.length][];
        for (int i = 0; i < PRICE_COLUMNS.length; i++) {
            String name = PRICE_COLUMNS[i];
            if (!table.schema().contains(name)) {
                throw new IllegalArgumentException("backtest: the panel has no '" + name + "' column; bars need "
                        + "FLOAT64 columns open, high, low, close, volume; its columns are "
                        + table.schema().names());
            }
            Column c = table.column(name);
            if (c.type() != ColumnType.FLOAT64) {
                throw new IllegalArgumentException("backtest: column '" + name + "' is " + c.type()
                        + "; bar prices must be FLOAT64");
            }
            prices[i] = ColumnArrays.doubles(c.data(), n);
        }
        String[] symbols = new String[panel.symbolCount()];
        for (int s = 0; s < symbols.length; s++) {
            symbols[s] = panel.symbol(s);
        }
        if (symbols.length <= 1) {
            // one symbol: visit d is row d, one bar per timestamp
            long[] dates = ColumnArrays.longs(table.int64(panel.timeColumn()).data(), n);
            return new BarIndex(panel, prices, symbols, dates, null, null, null);
        }
        int dateCount = panel.dateCount();
        long[] dates = new long[dateCount];
        int[] dateEnd = new int[dateCount];
        int[] rows = new int[n];
        int[] symbolOfVisit = new int[n];
        int[] rowSymbol = new int[n];
        for (int s = 0; s < symbols.length; s++) {
            for (int r = panel.seriesStart(s); r < panel.seriesEnd(s); r++) {
                rowSymbol[r] = s;
            }
        }
        for (int d = 0; d < dateCount; d++) {
            dates[d] = panel.date(d);
            dateEnd[d] = panel.dateRowEnd(d);
            for (int k = panel.dateRowStart(d); k < dateEnd[d]; k++) {
                int row = panel.dateRow(k);
                rows[k] = row;
                symbolOfVisit[k] = rowSymbol[row];
            }
        }
        return new BarIndex(panel, prices, symbols, dates, dateEnd, rows, symbolOfVisit);
    }
}
