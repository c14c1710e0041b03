package dev.quiver.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void readsAnyCaseHeaderAndMissingValues() throws IOException {
        Path f = write("a.csv", "DATE,Open,HIGH,low,Close,Volume\n2020-01-02,1,2,0.5,1.5,100\n2020-01-03,,3,1,2,\n");
        try (Table t = PriceCsv.read(f, null)) {
            assertThat(t.schema().names()).containsExactly("time", "open", "high", "low", "close", "volume");
            assertThat(t.rowCount()).isEqualTo(2);
            assertThat(t.int64("time").get(1)).isEqualTo(Timestamps.ofDate(LocalDate.of(2020, 1, 3)));
            assertThat(t.float64("open").isMissing(1)).isTrue();
            assertThat(t.float64("close").get(1)).isEqualTo(2.0);
            assertThat(t.float64("volume").isMissing(1)).isTrue();
        }
    }

    @Test
    void givesEveryRowTheSymbolWhenAsked() throws IOException {
        Path f = write("b.csv", "Date,Close\n2020-01-02,1\n2020-01-03,2\n");
        try (Table t = PriceCsv.read(f, "XYZ")) {
            assertThat(t.string("symbol").get(0)).isEqualTo("XYZ");
            assertThat(t.string("symbol").get(1)).isEqualTo("XYZ");
        }
    }

    @Test
    void badNumberNamesFileLineColumnAndValue() throws IOException {
        Path f = write("bad.csv", "Date,Close\n2020-01-02,1\n2020-01-03,abc\n");
        assertThatThrownBy(() -> PriceCsv.read(f, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.csv")
                .hasMessageContaining("line 3")
                .hasMessageContaining("column 'close'")
                .hasMessageContaining("'abc'");
    }

    @Test
    void badDateAndFieldCountAreReported() throws IOException {
        Path date = write("date.csv", "Date,Close\n2020-13-02,1\n");
        assertThatThrownBy(() -> PriceCsv.read(date, null)).hasMessageContaining("line 2")
                .hasMessageContaining("'2020-13-02' is not a date");
        Path width = write("width.csv", "Date,Close\n2020-01-02,1,2\n");
        assertThatThrownBy(() -> PriceCsv.read(width, null)).hasMessageContaining("line 2")
                .hasMessageContaining("3 fields, but the header has 2");
        Path noDate = write("nodate.csv", "Day,Close\n");
        assertThatThrownBy(() -> PriceCsv.read(noDate, null)).hasMessageContaining("no Date column");
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> PriceCsv.read(empty, null)).hasMessageContaining("empty");
    }

    @Test
    void assemblesASortedPanelFromSeveralSymbols() throws IOException {
        Path z = write("z.csv", "Date,Close,Volume\n2020-01-02,10,1\n2020-01-03,11,1\n");
        Path a = write("a.csv", "Date,Close,Volume\n2020-01-03,5,1\n");
        try (Table tz = PriceCsv.read(z, null); Table ta = PriceCsv.read(a, null);
             Table all = PanelAssembler.concat(Map.of("ZZZ", tz, "AAA", ta), List.of("close"))) {
            Panel p = Panel.of(all, "symbol", "time");
            assertThat(p.symbolCount()).isEqualTo(2);
            assertThat(p.symbol(0)).isEqualTo("AAA");
            assertThat(all.float64("close").toArray()).containsExactly(5, 10, 11);
            assertThat(p.dateCount()).isEqualTo(2);
        }
    }

    @Test
    void assemblerNamesTheSymbolLackingAColumn() throws IOException {
        Path z = write("z.csv", "Date,Close\n2020-01-02,10\n");
        try (Table tz = PriceCsv.read(z, null)) {
            assertThatThrownBy(() -> PanelAssembler.concat(Map.of("ZZZ", tz), List.of("open")))
                    .hasMessageContaining("symbol 'ZZZ'").hasMessageContaining("no column 'open'");
        }
    }
}
