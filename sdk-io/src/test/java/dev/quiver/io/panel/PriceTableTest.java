package dev.quiver.io.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.Timestamps;
import dev.quiver.io.DataFileException;
import dev.quiver.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {
    private static final Path DATA = Path.of(System.getProperty("quiver.data.dir", "../data"), "market");

    @TempDir
    Path dir;
    private long before;

    @BeforeEach
    void remember() {
        before = NativeMemory.bytesInUse();
    }

    @AfterEach
    void nothingLeaks() {
        assertThat(NativeMemory.bytesInUse()).isEqualTo(before);
    }

    private Path csv(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static PriceTable read(Path f, PriceTableOptions o) {
        return PriceTable.read(f, ReadOptions.defaults(), o);
    }

    @Test
    void aSingleSeriesFromTheBundledData() {
        try (PriceTable p = read(DATA.resolve("aapl_2013_2018.csv"), PriceTableOptions.defaults())) {
            assertThat(p.shape()).isEqualTo(TableShape.SERIES);
            assertThat(p.panel().symbolCount()).isEqualTo(1);
            assertThat(p.panel().symbol(0)).isEqualTo("aapl_2013_2018");
            assertThat(p.columns()).containsExactly("date", "open", "high", "low", "close", "adjclose", "volume");
            assertThat(p.inputName("close")).isEqualTo("Close");
            assertThat(p.inputName("adjclose")).isEqualTo("AdjClose");
            assertThat(p.table().rowCount()).isEqualTo(1260);
            assertThat(p.table().schema().field(0).logical()).isEqualTo(LogicalType.DATE);
            assertThat(p.table().float64("volume").get(0)).isPositive(); // integers became doubles
        }
    }

    @Test
    void aLongPanelInAnyOrderIsSortedAndPutBackInOrder() throws IOException {
        Path f = csv("p.csv", "Ticker,Date,Close,Sector\nMSFT,2020-01-03,2,tech\nAAPL,2020-01-03,11,tech\n"
                + "MSFT,2020-01-02,1,tech\nAAPL,2020-01-02,10,tech\n");
        try (PriceTable p = read(f, PriceTableOptions.defaults())) {
            assertThat(p.shape()).isEqualTo(TableShape.LONG);
            assertThat(p.columns()).containsExactly("symbol", "date", "close", "Sector");
            assertThat(p.table().float64("close").toArray()).containsExactly(10, 11, 1, 2);
            assertThat(p.panel().symbol(0)).isEqualTo("AAPL");
            assertThat(p.inputOrder().orElseThrow()).containsExactly(3, 1, 2, 0);
            try (Table back = p.inInputOrder(p.table())) {
                assertThat(back.float64("close").toArray()).containsExactly(2, 11, 1, 10);
                assertThat(back.string("Sector").get(0)).isEqualTo("tech");
            }
        }
    }

    @Test
    void aWideTableBecomesOneBarPerPresentCell() throws IOException {
        Path f = csv("w.csv", "Date,MSFT,AAPL\n2020-01-02,1,\n2020-01-03,2,11\n2020-01-06,,12\n");
        try (PriceTable p = read(f, PriceTableOptions.defaults())) {
            assertThat(p.shape()).isEqualTo(TableShape.WIDE);
            assertThat(p.columns()).containsExactly("date", "symbol", "close");
            assertThat(p.panel().symbolCount()).isEqualTo(2);
            assertThat(p.table().float64("close").toArray()).containsExactly(11, 12, 1, 2);
            assertThat(p.inputOrder()).isEmpty();
        }
        try (PriceTable p = read(DATA.resolve("dowjones30_closes_wide.csv"), PriceTableOptions.builder()
                .validate(true).build())) {
            assertThat(p.panel().symbolCount()).isEqualTo(30);
        } catch (DataFileException e) {
            // the source repeats its first date (data/README.md): the check says so
            assertThat(e.getMessage()).contains("is given twice");
        }
    }

    @Test
    void pricesAreChecked() throws IOException {
        String head = "Date,Open,High,Low,Close,Volume\n";
        Path negative = csv("n.csv", head + "2020-01-02,1,2,0.5,1.5,10\n2020-01-03,1,2,0.5,-3.2,10\n");
        assertThatThrownBy(() -> read(negative, PriceTableOptions.defaults())).isInstanceOf(DataFileException.class)
                .hasMessage(negative + ", line 3, column 'Close': -3.2 is not a positive price");
        Path empty = csv("e.csv", head + "2020-01-02,1,2,0.5,,10\n");
        assertThatThrownBy(() -> read(empty, PriceTableOptions.defaults()))
                .hasMessage(empty + ", line 2, column 'Close': the price is missing (an empty field, NA or NaN)");
        Path crossed = csv("c.csv", head + "2020-01-02,1,0.5,2,1,10\n");
        assertThatThrownBy(() -> read(crossed, PriceTableOptions.defaults()))
                .hasMessage(crossed + ", line 2, column 'High': the high 0.5 is below the low 2");
        Path outside = csv("o.csv", head + "2020-01-02,1,2,0.5,3,10\n");
        assertThatThrownBy(() -> read(outside, PriceTableOptions.defaults()))
                .hasMessage(outside + ", line 2, column 'Close': the close 3 is outside the bar's range [low 0.5, "
                        + "high 2]");
        Path volume = csv("v.csv", head + "2020-01-02,1,2,0.5,1,-5\n");
        assertThatThrownBy(() -> read(volume, PriceTableOptions.defaults()))
                .hasMessage(volume + ", line 2, column 'Volume': -5 is not a volume (it must be zero or more)");
        try (PriceTable p = read(negative, PriceTableOptions.builder().validate(false).build())) {
            assertThat(p.table().rowCount()).isEqualTo(2);
        }
    }

    @Test
    void duplicatesNameBothLines() throws IOException {
        Path f = csv("d.csv", "Date,Symbol,Close\n2020-01-02,A,1\n2020-01-03,A,2\n2020-01-02,A,3\n");
        assertThatThrownBy(() -> read(f, PriceTableOptions.defaults()))
                .hasMessage(f + ", line 4, column 'Date': 2020-01-02 for A is given twice (also on line 2)");
    }

    @Test
    void onlyTheRequiredColumnsMustBeThere() throws IOException {
        Path f = csv("close.csv", "date,close\n2020-01-02,1\n2020-01-03,2\n");
        try (PriceTable p = read(f, PriceTableOptions.builder().required(List.of("close")).build())) {
            assertThat(p.column("Close")).contains("close");
            assertThat(p.column("open")).isEmpty();
        }
        assertThatThrownBy(() -> read(f, PriceTableOptions.builder().required(List.of("close", "Open")).build()))
                .hasMessage(f + ": has no 'Open' column, which is needed here; its columns are [date, close]");
    }

    @Test
    void detectionAndOverridesAndMissingColumnsAreExplained() throws IOException {
        Path f = csv("x.csv", "when,what,price\n2020-01-02,a,1\n");
        assertThatThrownBy(() -> read(f, PriceTableOptions.defaults())).hasMessageContaining("has no date column");
        try (PriceTable p = read(f, PriceTableOptions.builder().dateColumn("WHEN").symbolColumn("what").build())) {
            assertThat(p.shape()).isEqualTo(TableShape.LONG);
            assertThat(p.panel().symbol(0)).isEqualTo("a");
        }
        Path text = csv("t.csv", "Date,Note\n2020-01-02,hello\n");
        assertThatThrownBy(() -> read(text, PriceTableOptions.defaults())).hasMessageContaining("'Note' is text");
        assertThatThrownBy(() -> read(text, PriceTableOptions.builder().shape(TableShape.LONG).build()))
                .hasMessageContaining("has no symbol column");
    }

    @Test
    void tablesFromOtherSourcesNameRowsAndTakeTextDates() {
        try (TableBuilder b = TableBuilder.onHeap()) {
            Table t = b.string("Date", new String[] {"2020-01-03", "2020-01-02"}).float64("Close", new double[] {2, 1})
                    .build();
            try (PriceTable p = PriceTable.of(t, Path.of("prices.parquet"), PriceTableOptions.defaults())) {
                assertThat(p.table().int64("date").get(0)).isEqualTo(Timestamps.ofDate(LocalDate.of(2020, 1, 2)));
                assertThat(p.panel().symbol(0)).isEqualTo("prices");
            }
            Table bad = Table.of(t.column("Date"), dev.quiver.api.table.Float64Column.wrap("Close",
                    new double[] {2, -1}));
            assertThatThrownBy(() -> PriceTable.of(bad, Path.of("prices.parquet"), PriceTableOptions.defaults()))
                    .hasMessage("prices.parquet, row 1, column 'Close': -1 is not a positive price");
        }
    }

    @Test
    void aHeaderOnlyFileIsAnEmptyPanel() throws IOException {
        Path f = csv("h.csv", "Date,Close\n");
        try (PriceTable p = read(f, PriceTableOptions.defaults())) {
            assertThat(p.table().rowCount()).isZero();
            assertThat(p.panel().symbolCount()).isZero();
        }
    }
}
