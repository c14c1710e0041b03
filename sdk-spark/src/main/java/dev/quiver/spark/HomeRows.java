package dev.quiver.spark;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one partition by symbol, gathered from the {@link ColumnBlock}s the shuffle brought in any order and
 * sorted by (symbol, date): the same rows in the same order however often, and in whatever order, the blocks are read,
 * so a row's position identifies it across the stages that read this partition.
 *
 * <p>The columns live off-heap ({@link TaskColumns}) until {@link #close()}.
 *
 * <p>Thread-safety: not thread-safe; one per task.
 */
final class HomeRows implements AutoCloseable {
    /** The distinct symbols, in ascending order. */
    final List<String> symbols;
    /** Per row, the position of its symbol in {@link #symbols}. */
    final int[] symbolOfRow;
    /** Per row, its date. */
    final long[] dates;
    /** The panel of the rows: symbol, date and the input columns. */
    final Panel panel;
    /** The input columns by name, then whatever the tasks compute or receive; each holds one value per row. */
    final Map<String, MemorySegment> columns = new LinkedHashMap<>();
    /** The task's off-heap columns. */
    final TaskColumns memory;

    private HomeRows(List<String> symbols, int[] symbolOfRow, long[] dates, List<String> inputs,
            TaskColumns memory, Map<String, MemorySegment> inputColumns) {
        this.columns.putAll(inputColumns);
        this.symbols = symbols;
        this.symbolOfRow = symbolOfRow;
        this.dates = dates;
        this.memory = memory;
        TableBuilder builder = TableBuilder.offHeap();
        builder.stringCodes(QuiverSpark.SYMBOL, symbolOfRow, symbols).int64(QuiverSpark.DATE, dates);
        for (String input : inputs) {
            builder.add(Float64Column.wrap(input, columns.get(input)));
        }
        Table table = builder.build();
        memory.hold(table);
        this.panel = Panel.of(table, QuiverSpark.SYMBOL, QuiverSpark.DATE);
    }

    /** The number of rows. */
    int rows() {
        return dates.length;
    }

    /**
     * Gathers blocks of rows: a dictionary of symbols, int column 0 the symbol of each row, long column 0 its date,
     * the double columns the inputs in order.
     *
     * @throws IllegalArgumentException if the rows are not a panel (a symbol and date twice)
     */
    static HomeRows of(List<byte[]> blocks, List<String> inputs) {
        SortedBlocks sorted = SortedBlocks.of(blocks);
        int n = sorted.rows();
        TaskColumns memory = new TaskColumns(n);
        Map<String, MemorySegment> columns = new LinkedHashMap<>();
        try {
            double[] scratch = new double[n];
            double[] to = new double[n];
            for (int c = 0; c < inputs.size(); c++) {
                sorted.doubles(c, scratch, to);
                columns.put(inputs.get(c), memory.of(to));
            }
            return new HomeRows(sorted.symbols, sorted.symbolOfRow, sorted.dates, inputs, memory, columns);
        } catch (RuntimeException | Error e) {
            memory.close();
            throw e;
        }
    }

    /** Gives the columns back. */
    @Override
    public void close() {
        memory.close();
    }

    /**
     * Puts the results of a cross-sectional phase, come back in blocks (int column 0 the row, the double columns the
     * phase's outputs in order), into {@link #columns}.
     *
     * @throws IllegalStateException if the blocks do not hold every row once
     */
    void receive(List<byte[]> blocks, List<String> outputs) {
        int n = rows();
        MemorySegment[] values = new MemorySegment[outputs.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = memory.lend();
        }
        long received = 0;
        for (byte[] bytes : blocks) {
            ColumnBlock.Encoded block = ColumnBlock.decode(bytes);
            int[] row = new int[block.rows()];
            block.ints(0, row, 0);
            for (int j = 0; j < values.length; j++) {
                MemorySegment to = values[j];
                for (int i = 0; i < row.length; i++) {
                    to.setAtIndex(ValueLayout.JAVA_DOUBLE, row[i], block.doubleAt(j, i));
                }
            }
            received += row.length;
        }
        if (received != n) {
            throw new IllegalStateException("features on Spark: " + received + " cross-sectional results came back "
                    + "for a partition of " + n + " rows");
        }
        for (int j = 0; j < values.length; j++) {
            columns.put(outputs.get(j), values[j]);
        }
    }
}
