package dev.quiver.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.Timestamps;
import dev.quiver.io.CsvFormat;
import dev.quiver.io.DataFileException;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFiles;
import dev.quiver.io.WriteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsQuotedHeadersAndFieldsAndInfersTypes() throws IOException {
        Path f = file("q.csv", "Date,\"macd(12,26,9).macd\",name,n,flag\r\n"
                + "2020-01-02,1.5,\"a, \"\"quoted\"\"\nline\",3,true\r\n"
                + "2020-01-03,,plain,4,false\r\n\r\n");
        try (Table t = TableFiles.read(f)) {
            assertThat(t.schema()).isEqualTo(Schema.of(Field.date("Date"), Field.float64("macd(12,26,9).macd"),
                    Field.string("name"), Field.int64("n"), Field.of("flag", LogicalType.BOOLEAN)));
            assertThat(t.rowCount()).isEqualTo(2);
            assertThat(t.string("name").get(0)).isEqualTo("a, \"quoted\"\nline");
            assertThat(t.float64("macd(12,26,9).macd").isMissing(1)).isTrue();
            assertThat(t.int64("Date").get(1)).isEqualTo(Timestamps.ofDate(LocalDate.of(2020, 1, 3)));
        }
    }

    @Test
    void integersParseWithoutExceptionsToTheEdgesOf64Bits() {
        assertThat(parse("0")).isZero();
        assertThat(parse(" -42 ")).isEqualTo(-42);
        assertThat(parse("+7")).isEqualTo(7);
        assertThat(parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parse("-9223372036854775807")).isEqualTo(-Long.MAX_VALUE);
        // Long.MIN_VALUE is the missing marker, so it (and anything beyond 64 bits) is no integer: a float64 column
        for (String no : new String[] {"-9223372036854775808", "9223372036854775808", "1.5", "1e3", "-", "+", "",
                "12a", "0x10", "١٢"}) {
            assertThat(parse(no)).as(no).isEqualTo(dev.quiver.api.table.Int64Column.MISSING);
        }
    }

    private static long parse(String s) {
        return Int64Sink.parse(s.toCharArray(), 0, s.length());
    }

    @Test
    void readsTablesWiderThanFastCsvsDefaultLimit() throws IOException {
        // a strategy matrix: a date and 30,000 columns, more than FastCSV's default 16,384 fields per record
        int columns = 30_000;
        StringBuilder text = new StringBuilder("Date");
        for (int c = 0; c < columns; c++) {
            text.append(",\"s ").append(c).append(", v%\"");
        }
        text.append('\n');
        for (int r = 0; r < 3; r++) {
            text.append("2024-01-0").append(r + 1);
            for (int c = 0; c < columns; c++) {
                text.append(',').append(r * columns + c);
            }
            text.append('\n');
        }
        Path f = dir.resolve("wide.csv");
        Files.writeString(f, text);
        try (Table t = TableFiles.read(f)) {
            assertThat(t.columnCount()).isEqualTo(columns + 1);
            assertThat(t.column(columns).name()).isEqualTo("s " + (columns - 1) + ", v%");
            assertThat(t.rowCount()).isEqualTo(3);
        }
    }

    @Test
    void doublesRoundTripBitForBit() throws IOException {
        double[] values = {0.1, -0.0, 0.0, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, 1 / 3.0, 79237200, 123456789012345678.0};
        Path f = dir.resolve("d.csv");
        try (TableBuilder b = TableBuilder.onHeap()) {
            TableFiles.write(b.float64("x", values).build(), f);
        }
        try (Table t = TableFiles.read(f)) {
            Float64Column x = t.float64("x");
            for (int i = 0; i < values.length; i++) {
                assertThat(Double.doubleToRawLongBits(x.get(i))).as("row " + i)
                        .isEqualTo(Double.doubleToRawLongBits(values[i]));
            }
        }
    }

    @Test
    void aLaterValueWidensAnInferredColumn() throws IOException {
        StringBuilder b = new StringBuilder("a,b\n");
        for (int i = 0; i < 50; i++) {
            b.append(i).append(",x\n");
        }
        b.append("1.5,y\n").append("oops,z\n");
        Path f = file("w.csv", b.toString());
        try (Table t = TableFiles.read(f, ReadOptions.builder().sampleRows(10).build())) {
            assertThat(t.schema().field(0)).isEqualTo(Field.string("a"));
            assertThat(t.string("a").get(50)).isEqualTo("1.5");
        }
    }

    @Test
    void errorsNameTheLineColumnAndValue() throws IOException {
        Path f = file("e.csv", "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> TableFiles.read(f)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("e.csv, line 3").hasMessageContaining("1 field but the header has 2");
        Path g = file("g.csv", "a,b\n1,2\n\"3,4\n");
        assertThatThrownBy(() -> TableFiles.read(g)).hasMessageContaining("line 3")
                .hasMessageContaining("never closed");
        Path h = file("h.csv", "a,b\n1,2\n3,x\n");
        assertThatThrownBy(() -> TableFiles.read(h, ReadOptions.builder().columnType("b", LogicalType.INT64)
                .build())).hasMessage(h + ", line 3, column 'b': 'x' is not an integer (the column was given "
                + "the type int64)");
        Path dup = file("dup.csv", "a,a\n1,2\n");
        assertThatThrownBy(() -> TableFiles.read(dup)).hasMessageContaining("columns 1 and 2 are both named 'a'");
        Path empty = file("empty.csv", "");
        assertThatThrownBy(() -> TableFiles.read(empty)).hasMessageContaining("is empty");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "a\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TableFiles.read(latin1)).hasMessageContaining("line 2")
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void writesWhatPandasAndExcelRead() throws IOException {
        Path f = dir.resolve("out.csv");
        try (TableBuilder b = TableBuilder.onHeap()) {
            b.string("ema(high,10)", new String[] {"a,b", "", null, "NA", "say \"hi\""});
            TableFiles.write(b.build(), f, WriteOptions.builder().csv(CsvFormat.EXCEL).build());
        }
        byte[] bytes = Files.readAllBytes(f);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFF\"ema(high,10)\"\r\n\"a,b\"\r\n"
                + "\"\"\r\n\r\n\"NA\"\r\n\"say \"\"hi\"\"\"\r\n");
        try (Table t = TableFiles.read(f)) {
            assertThat(t.string("ema(high,10)").get(1)).isEqualTo("");
            assertThat(t.string("ema(high,10)").get(2)).isNull();
            assertThat(t.string("ema(high,10)").get(3)).isEqualTo("NA");
        }
    }
}
