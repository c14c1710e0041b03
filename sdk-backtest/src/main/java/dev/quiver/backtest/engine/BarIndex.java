package dev.quiver.backtest.engine;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.internal.BarColumns;
import dev.quiver.backtest.internal.Crossings;
import dev.quiver.backtest.internal.PanelMemo;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The order in which a run visits a panel's bars (by timestamp, then symbol) and its price columns as arrays. Built
 * once per panel (remembered in the {@link PanelMemo} while the panel lives) and shared, read-only, by every run
 * over it: repeated {@link EventBacktester#run} calls on one panel index it once, as a sweep does. It also keeps
 * the built-in strategies' batch indicator columns over the panel ({@link #column}).
 *
 * <p>Thread-safety: thread-safe: immutable but for the columns, which are kept in a concurrent map and never
 * written once kept.
 */
final class BarIndex {
    /** The most indicator values a panel keeps in batch columns: 16 M doubles, 128 MB. */
    static final long MAX_COLUMN_VALUES = 16L << 20;

    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    /** The time of each row. */
    final long[] time;
    final String[] symbols;
    /** The first row of each symbol, and one past the last row of the last one ({@code symbols.length + 1}). */
    final int[] seriesStart;
    /** The distinct timestamps, ascending. */
    final long[] dates;
    /** Visits {@code dateEnd[d-1] .. dateEnd[d]-1} belong to date {@code d}; {@code null} for one symbol. */
    final int[] dateEnd;
    /** The table row of each visit; {@code null} when visits are rows 0, 1, 2, ... (one symbol). */
    final int[] rows;
    /** The symbol of each visit; {@code null} for one symbol. */
    final int[] symbolOfVisit;
    /** Batch indicator columns over the panel's closes, by kernel (see {@link #column}). */
    private final Map<FeatureKernel, double[]> columns = new ConcurrentHashMap<>();
    /** Crossings of pairs of batch columns, by pair (see {@link #crossings}). */
    private final Map<List<FeatureKernel>, byte[]> crossings = new ConcurrentHashMap<>();
    /** The values held in {@link #columns}, and in {@link #crossings} at eight crossings a value. */
    private final AtomicLong columnValues = new AtomicLong();

    private BarIndex(double[][] prices, long[] time, String[] symbols, int[] seriesStart, long[] dates,
                     int[] dateEnd, int[] rows, int[] symbolOfVisit) {
        this.open = prices[0];
        this.high = prices[1];
        this.low = prices[2];
        this.close = prices[3];
        this.volume = prices[4];
        this.time = time;
        this.symbols = symbols;
        this.seriesStart = seriesStart;
        this.dates = dates;
        this.dateEnd = dateEnd;
        this.rows = rows;
        this.symbolOfVisit = symbolOfVisit;
    }

    /**
     * The kernel's output over the closes of every series, by table row: computed on first use and kept while the
     * panel lives, up to {@value #MAX_COLUMN_VALUES} values per panel (128 MB); {@code null} past that, when the
     * caller steps the kernel's incremental state instead. Two threads that miss at once may both compute it; one
     * column is kept.
     */
    double[] column(FeatureKernel kernel) {
        double[] known = columns.get(kernel);
        if (known != null) {
            return known;
        }
        int n = close.length;
        if (columnValues.get() + n > MAX_COLUMN_VALUES) {
            return null;
        }
        double[] out = new double[n];
        MemorySegment[] in = {MemorySegment.ofArray(close)};
        MemorySegment[] to = {MemorySegment.ofArray(out)};
        for (int s = 0; s < symbols.length; s++) {
            kernel.computeSeries(in, to, seriesStart[s], seriesStart[s + 1]);
        }
        double[] kept = columns.putIfAbsent(kernel, out);
        if (kept != null) {
            return kept;
        }
        columnValues.addAndGet(n);
        return out;
    }

    /**
     * Where {@code a}'s batch column crosses {@code b}'s, by table row ({@link Crossings#of} over each series):
     * computed on first use and kept as {@link #column} keeps columns, within the same budget (eight crossings
     * count as one value); {@code null} when a column or the crossings are past it.
     */
    byte[] crossings(FeatureKernel a, FeatureKernel b) {
        List<FeatureKernel> pair = List.of(a, b);
        byte[] known = crossings.get(pair);
        if (known != null) {
            return known;
        }
        double[] x = column(a);
        double[] y = x == null ? null : column(b);
        int n = close.length;
        long values = (n + 7) / 8;
        if (y == null || columnValues.get() + values > MAX_COLUMN_VALUES) {
            return null;
        }
        byte[] out = new byte[n];
        for (int s = 0; s < symbols.length; s++) {
            Crossings.of(x, y, seriesStart[s], seriesStart[s + 1], out);
        }
        byte[] kept = crossings.putIfAbsent(pair, out);
        if (kept != null) {
            return kept;
        }
        columnValues.addAndGet(values);
        return out;
    }

    /**
     * The index of a panel.
     *
     * @throws IllegalArgumentException naming the column if a price column is missing or not {@code FLOAT64}
     */
    static BarIndex of(Panel panel) {
        return PanelMemo.get(panel, BarIndex.class, BarIndex::build);
    }

    private static BarIndex build(Panel panel) {
        BarColumns columns = BarColumns.of(panel);
        double[][] prices = columns.prices("backtest", "open", "high", "low", "close", "volume");
        int n = panel.rowCount();
        String[] symbols = new String[panel.symbolCount()];
        int[] seriesStart = new int[symbols.length + 1];
        for (int s = 0; s < symbols.length; s++) {
            symbols[s] = panel.symbol(s);
            seriesStart[s] = panel.seriesStart(s);
        }
        seriesStart[symbols.length] = n;
        if (symbols.length <= 1) {
            // one symbol: visit d is row d, one bar per timestamp
            return new BarIndex(prices, columns.time, symbols, seriesStart, columns.time, null, null, null);
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
        return new BarIndex(prices, columns.time, symbols, seriesStart, dates, dateEnd, rows, symbolOfVisit);
    }
}
