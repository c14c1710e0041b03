package dev.quiver.heavydb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.store.ColumnEncoding;
import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.Predicate;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.StorageOptions;
import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreSchema;
import dev.quiver.api.store.StoreSettings;
import dev.quiver.api.store.Stores;
import dev.quiver.api.store.TableDescription;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What HeavyDbStore sends over HeavyDB's Thrift API and how it takes the answers, against the in-process server:
 * the calls and statements of each operation, the Arrow payloads of a load, and damaged answers (a clear
 * StoreException, never a hang).
 */
class HeavyDbProtocolTest {
    private InProcessHeavyDb server;

    @BeforeEach
    void start() throws Exception {
        server = new InProcessHeavyDb();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Store open() {
        return HeavyDbStore.open(StoreSettings.of(server.location()).with("password", InProcessHeavyDb.PASSWORD)
                .with("timeoutMs", "20000"));
    }

    private static Table prices(int rows) {
        String[] symbols = new String[rows];
        long[] days = new long[rows];
        double[] close = new double[rows];
        for (int r = 0; r < rows; r++) {
            symbols[r] = r % 2 == 0 ? "AAPL" : "MSFT";
            days[r] = 86_400_000L * (18_000 + r / 2);
            close[r] = 100 + r;
        }
        return Table.of(StringColumn.encode("symbol", symbols),
                Int64Column.wrap("day", days).withLogicalType(LogicalType.DATE), Float64Column.wrap("close", close));
    }

    @Test
    void aLoadCreatesTheTableWithItsOptionsThenSendsOneArrowStreamPerBatch() {
        StoreSchema schema = StoreSchema.of(prices(1).schema())
                .with("symbol", f -> f.withEncoding(ColumnEncoding.dictionary(16)))
                .with("day", f -> f.withEncoding(ColumnEncoding.days(16)).withNullable(false));
        List<Table> batches = new ArrayList<>(List.of(prices(100), prices(50)));
        try (Store store = Stores.open(StoreSettings.of(server.location()).with("password",
                InProcessHeavyDb.PASSWORD)); TableStream data = TableStream.of(batches.get(0).schema(), batches)) {
            assertThat(store).isInstanceOf(HeavyDbStore.class);
            long rows = store.load(LoadRequest.of("bars", LoadMode.CREATE).withSchema(schema)
                    .withOptions(StorageOptions.defaults().withSortKey("day").withProperty("fragment_size",
                            "1000000")), data);
            assertThat(rows).isEqualTo(150);
            TableDescription d = store.describe("bars");
            assertThat(d.rows()).isEqualTo(150);
            assertThat(d.schema().field("symbol").orElseThrow().encoding()).isEqualTo(ColumnEncoding.dictionary(16));
            assertThat(d.schema().field("day").orElseThrow().encoding()).isEqualTo(ColumnEncoding.days(16));
            assertThat(d.schema().field("day").orElseThrow().nullable()).isFalse();
            assertThat(d.options()).containsEntry("fragment_size", "1000000");
        }
        assertThat(server.calls("connect")).containsExactly("connect admin heavyai");
        assertThat(server.calls("sql_execute")).containsExactly("sql_execute CREATE TABLE \"bars\" (\"symbol\" TEXT "
                + "ENCODING DICT(16), \"day\" DATE ENCODING DAYS(16) NOT NULL, \"close\" DOUBLE) "
                + "WITH (fragment_size = 1000000, sort_column = 'day')");
        assertThat(server.calls("load_table_binary_arrow")).containsExactly(
                "load_table_binary_arrow bars names=true batches=1 rows=100 [symbol:Utf8, day:Date(DAY), "
                        + "close:FloatingPoint(DOUBLE)]",
                "load_table_binary_arrow bars names=true batches=1 rows=50 [symbol:Utf8, day:Date(DAY), "
                        + "close:FloatingPoint(DOUBLE)]");
        assertThat(server.calls("sql_execute_df")).containsExactly(
                "sql_execute_df WIRE SELECT COUNT(*) AS n FROM \"bars\"");
        assertThat(server.calls("disconnect")).hasSize(1);
    }

    @Test
    void scansRenderTheirValuesAsLiteralsAndAppendAndReplaceGoThroughStagingTables() {
        try (Store store = open(); Table t = prices(10)) {
            store.load(LoadRequest.of("bars", LoadMode.CREATE), t);
            store.load(LoadRequest.of("bars", LoadMode.APPEND), t);
            store.load(LoadRequest.of("bars", LoadMode.REPLACE), t);
            try (TableStream s = store.scan(ScanRequest.of("bars").columns("close")
                    .where(Predicate.and(Predicate.eq("symbol", "it's"), Predicate.ge("day",
                            LocalDate.of(2019, 4, 14))))); Table r = s.readAll()) {
                assertThat(r.rowCount()).isZero();
            }
        }
        List<String> statements = server.calls("sql_execute").stream()
                .map(l -> l.replaceAll("quiver_(stage|old)_[0-9a-f]{32}", "quiver_$1")).toList();
        assertThat(statements).contains(
                "sql_execute INSERT INTO \"bars\" SELECT * FROM \"quiver_stage\"",
                "sql_execute DROP TABLE IF EXISTS \"quiver_stage\"",
                "sql_execute RENAME TABLE \"bars\" TO \"quiver_old\", \"quiver_stage\" TO \"bars\"",
                "sql_execute DROP TABLE IF EXISTS \"quiver_old\"");
        assertThat(server.calls("sql_execute_df")).contains("sql_execute_df WIRE SELECT \"close\" FROM \"bars\" "
                + "WHERE (\"symbol\" = 'it''s' AND \"day\" >= DATE '2019-04-14')");
    }

    @Test
    void queryParametersBecomeLiteralsOutsideQuotesAndComments() {
        assertThat(HeavyDbSql.bind("SELECT '?' AS q, \"a?\" FROM t -- ?\nWHERE x = ? /* ? */ AND y = ?",
                Arrays.asList("o'k", null))).isEqualTo(
                "SELECT '?' AS q, \"a?\" FROM t -- ?\nWHERE x = 'o''k' /* ? */ AND y = NULL");
        assertThatThrownBy(() -> HeavyDbSql.bind("SELECT ?", List.of())).isInstanceOf(StoreException.class)
                .hasMessageContaining("more ? placeholders");
        assertThatThrownBy(() -> HeavyDbSql.bind("SELECT 1", List.of(1L))).hasMessageContaining("1 values");
        assertThat(HeavyDbSql.literal(java.time.Instant.ofEpochMilli(1_500))).isEqualTo(
                "TIMESTAMP(3) '1970-01-01 00:00:01.500'");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> HeavyDbStore.open(StoreSettings.of(server.location()).with("password", "guess")))
                .isInstanceOf(StoreException.class).hasMessageContaining("refused the login")
                .hasMessageContaining("Invalid credentials").hasMessageNotContaining("guess");
    }

