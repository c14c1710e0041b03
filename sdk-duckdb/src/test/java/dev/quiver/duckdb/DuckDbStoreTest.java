package dev.quiver.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.StorageOptions;
import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreSchema;
import dev.quiver.api.store.Stores;
import dev.quiver.api.store.TimeUnit;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreTest {
    @TempDir
    Path dir;

    private static Table prices() {
        return Table.of(
                StringColumn.encode("symbol", new String[] {"AAPL", "MSFT", "AAPL"}),
                Int64Column.wrap("at", new long[] {1_000_001L, 2_000_002L, 3_000_003L})
                        .withLogicalType(LogicalType.TIMESTAMP),
                Float64Column.wrap("close", new double[] {1.5, 2.5, Double.NaN}));
    }

    @Test
    void aFileStoreIsFoundByItsLocationAndKeepsItsTables() {
        String location = "duckdb:" + dir.resolve("my prices.db");
        try (Store store = Stores.open(location); Table t = prices()) {
            assertThat(store).isInstanceOf(DuckDbStore.class);
            store.load(LoadRequest.of("prices", LoadMode.CREATE)
                    .withOptions(StorageOptions.defaults().withSortKey("symbol", "at")), t);
        }
        try (Store store = Stores.open(location)) {
            assertThat(store.list()).containsExactly("prices");
            assertThat(store.describe("prices").options()).containsEntry("sort_key", "symbol,at");
            try (TableStream s = store.scan(ScanRequest.of("prices")); Table read = s.readAll()) {
                // loaded in sort-key order
                assertThat(read.column("symbol").format(1)).isEqualTo("AAPL");
                assertThat(((Int64Column) read.column("at")).get(2)).isEqualTo(2_000_002L);
            }
        }
    }

    @Test
    void timestampsKeepTheirUnitInDuckDbAndReadBackAsMilliseconds() {
        try (DuckDbStore store = DuckDbStore.inMemory(); Table t = prices()) {
            for (TimeUnit unit : TimeUnit.values()) {
                String name = "t_" + unit.name().toLowerCase(java.util.Locale.ROOT);
                StoreSchema schema = StoreSchema.of(t.schema()).with("at", f -> f.withUnit(unit));
                store.load(LoadRequest.of(name, LoadMode.CREATE).withSchema(schema), t);
                assertThat(store.schema(name).field("at").orElseThrow().unit()).isEqualTo(unit);
                try (TableStream s = store.scan(ScanRequest.of(name).columns("at")); Table read = s.readAll()) {
                    long expected = unit == TimeUnit.SECOND ? 1_000_000L : 1_000_001L;
                    assertThat(((Int64Column) read.column(0)).get(0)).as(unit.name()).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void whatDuckDbCannotDoIsRefusedNotIgnored() {
        try (DuckDbStore store = DuckDbStore.inMemory(); Table t = prices()) {
            assertThatThrownBy(() -> store.load(LoadRequest.of("p", LoadMode.CREATE)
                    .withOptions(StorageOptions.defaults().withProperty("fragment_size", "32000000")), t))
                    .isInstanceOf(StoreException.class).hasMessageContaining("fragment_size");
            assertThat(store.exists("p")).isFalse();
        }
    }

    @Test
    void tablesDuckDbMadeItselfAreDescribedAndScanned() {
        try (DuckDbStore store = DuckDbStore.inMemory()) {
            try (TableStream s = store.query("CREATE TABLE made AS SELECT range AS n, (range * 0.5)::DOUBLE AS half, "
                    + "'x' || range AS label, DATE '2020-01-01' + range::INTEGER AS day FROM range(5)");
                 Table r = s.readAll()) {
                assertThat(r.schema().names()).containsExactly("changed");
            }
            assertThat(store.schema("made").toSchema().fields()).extracting(f -> f.logical())
                    .containsExactly(LogicalType.INT64, LogicalType.FLOAT64, LogicalType.STRING, LogicalType.DATE);
            try (TableStream s = store.query("SELECT * FROM made WHERE n >= ? ORDER BY n", 3L);
                 Table r = s.readAll()) {
                assertThat(r.rowCount()).isEqualTo(2);
                assertThat(r.column("day").format(0)).isEqualTo("2020-01-04");
                assertThat(r.column("label").format(1)).isEqualTo("x4");
            }
            store.query("CREATE TABLE odd AS SELECT 1.5::DECIMAL(10,2) AS price").close();
            assertThatThrownBy(() -> store.describe("odd")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("'price'").hasMessageContaining("DECIMAL");
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        DuckDbStore store = DuckDbStore.inMemory();
        store.close();
        store.close();
        assertThatThrownBy(store::list).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }
}
