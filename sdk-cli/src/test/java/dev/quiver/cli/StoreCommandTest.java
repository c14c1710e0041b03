package dev.quiver.cli;

import static dev.quiver.cli.CliRun.quiver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import dev.quiver.io.TableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiver store} through the command line, on a DuckDB file. */
class StoreCommandTest {
    private static final Path DATA = Path.of(System.getProperty("quiver.data.dir", "../data"), "market");

    @TempDir
    Path tmp;
    private long bytes;

    @BeforeEach
    void recordMemory() {
        bytes = NativeMemory.bytesInUse();
    }

    @AfterEach
    void nothingLeaks() {
        assertThat(NativeMemory.bytesInUse()).as("off-heap bytes leaked").isEqualTo(bytes);
    }

    @Test
    void loadListDescribeQueryAndDrop() {
        String store = "duckdb:" + tmp.resolve("research.duckdb");
        CliRun load = quiver("store", "load", "--store", store, "--table", "aapl", "--input",
                DATA.resolve("aapl_2013_2018.csv").toString(), "--sort-key", "date");
        assertThat(load.status()).as(load.err()).isZero();
        assertThat(load.out()).contains("1,260 rows loaded into aapl (create)");

        CliRun again = quiver("store", "load", "--store", store, "--table", "aapl", "--input",
                DATA.resolve("aapl_2013_2018.csv").toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("table 'aapl' exists already").doesNotContain("Exception");

        CliRun list = quiver("store", "list", "--store", store);
        assertThat(list.out()).contains("aapl").contains("1,260 rows");

        CliRun describe = quiver("store", "describe", "--store", store, "--table", "AAPL");
        assertThat(describe.status()).as(describe.err()).isZero();
        assertThat(describe.out()).contains("table aapl: 1,260 rows").contains("Date").contains("Close")
                .contains("sort_key").contains("float64");
        assertThat(describe.out()).contains("advice for duckdb").contains("table options")
                .contains("zone maps").contains("one row group").contains("no per-column codec");

        CliRun quiet = quiver("store", "describe", "--store", store, "--table", "aapl", "--no-advice");
        assertThat(quiet.out()).contains("table aapl").doesNotContain("advice for");

        CliRun query = quiver("store", "query", "--store", store, "--sql",
                "SELECT date, close FROM aapl WHERE date >= ? AND close > ? ORDER BY date LIMIT 3",
                "--param", "2018-05-08", "--param", "150");
        assertThat(query.status()).as(query.err()).isZero();
        assertThat(query.out()).contains("Date").contains("2018-05-08").contains("(3 rows");

        Path parquet = tmp.resolve("big-days.parquet");
        CliRun toFile = quiver("store", "query", "--store", store, "--sql",
                "SELECT * FROM aapl WHERE volume > ?", "--param", "100000000", "--output", parquet.toString());
        assertThat(toFile.status()).as(toFile.err()).isZero();
        try (Table t = TableFiles.read(parquet)) {
            assertThat(t.rowCount()).isPositive();
            assertThat(toFile.out()).contains(String.format("%,d rows -> ", t.rowCount()));
        }

        CliRun drop = quiver("store", "drop", "--store", store, "--table", "aapl");
        assertThat(drop.out()).contains("dropped aapl");
        assertThat(quiver("store", "list", "--store", store).out()).contains("no tables");
    }

    @Test
    void aWideMatrixLoadsInLongForm() {
        String store = "duckdb:" + tmp.resolve("m.duckdb");
        CliRun load = quiver("store", "load", "--store", store, "--table", "closes", "--input",
                DATA.resolve("dowjones30_closes_wide.csv").toString(), "--wide", "Date:symbol=close");
        assertThat(load.status()).as(load.err()).isZero();
        CliRun q = quiver("store", "query", "--store", store, "--sql",
                "SELECT count(DISTINCT symbol) AS symbols FROM closes");
        assertThat(q.out()).contains("30");
        CliRun d = quiver("store", "describe", "--store", store, "--table", "closes", "--gpus", "2");
        assertThat(d.out()).contains("symbol").contains("string").contains("close");
        assertThat(d.out()).contains("ENUM (30 values)").contains("Date,symbol")
                .contains("CREATE TYPE \"closes_symbol_enum\" AS ENUM").contains("no sharding");
    }

    @Test
    void loadAdvisesBeforeLoading() {
        String store = "duckdb:" + tmp.resolve("a.duckdb");
        CliRun load = quiver("store", "load", "--store", store, "--table", "aapl", "--input",
                DATA.resolve("aapl_2013_2018.csv").toString(), "--advise", "--range-column", "Date");
        assertThat(load.status()).as(load.err()).isZero();
        assertThat(load.out()).contains("advice for duckdb").contains("sort_key").contains("by Date")
                .contains("1,260 rows loaded into aapl");
    }

    @Test
    void mistakesAreSentencesAndChangeNothing() throws Exception {
        Path db = tmp.resolve("x.duckdb");
        String store = "duckdb:" + db;
        CliRun hostile = quiver("store", "load", "--store", store, "--table", "t; drop table x", "--input",
                DATA.resolve("aapl_2013_2018.csv").toString());
        assertThat(hostile.status()).isEqualTo(1);
        assertThat(hostile.err()).contains("invalid table name 't; drop table x'");
        assertThat(Files.exists(db)).as("nothing was opened").isFalse();

        CliRun noStore = quiver("store", "list", "--store", "");
        assertThat(noStore.err()).contains("no store given");

        CliRun password = quiver("store", "list", "--store", "heavydb://admin:secret@localhost:6274/heavyai");
        assertThat(password.err()).contains("admin:***@").doesNotContain("secret");

        CliRun mode = quiver("store", "load", "--store", store, "--table", "t", "--mode", "upsert", "--input",
                DATA.resolve("aapl_2013_2018.csv").toString());
        assertThat(mode.err()).contains("--mode 'upsert'");

        CliRun missing = quiver("store", "describe", "--store", store, "--table", "nope");
        assertThat(missing.err()).contains("there is no table 'nope'");
    }
}
