package dev.quiver.cli.io;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins single-symbol price tables into one long table sorted by (symbol, time), the layout a {@link Panel} needs.
 *
 * <p>Thread-safety: stateless.
 */
public final class PanelAssembler {
    private PanelAssembler() {
    }

    /**
     * One off-heap table with a {@code symbol} column, the {@code time} column and the given numeric columns, rows
     * sorted by symbol and then time.
     *
     * @param bySymbol each symbol's table (with a {@code time} column and every named numeric column)
     * @param numericColumns the FLOAT64 columns to keep, in order
     * @throws IllegalArgumentException naming the symbol and column if a table lacks a column or is not sorted by time
     */
    public static Table concat(Map<String, Table> bySymbol, List<String> numericColumns) {
        Map<String, Table> sorted = new TreeMap<>(Comparator.naturalOrder());
        sorted.putAll(bySymbol);
        int rows = 0;
        for (Map.Entry<String, Table> e : sorted.entrySet()) {
            Panel.ofSeries(e.getValue(), e.getKey(), PriceCsv.TIME); // rejects unsorted or missing times
            rows += e.getValue().rowCount();
        }
        String[] symbols = new String[rows];
        long[] times = new long[rows];
        List<double[]> values = new ArrayList<>();
        for (int c = 0; c < numericColumns.size(); c++) {
            values.add(new double[rows]);
        }
        int at = 0;
        for (Map.Entry<String, Table> e : sorted.entrySet()) {
            Table t = e.getValue();
            int n = t.rowCount();
            Arrays.fill(symbols, at, at + n, e.getKey());
            long[] tt = t.int64(PriceCsv.TIME).toArray();
            System.arraycopy(tt, 0, times, at, n);
            for (int c = 0; c < numericColumns.size(); c++) {
                Float64Column col;
                try {
                    col = t.float64(numericColumns.get(c));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("symbol '" + e.getKey() + "': " + ex.getMessage(), ex);
                }
                col.copyTo(0, values.get(c), at, n);
            }
            at += n;
        }
        try (TableBuilder b = TableBuilder.offHeap()) {
            b.string(PriceCsv.SYMBOL, symbols).int64(PriceCsv.TIME, times);
            for (int c = 0; c < numericColumns.size(); c++) {
                b.float64(numericColumns.get(c), values.get(c));
            }
            return b.build();
        }
    }
}
