package dev.quiver.io.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WideTablesTest {
    private static Table wide(long firstDay) {
        return Table.of(
                Int64Column.wrap("date", new long[] {firstDay, firstDay + 86_400_000L})
                        .withLogicalType(LogicalType.DATE),
                Float64Column.wrap("s1", new double[] {1, 2}),
                Float64Column.wrap("s2", new double[] {Double.NaN, 4}),
                Float64Column.wrap("s3", new double[] {5, 6}));
    }

    @Test
    void everyCellBecomesARowKeyDictionaryEncoded() {
        long before = NativeMemory.bytesInUse();
        try (Table w = wide(0); Table t = WideTables.melt(w, "date", "strategy", "pnl")) {
            assertThat(t.schema().names()).containsExactly("date", "strategy", "pnl");
            assertThat(t.column("date").logicalType()).isEqualTo(LogicalType.DATE);
            assertThat(t.rowCount()).isEqualTo(6);
            StringColumn key = (StringColumn) t.column("strategy");
            assertThat(key.dictionary()).containsExactly("s1", "s2", "s3");
            assertThat(key.get(4)).isEqualTo("s2");
            Float64Column pnl = (Float64Column) t.column("pnl");
            assertThat(pnl.get(1)).isNaN();
            assertThat(pnl.get(4)).isEqualTo(4.0);
            assertThat(((Int64Column) t.column("date")).get(3)).isEqualTo(86_400_000L);
        }
        assertThat(NativeMemory.bytesInUse()).isEqualTo(before);
    }

    @Test
    void aStreamIsMeltedBatchByBatch() {
        List<Table> batches = new ArrayList<>(List.of(wide(0), wide(2 * 86_400_000L)));
        try (TableStream s = WideTables.melt(TableStream.of(batches.get(0).schema(), batches), "date", "strategy",
                "pnl"); Table all = s.readAll()) {
            assertThat(all.rowCount()).isEqualTo(12);
            assertThat(((StringColumn) all.column("strategy")).dictionary()).containsExactly("s1", "s2", "s3");
        }
    }

    @Test
    void whatIsNotAWideTableIsRefused() {
        try (Table w = wide(0)) {
            assertThatThrownBy(() -> WideTables.melt(w, "day", "k", "v")).hasMessageContaining("no column 'day'");
            assertThatThrownBy(() -> WideTables.melt(w, "date", "s", "s")).hasMessageContaining("different names");
        }
        try (Table text = Table.of(Int64Column.wrap("date", new long[] {0}),
                StringColumn.encode("name", new String[] {"x"}))) {
            assertThatThrownBy(() -> WideTables.melt(text, "date", "k", "v")).hasMessageContaining("'name' is text");
        }
    }
}
