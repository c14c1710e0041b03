package dev.quiver.api.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableStreamTest {
    private static Table batch(String... symbols) {
        double[] x = new double[symbols.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return Table.of(StringColumn.encode("symbol", symbols), Float64Column.wrap("x", x));
    }

    @Test
    void readAllJoinsTheBatchesAndTheirDictionaries() {
        long before = NativeMemory.bytesInUse();
        List<Table> batches = new ArrayList<>(List.of(batch("A", "B"), batch("B", null, "C")));
        try (TableStream s = TableStream.of(batches.get(0).schema(), batches); Table all = s.readAll()) {
            StringColumn symbol = (StringColumn) all.column("symbol");
            assertThat(all.rowCount()).isEqualTo(5);
            assertThat(symbol.dictionary()).containsExactly("A", "B", "C");
            assertThat(symbol.get(3)).isNull();
            assertThat(symbol.get(4)).isEqualTo("C");
            assertThat(((Float64Column) all.column("x")).get(2)).isEqualTo(0.0);
            assertThat(s.next()).isNull();
        }
        assertThat(NativeMemory.bytesInUse()).isEqualTo(before);
    }

    @Test
    void closingAStreamClosesTheBatchesNotTaken() {
        Table a = batch("A");
        Table b = batch("B");
        try (TableStream s = TableStream.of(a.schema(), new ArrayList<>(List.of(a, b)))) {
            try (Table first = s.next()) {
                assertThat(first).isSameAs(a);
            }
        }
        assertThat(b.isClosed()).isTrue();
    }
}
