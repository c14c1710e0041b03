package dev.quiver.store.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.Order;
import dev.quiver.api.store.Predicate;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.StorageOptions;
import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.StoreSchema;
import dev.quiver.api.store.TableDescription;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import dev.quiver.api.table.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Store} passes. A provider's test extends this class and says how to open an empty store:
 *
 * <pre>{@code
 * class MyStoreContractTest extends StoreContract {
 *     @Override
 *     protected Store openEmptyStore() {
 *         return MyStore.open(...);   // a store with no tables
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: every logical type and its nulls round-trip; create, append and replace, each atomic when a
 * batch fails halfway; predicates (comparisons, ranges, IN, null tests, their combinations), ordering and limits;
 * results streamed in batches, released when closed early; concurrent readers; bound parameters; hostile
 * identifiers refused before anything runs and hostile values stored as values; describe, list and drop; off-heap
 * memory released after every test.
 *
 * <p>Thread-safety: JUnit runs each test on a fresh instance.
 */
public abstract class StoreContract {
    /** The store under test, opened empty before each test and closed after it. */
    protected Store store;
    private long memoryBefore;

    /** Opens a store holding no tables; called before each test. */
    protected abstract Store openEmptyStore();

    @BeforeEach
    void openStore() {
        memoryBefore = NativeMemory.bytesInUse();
        store = openEmptyStore();
        assertThat(store.list()).as("a new store is empty").isEmpty();
    }

    @AfterEach
    void closeStore() {
        if (store == null) {
            return; // the store could not be opened (a test that needs a server it does not have was skipped)
        }
        store.close();
        assertThat(NativeMemory.bytesInUse()).as("off-heap memory left behind").isEqualTo(memoryBefore);
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    private static final long DAY = 86_400_000L;
    private static final String[] SYMBOLS = {"AAPL", "MSFT", "it's \"quoted\", with commas", "Ünïcødé 株"};

    /** Every logical type, a missing value in each column at row 1. */
    protected static Table everyType(int rows, int offset) {
        double[] f64 = new double[rows];
        double[] f32 = new double[rows];
        long[] i64 = new long[rows];
        int[] i32 = new int[rows];
        int[] i16 = new int[rows];
        int[] i8 = new int[rows];
        int[] bool = new int[rows];
        long[] date = new long[rows];
        long[] ts = new long[rows];
        String[] text = new String[rows];
        for (int r = 0; r < rows; r++) {
            int k = r + offset;
            boolean missing = r == 1;
            f64[r] = missing ? Double.NaN : k * 0.1 - 3;
            f32[r] = missing ? Double.NaN : (float) (k * 0.25);
            i64[r] = missing ? Int64Column.MISSING : 10_000_000_000L * k;
            i32[r] = missing ? Int32Column.MISSING : k * 1000;
            i16[r] = missing ? Int32Column.MISSING : (short) (k * 7);
            i8[r] = missing ? Int32Column.MISSING : (byte) k;
            bool[r] = missing ? Int32Column.MISSING : k % 2;
            date[r] = missing ? Int64Column.MISSING : Timestamps.ofDate(LocalDate.of(2000, 1, 1)) + k * DAY;
            ts[r] = missing ? Int64Column.MISSING : 946_684_800_123L + k * 60_000L;
            text[r] = missing ? null : SYMBOLS[k % SYMBOLS.length];
        }
        List<Column> columns = List.of(
                Int64Column.wrap("id", idColumn(rows, offset)),
                Float64Column.wrap("f64", f64),
                Float64Column.wrap("f32", f32).withLogicalType(LogicalType.FLOAT32),
                Int64Column.wrap("i64", i64),
                Int32Column.wrap("i32", i32),
                Int32Column.wrap("i16", i16).withLogicalType(LogicalType.INT16),
                Int32Column.wrap("i8", i8).withLogicalType(LogicalType.INT8),
                Int32Column.wrap("flag", bool).withLogicalType(LogicalType.BOOLEAN),
                Int64Column.wrap("day", date).withLogicalType(LogicalType.DATE),
                Int64Column.wrap("at", ts).withLogicalType(LogicalType.TIMESTAMP),
                StringColumn.encode("symbol", text));
        return Table.of(columns);
    }

    private static long[] idColumn(int rows, int offset) {
        long[] id = new long[rows];
        for (int r = 0; r < rows; r++) {
            id[r] = r + offset;
        }
        return id;
    }

    /** A stream of batches of {@link #everyType}, ids running on from one batch to the next. */
    private static TableStream batches(int batches, int rowsPerBatch) {
        List<Table> list = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            list.add(everyType(rowsPerBatch, b * rowsPerBatch));
        }
        return TableStream.of(list.get(0).schema(), list);
    }

    /** A stream that hands out one good batch, then fails: a load interrupted halfway. */
    private static TableStream failingAfterOneBatch(int offset) {
        Table first = everyType(10, offset);
        return new TableStream() {
            private int calls;

            @Override
            public Schema schema() {
                return first.schema();
            }

            @Override
            public Table next() {
                if (calls++ == 0) {
                    return first;
                }
                throw new IllegalStateException("injected failure in the second batch");
            }

            @Override
            public void close() {
                first.close();
            }
        };
    }

    private Table scanAll(ScanRequest request) {
        try (TableStream s = store.scan(request)) {
            return s.readAll();
        }
    }

    private long count(String table) {
        return store.describe(table).rows();
    }

    private List<Long> ids(ScanRequest request) {
        try (Table t = scanAll(request.columns("id"))) {
            List<Long> out = new ArrayList<>();
            Int64Column id = (Int64Column) t.column(0);
            for (int r = 0; r < t.rowCount(); r++) {
                out.add(id.get(r));
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------------ types

    @Test
    void everyLogicalTypeAndItsNullsRoundTrip() {
        try (Table original = everyType(40, 0)) {
            assertThat(store.load(LoadRequest.of("every_type", LoadMode.CREATE), original)).isEqualTo(40);
            try (Table read = scanAll(ScanRequest.of("every_type").orderBy(Order.asc("id")))) {
                assertThat(read.rowCount()).isEqualTo(40);
                for (int c = 0; c < original.columnCount(); c++) {
                    Column expected = original.column(c);
                    Column actual = read.column(c);
                    assertThat(actual.name()).isEqualToIgnoringCase(expected.name());
                    assertThat(actual.logicalType()).as(expected.name()).isEqualTo(expected.logicalType());
                    for (int r = 0; r < 40; r++) {
                        assertThat(actual.isMissing(r)).as(expected.name() + " row " + r)
                                .isEqualTo(expected.isMissing(r));
                        assertThat(actual.format(r)).as(expected.name() + " row " + r).isEqualTo(expected.format(r));
                    }
                }
            }
        }
    }

    @Test
    void describeReportsColumnsNullabilityAndRows() {
        try (Table t = everyType(5, 0)) {
            StoreSchema schema = StoreSchema.of(t.schema()).with("id", f -> f.withNullable(false));
            store.load(LoadRequest.of("described", LoadMode.CREATE).withSchema(schema), t);
        }
        TableDescription d = store.describe("DESCRIBED");
        assertThat(d.name()).isEqualToIgnoringCase("described");
        assertThat(d.rows()).isEqualTo(5);
        assertThat(d.schema().field("id")).map(StoreField::nullable).contains(false);
        assertThat(d.schema().field("f64")).map(StoreField::nullable).contains(true);
        assertThat(d.schema().field("day")).map(StoreField::type).contains(LogicalType.DATE);
        assertThat(d.schema().toSchema().names()).hasSize(11);
        assertThatThrownBy(() -> store.describe("missing_table")).isInstanceOf(StoreException.class)
                .hasMessageContaining("missing_table");
    }

    @Test
    void aMissingValueInANonNullableColumnFailsTheWholeLoad() {
        try (Table t = everyType(5, 0)) {
            StoreSchema schema = StoreSchema.of(t.schema()).with("f64", f -> f.withNullable(false));
            assertThatThrownBy(() -> store.load(LoadRequest.of("strict", LoadMode.CREATE).withSchema(schema), t))
                    .isInstanceOf(StoreException.class).hasMessageContaining("strict");
        }
        assertThat(store.exists("strict")).isFalse();
    }

    // ------------------------------------------------------------------------------------------------ loads

    @Test
    void createAppendAndReplace() {
        try (TableStream data = batches(3, 100)) {
            assertThat(store.load(LoadRequest.of("prices", LoadMode.CREATE), data)).isEqualTo(300);
        }
        try (Table more = everyType(50, 300)) {
            assertThatThrownBy(() -> store.load(LoadRequest.of("prices", LoadMode.CREATE), more))
                    .isInstanceOf(StoreException.class).hasMessageContaining("prices");
            assertThat(store.load(LoadRequest.of("prices", LoadMode.APPEND), more)).isEqualTo(50);
            assertThat(count("prices")).isEqualTo(350);
            assertThatThrownBy(() -> store.load(LoadRequest.of("no_such_table", LoadMode.APPEND), more))
                    .isInstanceOf(StoreException.class).hasMessageContaining("no_such_table");
            assertThat(store.load(LoadRequest.of("prices", LoadMode.REPLACE), more)).isEqualTo(50);
            assertThat(count("prices")).isEqualTo(50);
        }
        try (Table other = Table.of(Float64Column.wrap("x", new double[] {1, 2}))) {
            assertThatThrownBy(() -> store.load(LoadRequest.of("prices", LoadMode.APPEND), other))
                    .as("appending other columns").isInstanceOf(StoreException.class);
            store.load(LoadRequest.of("prices", LoadMode.REPLACE), other);
            assertThat(store.schema("prices").names()).containsExactly("x");
        }
        assertThat(store.list()).containsExactly("prices");
        assertThat(store.drop("prices")).isTrue();
        assertThat(store.drop("prices")).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aLoadThatFailsHalfwayLeavesTheTableAsItWas() {
        try (TableStream failing = failingAfterOneBatch(0)) {
            assertThatThrownBy(() -> store.load(LoadRequest.of("atomic", LoadMode.CREATE), failing))
                    .isInstanceOf(StoreException.class);
        }
        assertThat(store.exists("atomic")).as("a failed create leaves no table").isFalse();

        try (Table t = everyType(20, 0)) {
            store.load(LoadRequest.of("atomic", LoadMode.CREATE), t);
        }
        try (TableStream failing = failingAfterOneBatch(100)) {
            assertThatThrownBy(() -> store.load(LoadRequest.of("atomic", LoadMode.APPEND), failing))
                    .isInstanceOf(StoreException.class);
        }
        assertThat(count("atomic")).as("a failed append adds nothing").isEqualTo(20);
        try (TableStream failing = failingAfterOneBatch(100)) {
            assertThatThrownBy(() -> store.load(LoadRequest.of("atomic", LoadMode.REPLACE), failing))
                    .isInstanceOf(StoreException.class);
        }
        assertThat(count("atomic")).as("a failed replace keeps the old rows").isEqualTo(20);
        assertThat(ids(ScanRequest.of("atomic").orderBy(Order.asc("id")).limit(3))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aSortKeyIsAcceptedAndReported() {
        try (Table t = everyType(30, 0)) {
            store.load(LoadRequest.of("sorted", LoadMode.CREATE)
                    .withOptions(StorageOptions.defaults().withSortKey("symbol", "id")), t);
        }
        assertThat(count("sorted")).isEqualTo(30);
        try (Table t = everyType(3, 0)) {
            assertThatThrownBy(() -> store.load(LoadRequest.of("sorted2", LoadMode.CREATE)
                    .withOptions(StorageOptions.defaults().withSortKey("nope")), t))
                    .isInstanceOf(StoreException.class).hasMessageContaining("nope");
        }
        assertThat(store.exists("sorted2")).isFalse();
    }

    // ------------------------------------------------------------------------------------------------ scans

    @Test
    void predicatesOrderingAndLimits() {
        try (TableStream data = batches(2, 50)) {
            store.load(LoadRequest.of("p", LoadMode.CREATE), data);
        }
        ScanRequest all = ScanRequest.of("p").orderBy(Order.asc("id"));
        assertThat(ids(all.where(Predicate.eq("id", 7L)))).containsExactly(7L);
        assertThat(ids(all.where(Predicate.between("id", 10L, 12L)))).containsExactly(10L, 11L, 12L);
        assertThat(ids(all.where(Predicate.in("id", 3L, 99L, 1000L)))).containsExactly(3L, 99L);
        assertThat(ids(all.where(Predicate.isNull("f64")))).containsExactly(1L, 51L);
        assertThat(ids(all.where(Predicate.and(Predicate.lt("id", 10L), Predicate.isNotNull("f64"),
                Predicate.eq("symbol", "MSFT"))))).containsExactly(5L, 9L);
        assertThat(ids(all.where(Predicate.or(Predicate.le("id", 1L), Predicate.ge("id", 98L)))))
                .containsExactly(0L, 1L, 98L, 99L);
        assertThat(ids(all.where(Predicate.not(Predicate.lt("id", 97L))))).containsExactly(97L, 98L, 99L);
        assertThat(ids(all.where(Predicate.eq("symbol", SYMBOLS[2])))).hasSize(25);
        assertThat(ids(all.where(Predicate.ge("day", LocalDate.of(2000, 4, 8))))).containsExactly(98L, 99L);
        assertThat(ids(all.where(Predicate.lt("at", Instant.ofEpochMilli(946_684_800_123L + 2 * 60_000L)))))
                .containsExactly(0L);
        assertThat(ids(all.where(Predicate.gt("f64", 6.45)))).containsExactly(95L, 96L, 97L, 98L, 99L);
        assertThat(ids(all.where(Predicate.eq("flag", true)).limit(3))).containsExactly(3L, 5L, 7L);
        assertThat(ids(ScanRequest.of("p").orderBy(Order.desc("id")).limit(2))).containsExactly(99L, 98L);
        assertThat(ids(all.limit(0))).isEmpty();
        try (Table two = scanAll(ScanRequest.of("p").columns("symbol", "id").orderBy(Order.asc("id")).limit(1))) {
            assertThat(two.schema().names()).containsExactly("symbol", "id");
            assertThat(two.column(0).format(0)).isEqualTo("AAPL");
        }
        assertThatThrownBy(() -> store.scan(ScanRequest.of("p").columns("nope")))
                .isInstanceOf(StoreException.class).hasMessageContaining("nope");
    }

    @Test
    void largeResultsStreamInBatchesAndCloseEarly() {
        try (TableStream data = batches(20, 10_000)) {
            assertThat(store.load(LoadRequest.of("big", LoadMode.CREATE), data)).isEqualTo(200_000);
        }
        int batchCount = 0;
        long rows = 0;
        try (TableStream s = store.scan(ScanRequest.of("big").columns("id", "f64").batchRows(8_192))) {
            for (Table next; (next = s.next()) != null; ) {
                try (Table batch = next) {
                    assertThat(batch.rowCount()).isLessThanOrEqualTo(8_192);
                    batchCount++;
                    rows += batch.rowCount();
                }
            }
        }
        assertThat(rows).isEqualTo(200_000);
        assertThat(batchCount).isGreaterThan(1);
        // closed after one batch: everything is released (checked after each test)
        try (TableStream s = store.scan(ScanRequest.of("big").batchRows(1_000))) {
            try (Table first = s.next()) {
                assertThat(first.rowCount()).isPositive();
            }
        }
    }

    @Test
    void concurrentReaders() throws Exception {
        try (TableStream data = batches(4, 5_000)) {
            store.load(LoadRequest.of("shared", LoadMode.CREATE), data);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> sums = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long low = i * 1000L;
                sums.add(pool.submit(() -> ids(ScanRequest.of("shared").where(Predicate.between("id", low,
                        low + 999))).stream().mapToLong(Long::longValue).sum()));
            }
            for (int i = 0; i < 8; i++) {
                long low = i * 1000L;
                assertThat(sums.get(i).get()).isEqualTo(1000 * low + 999 * 1000 / 2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------------ SQL

    @Test
    void queriesBindTheirParameters() {
        try (Table t = everyType(12, 0)) {
            store.load(LoadRequest.of("q", LoadMode.CREATE), t);
        }
        try (TableStream s = store.query("SELECT count(*) AS n FROM q WHERE symbol = ? AND id >= ?", "AAPL", 0L);
             Table r = s.readAll()) {
            assertThat(r.column(0).format(0)).isEqualTo("3");
        }
        String hostile = "x'; DROP TABLE q; --";
        try (TableStream s = store.query("SELECT count(*) AS n FROM q WHERE symbol = ?", hostile);
             Table r = s.readAll()) {
            assertThat(r.column(0).format(0)).isEqualTo("0");
        }
        assertThat(store.exists("q")).isTrue();
        assertThatThrownBy(() -> store.query("SELECT * FROM no_such_table").close())
                .isInstanceOf(StoreException.class).hasMessageContaining("no_such_table");
    }

    @Test
    void hostileIdentifiersAreRefusedAndHostileValuesStoredAsValues() {
        try (Table t = everyType(4, 0)) {
            assertThatThrownBy(() -> store.load(LoadRequest.of("t; drop table x", LoadMode.CREATE), t))
                    .isInstanceOf(StoreException.class).hasMessageContaining("invalid table name");
        }
        assertThatThrownBy(() -> ScanRequest.of("t").columns("a\"b"))
                .isInstanceOf(StoreException.class).hasMessageContaining("invalid column name");
        assertThatThrownBy(() -> store.drop("x\"; DROP TABLE y"))
                .isInstanceOf(StoreException.class);
        String[] values = {"Robert'); DROP TABLE students;--", "a\"b", "back\\slash", "new\nline", ""};
        try (Table t = Table.of(StringColumn.encode("s", values))) {
            store.load(LoadRequest.of("hostile_values", LoadMode.CREATE), t);
        }
        try (Table read = scanAll(ScanRequest.of("hostile_values"))) {
            List<String> got = new ArrayList<>();
            for (int r = 0; r < read.rowCount(); r++) {
                got.add(((StringColumn) read.column(0)).get(r));
            }
            assertThat(got).containsExactlyInAnyOrder(values);
        }
        assertThat(store.list()).containsExactly("hostile_values");
    }
}
