package dev.quiver.heavydb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.store.AdviceOptions;
import dev.quiver.api.store.ColumnEncoding;
import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.StorageOptions;
import dev.quiver.api.store.StoreSettings;
import dev.quiver.api.store.SchemaAdvice;
import dev.quiver.api.store.TableProfile;
import dev.quiver.api.store.TimeUnit;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HeavyDbAdvisorTest {

    private static SchemaAdvice advise(Table t, AdviceOptions o) {
        try (t) {
            return HeavyDbAdvisor.INSTANCE.advise(TableProfile.of(t), o);
        }
    }

    private static String[] text(int rows, int distinct, String prefix) {
        String[] v = new String[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = prefix + (i % distinct);
        }
        return v;
    }

    private static long[] days(int rows, long first, long step) {
        long[] v = new long[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = (first + i * step) * 86_400_000L;
        }
        return v;
    }

    @Test
    void dictionaryWidthsFollowCardinality() {
        int n = 200_000;
        SchemaAdvice a = advise(Table.of(StringColumn.encode("side", text(n, 2, "s")),
                StringColumn.encode("sym", text(n, 255, "sym")), StringColumn.encode("strategy", text(n, 256, "st")),
                StringColumn.encode("account", text(n, 65_535, "a")), StringColumn.encode("book", text(n, 65_536,
                        "b")), StringColumn.encode("note", text(n, n, "a fairly long free-text note number "))),
                AdviceOptions.defaults());
        Map<String, String> d = a.columns().stream().collect(Collectors.toMap(c -> c.field().name(),
                SchemaAdvice.Column::declaration));
        assertThat(d).containsEntry("side", "TEXT ENCODING DICT(8)").containsEntry("sym", "TEXT ENCODING DICT(8)")
                .containsEntry("strategy", "TEXT ENCODING DICT(16)")
                .containsEntry("account", "TEXT ENCODING DICT(16)").containsEntry("book", "TEXT ENCODING DICT(32)")
                .containsEntry("note", "TEXT ENCODING NONE");
        assertThat(a.column("sym").orElseThrow().reason()).contains("255 distinct values").contains("take DICT(16)");
        assertThat(a.column("note").orElseThrow().reason()).contains("cannot be grouped by");
        assertThat(a.schema().field("side").orElseThrow().encoding()).isEqualTo(ColumnEncoding.dictionary(8));
    }

    @Test
    void dateEncodingFollowsTheRangeAndTheDateBecomesTheSortColumn() {
        SchemaAdvice narrow = advise(Table.of(Int64Column.wrap("day", days(5_000, 15_000, 1))
                .withLogicalType(LogicalType.DATE)), AdviceOptions.defaults());
        assertThat(narrow.column("day").orElseThrow().declaration()).isEqualTo("DATE ENCODING DAYS(16)");
        assertThat(narrow.options()).anySatisfy(o -> {
            assertThat(o.key()).isEqualTo("sort_column");
            assertThat(o.value()).isEqualTo("day");
            assertThat(o.reason()).contains("sorted by it already").contains("one fragment");
        });
        SchemaAdvice wide = advise(Table.of(Int64Column.wrap("day", days(100, -40_000, 1_000))
                .withLogicalType(LogicalType.DATE)), AdviceOptions.defaults());
        assertThat(wide.column("day").orElseThrow().declaration()).isEqualTo("DATE");
        assertThat(wide.column("day").orElseThrow().reason()).contains("DAYS(32)");
    }

    @Test
    void timestampsAndIntegersTakeTheNarrowestFixedWidth() {
        long[] seconds = {1_600_000_000_000L, 1_600_000_001_000L};
        long[] millis = {1_600_000_000_001L, 1_600_000_001_000L};
        SchemaAdvice a = advise(Table.of(Int64Column.wrap("t", seconds).withLogicalType(LogicalType.TIMESTAMP),
                Int64Column.wrap("tm", millis).withLogicalType(LogicalType.TIMESTAMP),
                Int64Column.wrap("qty", new long[] {-127, 127}), Int64Column.wrap("big", new long[] {0, 40_000}),
                Int32Column.wrap("small", new int[] {-32_767, 5}), Int64Column.wrap("huge", new long[] {0,
                        1L << 40})), AdviceOptions.defaults());
        assertThat(a.column("t").orElseThrow().declaration()).isEqualTo("TIMESTAMP(0) ENCODING FIXED(32)");
        assertThat(a.column("t").orElseThrow().field().unit()).isEqualTo(TimeUnit.SECOND);
        assertThat(a.column("tm").orElseThrow().declaration()).isEqualTo("TIMESTAMP(3)");
        assertThat(a.column("qty").orElseThrow().declaration()).isEqualTo("BIGINT ENCODING FIXED(8)");
        assertThat(a.column("big").orElseThrow().declaration()).isEqualTo("BIGINT ENCODING FIXED(32)");
        assertThat(a.column("small").orElseThrow().declaration()).isEqualTo("INTEGER ENCODING FIXED(16)");
        assertThat(a.column("huge").orElseThrow().declaration()).isEqualTo("BIGINT");
    }

    @Test
    void fragmentSizeSplitsAcrossGpusAndFitsMemoryAndShardsOnlyWithAJoinKeyAndGpus() {
        TableProfile p = new TableProfile(40_000_000L, TableProfile.of(Table.of(
                StringColumn.encode("sym", text(10, 5, "s")))).columns());
        SchemaAdvice one = HeavyDbAdvisor.INSTANCE.advise(p, AdviceOptions.defaults().withJoinKey("sym"));
        assertThat(one.options()).anySatisfy(o -> assertThat(o.key() + "=" + o.value())
                .isEqualTo("fragment_size=32000000"));
        assertThat(one.notes()).anyMatch(n -> n.contains("no shard key") && n.contains("--gpus"));
        SchemaAdvice four = HeavyDbAdvisor.INSTANCE.advise(p, AdviceOptions.defaults().withGpus(4, 0)
                .withJoinKey("sym"));
        assertThat(four.options()).extracting(o -> o.key() + "=" + o.value())
                .contains("fragment_size=10000000", "shard_key=sym", "shard_count=4");
        SchemaAdvice small = HeavyDbAdvisor.INSTANCE.advise(p, AdviceOptions.defaults().withGpus(1, 8L << 20));
        // 1 byte a row (DICT(8)) and an eighth of 8 MiB: 1,048,576 rows, floored to a million
        assertThat(small.options()).extracting(o -> o.key() + "=" + o.value()).contains("fragment_size=1000000");
    }

    @Test
    void throughTheStoreTheAdviceOfAScannedTableLoadsAsAdvised() throws Exception {
        try (InProcessHeavyDb server = new InProcessHeavyDb();
             HeavyDbStore store = HeavyDbStore.open(StoreSettings.of(server.location())
                     .with("password", InProcessHeavyDb.PASSWORD));
             Table t = Table.of(Int64Column.wrap("day", days(1_000, 16_000, 1)).withLogicalType(LogicalType.DATE),
                     StringColumn.encode("sym", text(1_000, 20, "S")))) {
            store.load(LoadRequest.of("bars", LoadMode.CREATE), t);
            TableProfile profile;
            try (TableStream rows = store.scan(ScanRequest.of("bars"))) {
                profile = TableProfile.of(rows);
            }
            SchemaAdvice a = store.advisor().advise(profile, AdviceOptions.defaults());
            StorageOptions options = StorageOptions.defaults().withSortKey(a.options().stream()
                    .filter(o -> o.key().equals("sort_column")).map(SchemaAdvice.Option::value)
                    .toArray(String[]::new));
            store.load(new LoadRequest("bars2", LoadMode.CREATE, Optional.of(a.schema()), options), t);
            assertThat(server.log).anyMatch(l -> l.contains("CREATE TABLE \"bars2\" (\"day\" DATE ENCODING DAYS(16), "
                    + "\"sym\" TEXT ENCODING DICT(8)) WITH (sort_column = 'day')"));
        }
    }

    @Test
    void theNotesSayWhatHeavyDbHasNot() {
        SchemaAdvice a = advise(Table.of(Int32Column.wrap("x", new int[] {1, 2})), AdviceOptions.defaults());
        String notes = String.join("\n", a.notes());
        assertThat(notes).contains("no secondary indexes").contains("no bloom filters").contains("no date partitions")
                .contains("no per-column LZ4").contains("sort_column").contains("SHARD KEY")
                .contains("no sort_column");
        assertThat(String.join("\n", a.lines())).contains("advice for heavydb").contains("notes");
    }
}
