package dev.quiver.spark;

import dev.quiver.io.panel.RowOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the {@link ColumnBlock}s a task received, in (symbol, date) order: each block names its symbols in a
 * dictionary of its own, int column 0 holding each row's entry and long column 0 its date. The order depends only on
 * the rows, not on the order in which the shuffle brought the blocks, so every task that reads the same rows sees
 * them in the same order.
 *
 * <p>Thread-safety: not thread-safe; one per task.
 */
final class SortedBlocks {
    /** The distinct symbols, ascending. */
    final List<String> symbols;
    /** Per row in order, the position of its symbol in {@link #symbols}. */
    final int[] symbolOfRow;
    /** Per row in order, its date. */
    final long[] dates;
    private final List<ColumnBlock.Encoded> blocks;
    /** The row that comes {@code i}-th, as a position in the blocks' concatenation. */
    private final int[] order;
    private final int rows;

    private SortedBlocks(List<ColumnBlock.Encoded> blocks, List<String> symbols, int[] symbolOfRow, long[] dates,
            int[] order) {
        this.blocks = blocks;
        this.symbols = symbols;
        this.symbolOfRow = symbolOfRow;
        this.dates = dates;
        this.order = order;
        this.rows = dates.length;
    }

    /**
     * Orders the rows of the blocks.
     *
     * @throws IllegalArgumentException if the bytes are not blocks, or hold more rows than one task can
     */
    static SortedBlocks of(List<byte[]> encoded) {
        List<ColumnBlock.Encoded> blocks = new ArrayList<>(encoded.size());
        long total = 0;
        for (byte[] bytes : encoded) {
            ColumnBlock.Encoded block = ColumnBlock.decode(bytes);
            blocks.add(block);
            total += block.rows();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("features on Spark: a partition of " + total + " rows is more than "
                    + "one task holds; use more partitions");
        }
        int n = (int) total;
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] symbol = new int[n];
        long[] date = new long[n];
        int at = 0;
        for (ColumnBlock.Encoded block : blocks) {
            int[] id = new int[block.names()];
            for (int i = 0; i < id.length; i++) {
                String name = block.name(i);
                Integer known = ids.putIfAbsent(name, names.size());
                id[i] = known == null ? names.size() : known;
                if (known == null) {
                    names.add(name);
                }
            }
            block.ints(0, symbol, at);
            for (int r = at; r < at + block.rows(); r++) {
                symbol[r] = id[symbol[r]];
            }
            block.longs(0, date, at);
            at += block.rows();
        }
        String[] sorted = names.toArray(String[]::new);
        Arrays.sort(sorted);
        int[] rank = new int[sorted.length];
        for (int s = 0; s < sorted.length; s++) {
            rank[ids.get(sorted[s])] = s;
        }
        for (int r = 0; r < n; r++) {
            symbol[r] = rank[symbol[r]];
        }
        int[] order = RowOrder.sort(symbol, date, sorted.length, n);
        int[] symbolOfRow = new int[n];
        long[] dates = new long[n];
        for (int i = 0; i < n; i++) {
            symbolOfRow[i] = symbol[order[i]];
            dates[i] = date[order[i]];
        }
        return new SortedBlocks(blocks, List.of(sorted), symbolOfRow, dates, order);
    }

    /** The number of rows. */
    int rows() {
        return rows;
    }

    /**
     * Double column {@code c} of every block, in order, into {@code to}.
     *
     * @param scratch an array of {@link #rows()} values to gather the column in arrival order
     */
    void doubles(int c, double[] scratch, double[] to) {
        int at = 0;
        for (ColumnBlock.Encoded block : blocks) {
            block.doubles(c, scratch, at);
            at += block.rows();
        }
        for (int i = 0; i < rows; i++) {
            to[i] = scratch[order[i]];
        }
    }

    /** Int column {@code c} of every block, in order. */
    int[] ints(int c) {
        int[] arrived = new int[rows];
        int at = 0;
        for (ColumnBlock.Encoded block : blocks) {
            block.ints(c, arrived, at);
            at += block.rows();
        }
        int[] result = new int[rows];
        for (int i = 0; i < rows; i++) {
            result[i] = arrived[order[i]];
        }
        return result;
    }

    /** The tag of the block each row came in, in order. */
    int[] tags() {
        int[] arrived = new int[rows];
        int at = 0;
        for (ColumnBlock.Encoded block : blocks) {
            Arrays.fill(arrived, at, at + block.rows(), block.tag());
            at += block.rows();
        }
        int[] result = new int[rows];
        for (int i = 0; i < rows; i++) {
            result[i] = arrived[order[i]];
        }
        return result;
    }
}
