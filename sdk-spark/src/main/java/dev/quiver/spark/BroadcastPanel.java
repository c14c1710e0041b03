package dev.quiver.spark;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A panel as Spark broadcasts it: its symbols with their series bounds, the time column and every {@code FLOAT64}
 * column, as primitive arrays (a {@link Panel}'s table is off-heap and not serializable). Each executor JVM rebuilds
 * the panel once per broadcast and shares it between its tasks.
 *
 * <p>Thread-safety: immutable once built; {@link #panel()} is safe to call from several tasks at once.
 */
final class BroadcastPanel implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** The last panel this JVM rebuilt, by broadcast identity: a sweep's tasks share it. */
    private static Rebuilt last;

    private final String id;
    private final String symbolColumn;
    private final String timeColumn;
    private final String[] symbols;
    private final int[] seriesStarts;
    private final long[] times;
    private final List<String> names;
    private final List<double[]> columns;

    private record Rebuilt(String id, Panel panel) {
    }

    private BroadcastPanel(Panel panel) {
        Table table = panel.table();
        this.id = java.util.UUID.randomUUID().toString();
        this.symbolColumn = panel.symbolColumn();
        this.timeColumn = panel.timeColumn();
        int count = panel.symbolCount();
        this.symbols = new String[count];
        this.seriesStarts = new int[count + 1];
        for (int s = 0; s < count; s++) {
            symbols[s] = panel.symbol(s);
            seriesStarts[s] = panel.seriesStart(s);
        }
        seriesStarts[count] = panel.rowCount();
        Int64Column time = table.int64(timeColumn);
        this.times = new long[panel.rowCount()];
        for (int r = 0; r < times.length; r++) {
            times[r] = time.get(r);
        }
        this.names = new ArrayList<>();
        this.columns = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c instanceof Float64Column f) {
                names.add(c.name());
                columns.add(f.toArray());
            }
        }
    }

    /** The panel's broadcast form. */
    static BroadcastPanel of(Panel panel) {
        return new BroadcastPanel(Objects.requireNonNull(panel, "panel"));
    }

    /** The number of rows. */
    int rowCount() {
        return times.length;
    }

    /** The panel, rebuilt on the heap once per JVM and broadcast. */
    Panel panel() {
        synchronized (BroadcastPanel.class) {
            if (last == null || !last.id().equals(id)) {
                last = new Rebuilt(id, rebuild());
            }
            return last.panel();
        }
    }

    private Panel rebuild() {
        if (symbolColumn == null) {
            // a one-symbol panel (Panel.ofSeries) has no symbol column: it is rebuilt as one
            TableBuilder builder = TableBuilder.onHeap().int64(timeColumn, times);
            for (int c = 0; c < names.size(); c++) {
                builder.float64(names.get(c), columns.get(c));
            }
            return Panel.ofSeries(builder.build(), symbols.length == 0 ? "none" : symbols[0], timeColumn);
        }
        String[] rowSymbols = new String[times.length];
        for (int s = 0; s < symbols.length; s++) {
            Arrays.fill(rowSymbols, seriesStarts[s], seriesStarts[s + 1], symbols[s]);
        }
        TableBuilder builder = TableBuilder.onHeap().string(symbolColumn, rowSymbols).int64(timeColumn, times);
        for (int c = 0; c < names.size(); c++) {
            builder.float64(names.get(c), columns.get(c));
        }
        return Panel.of(builder.build(), symbolColumn, timeColumn);
    }
}
