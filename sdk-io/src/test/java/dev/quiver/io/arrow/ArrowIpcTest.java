package dev.quiver.io.arrow;

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
import org.junit.jupiter.params.provider.ValueSource;

class ArrowIpcTest {
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

    /** A table of every logical type, each with a missing value, names with commas, quotes and Unicode. */
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
                    assertThat(Double.doubleToRawLongBits(((Float64Column) a).get(r)))
                            .isEqualTo(Double.doubleToRawLongBits(ef.get(r)));
                } else {
                    assertThat(a.format(r)).as(e.name() + " row " + r).isEqualTo(e.format(r));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.arrow", "t.feather", "t.arrows"})
    void everyTypeRoundTrips(String name) {
        Path f = dir.resolve(name);
        Table t = everyType();
        TableFiles.write(t, f);
        try (Table back = TableFiles.read(f)) {
            assertSameValues(t, back);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"LZ4", "ZSTD"})
    void compressedFilesRoundTrip(String codec) {
        Path f = dir.resolve("c.arrow");
        TableFiles.write(everyType(), f, WriteOptions.builder().compression(FileCompression.valueOf(codec)).build());
        try (Table back = TableFiles.read(f)) {
            assertSameValues(everyType(), back);
        }
    }

    @Test
    void batchesGoInAndComeOutOneByOne() {
        Path f = dir.resolve("b.arrows");
        Table t = everyType();
        try (TableWriter w = TableFiles.openWriter(f, t.schema(), WriteOptions.defaults())) {
            w.write(t);
            w.write(t.slice(1, 3));
            w.commit();
        }
        try (TableReader r = TableFiles.openReader(f, ReadOptions.defaults())) {
            assertThat(r.schema()).isEqualTo(t.schema());
            try (Table a = r.next(); Table b = r.next()) {
                assertThat(a.rowCount()).isEqualTo(4);
                assertSameValues(t.slice(1, 3), b);
            }
            assertThat(r.next()).isNull();
        }
        try (Table all = TableFiles.read(f)) {
            assertThat(all.rowCount()).isEqualTo(6);
        }
        try (Table some = TableFiles.read(f, ReadOptions.builder().columns(List.of("n", "Date")).build())) {
            assertThat(some.schema()).isEqualTo(Schema.of(Field.int64("n"), Field.date("Date")));
        }
    }

    @Test
    void aStreamNamedArrowStillReads() {
        Path stream = dir.resolve("s.arrows");
        TableFiles.write(everyType(), stream);
        Path misnamed = dir.resolve("s.arrow");
        try {
            Files.copy(stream, misnamed);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (Table t = TableFiles.read(misnamed)) {
            assertThat(t.rowCount()).isEqualTo(4);
        }
    }

    @Test
    void filesThatAreNotArrowGetASentence() throws IOException {
        Path csv = dir.resolve("prices.arrow");
        Files.writeString(csv, "Date,Close\n2020-01-02,1\n");
        assertThatThrownBy(() -> TableFiles.read(csv)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(csv + ": is not an Arrow IPC file or stream");
        Path empty = dir.resolve("empty.feather");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> TableFiles.read(empty)).hasMessage(empty + ": is empty; an Arrow file starts with "
                + "ARROW1");
        Path v1 = dir.resolve("old.feather");
        Files.write(v1, "FEA1\0\0\0\0".getBytes());
        assertThatThrownBy(() -> TableFiles.read(v1)).hasMessageContaining("Feather version 1");
        Path good = dir.resolve("good.arrow");
        TableFiles.write(everyType(), good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.arrow");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> TableFiles.read(cut)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(cut + ": ");
    }

    @Test
    void anUnfinishedWriteLeavesTheOldFile() throws IOException {
        Path f = dir.resolve("keep.arrow");
        Files.writeString(f, "old");
        Table t = everyType();
        try (TableWriter w = TableFiles.openWriter(f, t.schema(), WriteOptions.defaults())) {
            w.write(t);
        }
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThatThrownBy(() -> TableFiles.write(t, f, WriteOptions.builder().compression(FileCompression.SNAPPY)
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lz4 or zstd");
        assertThat(Files.readString(f)).isEqualTo("old");
    }
}
