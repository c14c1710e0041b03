package dev.quiver.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.store.AdviceOptions;
import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.SchemaAdvice;
import dev.quiver.api.store.TableProfile;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import org.junit.jupiter.api.Test;

class DuckDbAdvisorTest {

    /** {@code days} dates × {@code symbols} symbols, date-major, with a near-unique order id. */
    private static Table bars(int days, int symbols) {
        int n = days * symbols;
        long[] date = new long[n];
        String[] symbol = new String[n];
        String[] id = new String[n];
        double[] close = new double[n];
        for (int r = 0; r < n; r++) {
            date[r] = (15_000L + r / symbols) * 86_400_000L;
            symbol[r] = "S" + (r % symbols);
            id[r] = "id-" + r;
            close[r] = r;
        }
        return Table.of(Int64Column.wrap("date", date).withLogicalType(LogicalType.DATE),
                StringColumn.encode("symbol", symbol), StringColumn.encode("id", id), Float64Column.wrap("close",
                        close));
    }

    @Test
    void closedSetsOfTextBecomeEnumsAndTheSortKeyIsDateThenSymbol() {
        try (Table t = bars(200, 30)) {
            SchemaAdvice a = DuckDbAdvisor.INSTANCE.advise(TableProfile.of(t), AdviceOptions.defaults());
            assertThat(a.column("symbol").orElseThrow().declaration()).isEqualTo("ENUM (30 values)");
            assertThat(a.column("id").orElseThrow().declaration()).isEqualTo("VARCHAR");
            assertThat(a.column("close").orElseThrow().reason()).contains("DuckDB picks the compression");
            assertThat(a.options()).singleElement().satisfies(o -> {
                assertThat(o.key()).isEqualTo("sort_key");
                assertThat(o.value()).isEqualTo("date,symbol");
                assertThat(o.reason()).contains("zone maps").contains("sorted by date")
                        .contains("one row group");
            });
            assertThat(String.join("\n", a.notes())).contains("no per-column codec").contains("ART indexes")
                    .contains("122,880");
        }
    }

    @Test
    void theEnumStatementsRunAndQuiverStillReadsTheTable() {
        try (DuckDbStore store = DuckDbStore.inMemory(); Table t = bars(20, 5)) {
            store.load(LoadRequest.of("bars", LoadMode.CREATE), t);
            TableProfile profile;
            try (TableStream s = store.scan(ScanRequest.of("bars"))) {
                profile = TableProfile.of(s);
            }
            SchemaAdvice a = store.advisor().advise(profile, AdviceOptions.defaults());
            for (String sql : a.statements("bars")) {
                store.query(sql).close();
            }
            assertThat(store.describe("bars").schema().field("symbol").orElseThrow().type())
                    .isEqualTo(LogicalType.STRING);
            try (TableStream s = store.scan(ScanRequest.of("bars")); Table back = s.readAll()) {
                assertThat(back.rowCount()).isEqualTo(100);
                assertThat(((StringColumn) back.column("symbol")).get(7)).isEqualTo("S2");
            }
            try (TableStream s = store.query("SELECT count(*) AS n FROM bars WHERE symbol = ?", "S3");
                 Table r = s.readAll()) {
                assertThat(r.column(0).format(0)).isEqualTo("20");
            }
        }
    }
}
