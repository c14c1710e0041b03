package dev.quiver.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.Timestamps;
import dev.quiver.io.FileCompression;
import dev.quiver.io.TableFiles;
import dev.quiver.io.WriteOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DuckDB, an independent Parquet implementation, reads what Quiver writes, and Quiver reads what DuckDB writes. */
class ParquetDuckDbInteropTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"SNAPPY", "ZSTD"})
    void duckDbReadsQuiversParquetTypeForTypeAndValueForValue(String codec) throws Exception {
        Path f = dir.resolve("q.parquet");
        Table t = ParquetRoundTripTest.everyType();
        TableFiles.write(t, f, WriteOptions.builder().compression(FileCompression.valueOf(codec)).build());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + f + "')")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                types.add(md.getColumnTypeName(i));
                names.add(md.getColumnName(i));
            }
            assertThat(names).isEqualTo(t.schema().names());
            assertThat(types).containsExactly("DOUBLE", "FLOAT", "BIGINT", "INTEGER", "SMALLINT", "TINYINT",
                    "BOOLEAN", "VARCHAR", "DATE", "TIMESTAMP WITH TIME ZONE");
            assertThat(rs.next()).isTrue();
            assertThat(Double.doubleToRawLongBits(rs.getDouble(1))).isEqualTo(Double.doubleToRawLongBits(0.1));
            assertThat(rs.getString(8)).isEqualTo("a,b");
            assertThat(rs.getString(9)).isEqualTo("2020-01-02");
            assertThat(rs.getBoolean(7)).isTrue();
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= 10; i++) {
                rs.getObject(i);
                assertThat(rs.wasNull()).as("column " + i + " of the missing row").isTrue();
            }
            assertThat(rs.next()).isTrue();
            assertThat(Double.doubleToRawLongBits(rs.getDouble(1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
            assertThat(rs.getLong(3)).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getString(8)).isEqualTo("日本");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT epoch_ms(ts) FROM read_parquet('" + f + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(Timestamps.ofDate(LocalDate.of(2020, 1, 2)) + 1234);
        }
    }

    @Test
    void quiverReadsWhatDuckDbWrites() throws Exception {
        Path f = dir.resolve("duck.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES (DATE '2020-01-02', 0.1::DOUBLE, 'a,b', TIMESTAMP "
                    + "'2020-01-02 09:30:00.123456', true, 7::BIGINT, 1.25::REAL, 3::SMALLINT, 12.34::DECIMAL(10,2)), "
                    + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) t(\"d\", \"x(1,2)\", \"s\", \"ts\", \"b\", "
                    + "\"n\", \"r\", \"sm\", \"dec\")) TO '" + f + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        try (Table t = TableFiles.read(f)) {
            assertThat(t.schema().fields()).containsExactly(Field.date("d"), Field.float64("x(1,2)"),
                    Field.string("s"), Field.timestamp("ts"), Field.of("b", LogicalType.BOOLEAN), Field.int64("n"),
                    Field.of("r", LogicalType.FLOAT32), Field.of("sm", LogicalType.INT16), Field.float64("dec"));
            assertThat(t.int64("d").get(0)).isEqualTo(Timestamps.ofDate(LocalDate.of(2020, 1, 2)));
            assertThat(t.float64("x(1,2)").get(0)).isEqualTo(0.1);
            assertThat(t.string("s").get(0)).isEqualTo("a,b");
            assertThat(t.int64("ts").get(0)).isEqualTo(Timestamps.parse("2020-01-02T09:30:00.123Z"));
            assertThat(t.int32("b").get(0)).isEqualTo(1);
            assertThat(t.float64("dec").get(0)).isEqualTo(12.34);
            for (int c = 0; c < t.columnCount(); c++) {
                assertThat(t.column(c).isMissing(1)).as(t.column(c).name()).isTrue();
            }
        }
    }
}