    @Test
    @Timeout(60)
    void damagedArrowAnswersAreClearErrors() {
        try (Store store = open(); Table t = prices(20)) {
            store.load(LoadRequest.of("bars", LoadMode.CREATE), t);
            SplittableRandom random = new SplittableRandom(3);
            for (int trial = 0; trial < 200; trial++) {
                int mode = trial % 3;
                server.answer = bytes -> switch (mode) {
                    case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length)); // cut short
                    case 1 -> {
                        byte[] b = bytes.clone();
                        for (int k = 0; k < 4; k++) {
                            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                        }
                        yield b;
                    }
                    default -> {
                        byte[] b = new byte[1 + random.nextInt(256)];
                        random.nextBytes(b);
                        yield b;
                    }
                };
                try (TableStream s = store.query("SELECT * FROM bars"); Table r = s.readAll()) {
                    // a flip that misses everything that matters still reads: then it reads the right shape
                    assertThat(r.columnCount()).isLessThanOrEqualTo(3);
                } catch (StoreException expected) {
                    assertThat(expected.getMessage()).contains("running SELECT * FROM bars");
                }
            }
            server.answer = bytes -> bytes;
            try (TableStream s = store.query("SELECT * FROM bars"); Table r = s.readAll()) {
                assertThat(r.rowCount()).isEqualTo(20);
            }
        }
    }

    @Test
    @Timeout(30)
    void aServerThatAnswersGarbageOrNothingIsAClearErrorNotAHang() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0)) {
            Thread t = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket s = garbage.accept(); InputStream in = s.getInputStream();
                         OutputStream out = s.getOutputStream()) {
                        in.read(new byte[64]);
                        if (i == 0) {
                            out.write(new byte[] {(byte) 0x80, 1, 0, 2, 0, 0, 0, 7, 'c', 'o'}); // cut short
                        }
                        // the second connection: silence, then close (the read timeout must end the wait)
                        if (i == 1) {
                            Thread.sleep(Duration.ofSeconds(3));
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            String location = "heavydb://admin@localhost:" + garbage.getLocalPort() + "/heavyai";
            assertThatThrownBy(() -> HeavyDbStore.open(StoreSettings.of(location).with("password", "x")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("cannot reach HeavyDB at " + location);
            assertThatThrownBy(() -> HeavyDbStore.open(StoreSettings.of(location).with("password", "x")
                    .with("timeoutMs", "1000"))).isInstanceOf(StoreException.class);
            t.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void typesOfHeavyDbColumnsReadBackAsStored() {
        assertThat(InProcessHeavyDb.field("\"s\" TEXT ENCODING DICT(8)").encoding()).isEqualTo(
                ColumnEncoding.dictionary(8));
        assertThat(InProcessHeavyDb.field("\"s\" TEXT ENCODING NONE").encoding()).isEqualTo(ColumnEncoding.NONE);
        assertThat(InProcessHeavyDb.field("\"t\" TIMESTAMP(0) ENCODING FIXED(32)").encoding())
                .isEqualTo(ColumnEncoding.fixed(32));
        assertThat(InProcessHeavyDb.field("\"t\" TIMESTAMP(9)").unit()).isEqualTo(dev.quiver.api.store.TimeUnit
                .NANOSECOND);
        assertThat(InProcessHeavyDb.field("\"n\" BIGINT ENCODING FIXED(16) NOT NULL").nullable()).isFalse();
        assertThat(InProcessHeavyDb.field("\"b\" BOOLEAN").type()).isEqualTo(LogicalType.BOOLEAN);
    }
}
