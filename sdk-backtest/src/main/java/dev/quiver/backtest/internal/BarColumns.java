package dev.quiver.backtest.internal;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * A panel's bar columns ({@code open, high, low, close, volume} and the time column) as heap arrays, read once per
 * panel ({@link #of} remembers them in the {@link PanelMemo}): the hot loops of both backtesters read plain arrays,
 * which compile to single loads, where a segment read per value would also pay the segment's checks. Table columns
 * are read-only segment views, which do not hand out their backing arrays, so each column is copied once.
 *
 * <p>A column that is missing or not {@code FLOAT64} is {@code null} here, and {@link #prices} names it in its
 * error, so each backtester asks for the columns it needs.
 *
 * <p>Thread-safety: immutable; the arrays are shared by every run over the panel and only read.
 */
public final class BarColumns {
    /** The price and volume columns, in this order. */
    public static final List<String> PRICE_COLUMNS = List.of("open", "high", "low", "close", "volume");

    private final double[][] prices;
    private final String[] problems;
    private final List<String> names;
    /** The time column, one value per row. */
    public final long[] time;

    private BarColumns(double[][] prices, String[] problems, List<String> names, long[] time) {
        this.prices = prices;
        this.problems = problems;
        this.names = names;
        this.time = time;
    }

    /** The bar columns of a panel, read on first use and remembered while the panel lives. */
    public static BarColumns of(Panel panel) {
        return PanelMemo.get(panel, BarColumns.class, BarColumns::read);
    }

    private static BarColumns read(Panel panel) {
        Table table = panel.table();
        int n = panel.rowCount();
        double[][] prices = new double[PRICE_COLUMNS.size()][];
        String[] problems = new String[PRICE_COLUMNS.size()];
        for (int i = 0; i < prices.length; i++) {
            String name = PRICE_COLUMNS.get(i);
            if (!table.schema().contains(name)) {
                problems[i] = "the panel has no '" + name + "' column";
                continue;
            }
            Column c = table.column(name);
            if (c.type() != ColumnType.FLOAT64) {
                problems[i] = "column '" + name + "' is " + c.type() + "; prices must be FLOAT64";
                continue;
            }
            prices[i] = copy(c.data(), n);
        }
        long[] time = new long[n];
        MemorySegment.copy(table.int64(panel.timeColumn()).data(), ValueLayout.JAVA_LONG_UNALIGNED, 0, time, 0, n);
        return new BarColumns(prices, problems, table.schema().names(), time);
    }

    private static double[] copy(MemorySegment segment, int n) {
        double[] copy = new double[n];
        MemorySegment.copy(segment, ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, copy, 0, n);
        return copy;
    }

    /**
     * The named price columns, in the order asked.
     *
     * @param who the caller, for the error ("backtest", "signal backtest")
     * @throws IllegalArgumentException naming the first column that is missing or not {@code FLOAT64}, and the
     *     panel's columns
     */
    public double[][] prices(String who, String... columns) {
        double[][] out = new double[columns.length][];
        for (int k = 0; k < columns.length; k++) {
            int i = PRICE_COLUMNS.indexOf(columns[k]);
            if (prices[i] == null) {
                throw new IllegalArgumentException(who + ": " + problems[i] + "; bars need FLOAT64 columns "
                        + String.join(", ", columns) + "; the panel's columns are " + names);
            }
            out[k] = prices[i];
        }
        return out;
    }
}
