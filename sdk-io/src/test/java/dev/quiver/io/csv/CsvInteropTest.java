package dev.quiver.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.Timestamps;
import dev.quiver.io.TableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What other tools write, Quiver reads; what Quiver writes, DuckDB reads back the same. */
class CsvInteropTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/csv/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void readsWhatPandasWrites() throws IOException {
        try (Table t = TableFiles.read(resource("pandas_to_csv.csv"))) {
            assertThat(t.schema().names()).containsExactly("Date", "macd(12,26,9).macd", "ema(high,10)",
                    "say \"hi\"", "Ünïcode ✓", "volume", "flag");
            assertThat(t.schema().field(0)).isEqualTo(Field.date("Date"));
            assertThat(t.schema().field(6).logical()).isEqualTo(LogicalType.BOOLEAN);
            assertThat(t.float64("macd(12,26,9).macd").get(2)).isEqualTo(-1.5e-10);
            assertThat(t.float64("macd(12,26,9).macd").isMissing(1)).isTrue();
            assertThat(t.string("say \"hi\"").get(2)).isEqualTo("line\nbreak");
            assertThat(t.string("Ünïcode ✓").get(0)).isEqualTo("日本");
            assertThat(t.string("Ünïcode ✓").get(1)).isNull();
            assertThat(t.int64("volume").get(2)).isEqualTo(300);
        }
        try (Table t = TableFiles.read(resource("pandas_to_csv_index.csv"))) {
            assertThat(t.schema().names().getFirst()).isEqualTo("column_1");
            assertThat(t.int64("column_1").get(2)).isEqualTo(2);
        }
    }

    @Test
    void readsWhatExcelWrites() throws IOException {
        try (Table t = TableFiles.read(resource("excel_csv_utf8.csv"))) {
            assertThat(t.schema().names()).containsExactly("Date", "Close", "Name", "Note");
            assertThat(t.rowCount()).isEqualTo(3);
            assertThat(t.string("Name").get(0)).isEqualTo("Smith, John");
            assertThat(t.string("Note").get(0)).isEqualTo("He said \"hi\"");
            assertThat(t.string("Note").get(1)).isEqualTo("two\nlines");
            assertThat(t.string("Name").get(1)).isEqualTo("Zoë");
            assertThat(t.float64("Close").isMissing(2)).isTrue();
        }
    }

    @Test
    void readsWhatDuckDbWrites() throws Exception {
        Path f = dir.resolve("duck.csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES (DATE '2020-01-02', 0.1::DOUBLE, 'a,b', TIMESTAMP "
                    + "'2020-01-02 09:30:00', true, 7::BIGINT), (DATE '2020-01-03', NULL, 'say \"hi\"', NULL, "
                    + "false, NULL)) t(\"d\", \"x(1,2)\", \"s\", \"ts\", \"b\", \"n\")) TO '" + f
                    + "' (HEADER, DELIMITER ',')");
        }
        try (Table t = TableFiles.read(f)) {
            assertThat(t.schema().names()).containsExactly("d", "x(1,2)", "s", "ts", "b", "n");
            assertThat(t.int64("d").get(1)).isEqualTo(Timestamps.ofDate(LocalDate.of(2020, 1, 3)));
            assertThat(t.float64("x(1,2)").get(0)).isEqualTo(0.1);
            assertThat(t.float64("x(1,2)").isMissing(1)).isTrue();
            assertThat(t.string("s").get(0)).isEqualTo("a,b");
            assertThat(t.string("s").get(1)).isEqualTo("say \"hi\"");
            assertThat(t.schema().field(3)).isEqualTo(Field.timestamp("ts"));
            assertThat(t.int64("ts").get(0)).isEqualTo(Timestamps.parse("2020-01-02T09:30:00Z"));
            assertThat(t.schema().field(4).logical()).isEqualTo(LogicalType.BOOLEAN);
            assertThat(t.int64("n").isMissing(1)).isTrue();
        }
    }

    @Test
    void duckDbReadsWhatQuiverWritesValueForValue() throws Exception {
        Path f = dir.resolve("quiver.csv");
        double[] x = {0.1, -0.0, 1e-300, Double.MAX_VALUE, Double.NaN, 1 / 3.0};
        try (TableBuilder b = TableBuilder.onHeap()) {
            long day = Timestamps.ofDate(LocalDate.of(2020, 1, 2));
            b.int64("Date", new long[] {day, day + 86_400_000L, day + 2 * 86_400_000L, day + 3 * 86_400_000L,
                    day + 4 * 86_400_000L, day + 5 * 86_400_000L});
            Table t = b.float64("macd(12,26,9).macd", x)
                    .string("name, \"quoted\"", new String[] {"a,b", "x\ny", "plain", null, "日本", ""}).build();
            Table typed = Table.of(t.column(0).withLogicalType(LogicalType.DATE), t.column(1), t.column(2));
            TableFiles.write(typed, f);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM read_csv('" + f + "', header = true)")) {
            assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("Date");
            assertThat(rs.getMetaData().getColumnName(2)).isEqualTo("macd(12,26,9).macd");
            assertThat(rs.getMetaData().getColumnName(3)).isEqualTo("name, \"quoted\"");
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("DATE");
            assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("DOUBLE");
            List<String> names = new ArrayList<>();
            int row = 0;
            while (rs.next()) {
                double v = rs.getDouble(2);
                if (Double.isNaN(x[row])) {
                    assertThat(rs.wasNull()).as("a missing value is NULL").isTrue();
                } else {
                    assertThat(Double.doubleToRawLongBits(v)).as("row " + row)
                            .isEqualTo(Double.doubleToRawLongBits(x[row]));
                }
                names.add(rs.getString(3));
                row++;
            }
            assertThat(row).isEqualTo(6);
            // DuckDB reads a quoted empty field as NULL unless told otherwise (allow_quoted_nulls), as pandas does
            assertThat(names).containsExactly("a,b", "x\ny", "plain", null, "日本", null);
        } catch (SQLException e) {
            throw new AssertionError(Files.readString(f), e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"name, \"\"quoted\"\"\" FROM read_csv('" + f
                     + "', header = true, allow_quoted_nulls = false)")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertThat(names).containsExactly("a,b", "x\ny", "plain", null, "日本", "");
        }
    }
}
