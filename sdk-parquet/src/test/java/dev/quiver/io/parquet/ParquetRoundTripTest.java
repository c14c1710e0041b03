package dev.quiver.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.Timestamps;
import dev.quiver.io.DataFileException;
import dev.quiver.io.FileCompression;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFiles;
import dev.quiver.io.TableReader;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetRoundTripTest {
    @TempDir
    Path dir;
    private long before;

    @BeforeEach
    void remember() {
        before = NativeMemory.bytesInUse();
    }

    @AfterEach
    void nothingLeaksOrLingers() throws IOException {
        assertThat(NativeMemory.bytesInUse()).isEqualTo(before);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    /** Every logical type, each with a missing value; names with commas, quotes and Unicode. */
    static Table everyType() {
        long day = Timestamps.ofDate(LocalDate.of(2020, 1, 2));
        List<Column> columns = List.of(
                Float64Column.wrap("macd(12,26,9).macd", new double[] {0.1, Double.NaN, -0.0, 1e-300}),
                Float64Column.wrap("f32", new double[] {1.5, Double.NaN, -2, 0.25}).withLogicalType(LogicalType.FLOAT32),
                Int64Column.wrap("n", new long[] {1, Int64Column.MISSING, Long.MAX_VALUE, -5}),
                Int32Column.wrap("i32", new int[] {1, Int32Column.MISSING, Integer.MAX_VALUE, -5}),
                Int32Column.wrap("i16", new int[] {1, Int32Column.MISSING, 32767, -5}).withLogicalType(LogicalType.INT16),
                Int32Column.wrap("i8", new int[] {1, Int32Column.MISSING, 127, -5}).withLogicalType(LogicalType.INT8),
                Int32Column.wrap("b", new int[] {1, Int32Column.MISSING, 0, 1}).withLogicalType(LogicalType.BOOLEAN),
                StringColumn.encode("name, \"quoted\" ✓", new String[] {"a,b", null, "日本", "a,b"}),
                Int64Column.wrap("Date", new long[] {day, Int64Column.MISSING, day + 86_400_000L, day})
                        .withLogicalType(LogicalType.DATE),
                Int64Column.wrap("ts", new long[] {day + 1234, Int64Column.MISSING, day, -1})
                        .withLogicalType(LogicalType.TIMESTAMP));
        return Table.of(columns);
    }

    static void assertSameValues(Table expected, Table actual) {
        assertThat(actual.schema()).isEqualTo(expected.schema());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            for (int r = 0; r < expected.rowCount(); r++) {
                Column e = expected.column(c);
                Column a = actual.column(c);
                assertThat(a.isMissing(r)).as(e.name() + " row " + r).isEqualTo(e.isMissing(r));
                if (e instanceof Float64Column ef && !e.isMissing(r)) {
                    assertThat(Double.doubleToRawLongBits(((Float64Column) a).get(r))).as(e.name() + " row " + r)
                            .isEqualTo(Double.doubleToRawLongBits(ef.get(r)));
                } else {
                    assertThat(a.format(r)).as(e.name() + " row " + r).isEqualTo(e.format(r));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = FileCompression.class, names = {"NONE", "SNAPPY", "ZSTD", "GZIP"})
    void everyTypeRoundTripsWithEveryCompression(FileCompression compression) {
        Path f = dir.resolve("t.parquet");
        TableFiles.write(everyType(), f, WriteOptions.builder().compression(compression).build());
        try (Table back = TableFiles.read(f)) {
            assertSameValues(everyType(), back);
        }
    }

    @Test
    void rowGroupsAreBatches() {
        Path f = dir.resolve("groups.parquet");
        Table t = everyType();
        try (TableWriter w = TableFiles.openWriter(f, t.schema(), WriteOptions.builder().rowGroupRows(3).build())) {
            w.write(t);
            w.write(t);
            w.commit();
        }
        int batches = 0;
        int rows = 0;
        try (TableReader r = TableFiles.openReader(f, ReadOptions.defaults())) {
            assertThat(r.schema()).isEqualTo(t.schema());
            for (Table next; (next = r.next()) != null; batches++) {
                try (Table b = next) {
                    rows += b.rowCount();
                }
            }
        }
        assertThat(rows).isEqualTo(8);
        assertThat(batches).isGreaterThan(1);
        try (Table some = TableFiles.read(f, ReadOptions.builder().columns(List.of("ts", "n")).build())) {
            assertThat(some.schema()).isEqualTo(Schema.of(Field.int64("n"), Field.timestamp("ts")));
        }
    }

    @Test
    void filesThatAreNotParquetGetASentence() throws IOException {
        Path csv = dir.resolve("prices.parquet");
        Files.writeString(csv, "Date,Close\n2020-01-02,1\n");
        assertThatThrownBy(() -> TableFiles.read(csv)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(csv + ": is not a Parquet file");
        Path empty = dir.resolve("empty.parquet");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> TableFiles.read(empty)).hasMessage(empty + ": is empty; a Parquet file starts with "
                + "PAR1");
        Path good = dir.resolve("good.parquet");
        TableFiles.write(everyType(), good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.parquet");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> TableFiles.read(cut)).hasMessageStartingWith(cut + ": is cut short");
        Path garbled = dir.resolve("garbled.parquet");
        byte[] g = bytes.clone();
        for (int i = 8; i < g.length - 8; i++) {
            g[i] = (byte) (g[i] ^ 0x5A);
        }
        Files.write(garbled, g);
        assertThatThrownBy(() -> TableFiles.read(garbled)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(garbled + ": ");
    }

    @Test
    void anUnfinishedWriteLeavesTheOldFile() throws IOException {
        Path f = dir.resolve("keep.parquet");
        Files.writeString(f, "old");
        Table t = everyType();
        try (TableWriter w = TableFiles.openWriter(f, t.schema(), WriteOptions.defaults())) {
            w.write(t);
        }
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThatThrownBy(() -> TableFiles.write(t, f, WriteOptions.builder().compression(FileCompression.LZ4)
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snappy, zstd or gzip");
    }
}
