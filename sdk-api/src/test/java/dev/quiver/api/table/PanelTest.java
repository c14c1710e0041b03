package dev.quiver.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Grouping a long table by symbol and by date, and the checks that it is sorted. */
@ExtendWith(NativeMemoryLeakCheck.class)
class PanelTest {

    private static long day(int d) {
        return Timestamps.parse("2024-01-0" + d);
    }

    /** A long table of (symbol, time, close) from parallel arrays; days are 1..9 of January 2024. */
    private static Table table(String[] symbols, int[] days) {
        long[] times = Arrays.stream(days).mapToLong(d -> d == 0 ? Int64Column.MISSING : day(d)).toArray();
        double[] close = IntStream.range(0, days.length).asDoubleStream().toArray();
        return Table.of(StringColumn.encode("symbol", symbols), Int64Column.wrap("time", times),
                Float64Column.wrap("close", close));
    }

    private static int[] rowsOfDate(Panel p, int d) {
        return IntStream.range(p.dateRowStart(d), p.dateRowEnd(d)).map(p::dateRow).toArray();
    }

    @Test
    void aBalancedPanelGroupsBySymbolAndByDate() {
        try (TableBuilder b = TableBuilder.offHeap()) {
            b.string("symbol", new String[] {"AAPL", "AAPL", "AAPL", "IBM", "IBM", "IBM", "MSFT", "MSFT", "MSFT"})
                    .int64("time", new long[] {day(2), day(3), day(4), day(2), day(3), day(4), day(2), day(3), day(4)});
            try (Table t = b.build()) {
                Panel p = Panel.of(t, "symbol", "time");

                assertThat(p.table()).isSameAs(t);
                assertThat(p.symbolColumn()).isEqualTo("symbol");
                assertThat(p.timeColumn()).isEqualTo("time");
                assertThat(p.rowCount()).isEqualTo(9);
                assertThat(p.symbolCount()).isEqualTo(3);
                assertThat(List.of(p.symbol(0), p.symbol(1), p.symbol(2))).containsExactly("AAPL", "IBM", "MSFT");
                assertThat(new int[] {p.seriesStart(0), p.seriesEnd(0), p.seriesStart(1), p.seriesEnd(1),
                        p.seriesStart(2), p.seriesEnd(2)}).containsExactly(0, 3, 3, 6, 6, 9);
                assertThat(IntStream.range(0, 9).map(p::symbolOfRow)).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2);

                assertThat(p.dateCount()).isEqualTo(3);
                assertThat(new long[] {p.date(0), p.date(1), p.date(2)}).containsExactly(day(2), day(3), day(4));
                assertThat(rowsOfDate(p, 0)).containsExactly(0, 3, 6);
                assertThat(rowsOfDate(p, 1)).containsExactly(1, 4, 7);
                assertThat(rowsOfDate(p, 2)).containsExactly(2, 5, 8);
                assertThat(IntStream.range(0, 9).map(p::dateOfRow)).containsExactly(0, 1, 2, 0, 1, 2, 0, 1, 2);
                assertThat(p).hasToString("Panel[3 symbols, 9 rows]");
            }
        }
    }

    @Test
    void anUnbalancedPanelIndexesEachDateItsSymbolsHave() {
        // symbols sorted by text although the dictionary is not: MSFT has code 0, AAPL 1, IBM 2
        int[] codes = {1, 1, 1, 1, 2, 2, 2, 0, 0};
        long[] times = {day(1), day(2), day(3), day(4), day(3), day(4), day(5), day(2), day(5)};
        Table t = Table.of(
                StringColumn.wrap("sym", MemorySegment.ofArray(codes), List.of("MSFT", "AAPL", "IBM")),
                Int64Column.wrap("t", times));

        Panel p = Panel.of(t, "sym", "t");

        assertThat(List.of(p.symbol(0), p.symbol(1), p.symbol(2))).containsExactly("AAPL", "IBM", "MSFT");
        assertThat(new int[] {p.seriesStart(0), p.seriesEnd(0), p.seriesStart(1), p.seriesEnd(1),
                p.seriesStart(2), p.seriesEnd(2)}).containsExactly(0, 4, 4, 7, 7, 9);
        assertThat(IntStream.range(0, 9).map(p::symbolOfRow)).containsExactly(0, 0, 0, 0, 1, 1, 1, 2, 2);
        assertThat(p.dateCount()).isEqualTo(5);
        assertThat(IntStream.range(0, 5).mapToLong(p::date)).containsExactly(day(1), day(2), day(3), day(4), day(5));
        assertThat(rowsOfDate(p, 0)).containsExactly(0);
        assertThat(rowsOfDate(p, 1)).containsExactly(1, 7);
        assertThat(rowsOfDate(p, 2)).containsExactly(2, 4);
        assertThat(rowsOfDate(p, 3)).containsExactly(3, 5);
        assertThat(rowsOfDate(p, 4)).containsExactly(6, 8);
        assertThat(IntStream.range(0, 9).map(p::dateOfRow)).containsExactly(0, 1, 2, 3, 2, 3, 4, 1, 4);
    }

    @Test
    void indexOutOfRangeIsRejected() {
        Panel p = Panel.of(table(new String[] {"A", "B"}, new int[] {1, 1}), "symbol", "time");

        assertThatThrownBy(() -> p.seriesStart(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> p.seriesEnd(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> p.symbolOfRow(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void symbolsOutOfOrderAreRejectedNamingTheRowAndBothSymbols() {
        Table t = table(new String[] {"IBM", "IBM", "AAPL"}, new int[] {1, 2, 1});

        assertThatThrownBy(() -> Panel.of(t, "symbol", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("panel is not sorted by (symbol, time): row 2 has symbol 'AAPL' after 'IBM' (each "
                        + "symbol's rows must be contiguous, symbols in ascending order)");
    }

    @Test
    void aSymbolWhoseRowsAreNotContiguousIsRejected() {
        Table t = table(new String[] {"AAPL", "IBM", "AAPL"}, new int[] {1, 1, 2});

        assertThatThrownBy(() -> Panel.of(t, "symbol", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2 has symbol 'AAPL' after 'IBM'")
                .hasMessageContaining("contiguous");
    }

    @Test
    void timeGoingBackwardsWithinASymbolIsRejected() {
        Table t = table(new String[] {"AAPL", "IBM", "IBM", "IBM"}, new int[] {9, 1, 3, 2});

        assertThatThrownBy(() -> Panel.of(t, "symbol", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("panel is not sorted by (symbol, time): row 3 has time 2024-01-02, before row 2 "
                        + "(2024-01-03) for symbol 'IBM'");
    }

    @Test
    void aDuplicateSymbolAndTimeIsRejected() {
        Table t = table(new String[] {"AAPL", "AAPL"}, new int[] {4, 4});

        assertThatThrownBy(() -> Panel.of(t, "symbol", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("panel is not sorted by (symbol, time): row 1 has time 2024-01-04, the same as row 0 "
                        + "(2024-01-04) for symbol 'AAPL'");
    }

    @Test
    void aMissingSymbolIsRejected() {
        Table t = table(new String[] {"AAPL", null}, new int[] {1, 2});

        assertThatThrownBy(() -> Panel.of(t, "symbol", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("panel: row 1, column 'symbol': the symbol is missing");
    }

    @Test
    void aMissingTimeIsRejected() {
        Table t = table(new String[] {"AAPL", "AAPL"}, new int[] {1, 0});

        assertThatThrownBy(() -> Panel.of(t, "symbol", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("panel: row 1, column 'time': the time is missing");
    }

    @Test
    void mistypedOrMissingColumnsAreRejected() {
        Table t = table(new String[] {"AAPL"}, new int[] {1});

        assertThatThrownBy(() -> Panel.of(t, "time", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'time' is INT64, expected STRING");
        assertThatThrownBy(() -> Panel.of(t, "symbol", "date"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'date'");
    }

    @Test
    void anEmptyTableIsAnEmptyPanel() {
        Panel p = Panel.of(table(new String[0], new int[0]), "symbol", "time");

        assertThat(p.rowCount()).isZero();
        assertThat(p.symbolCount()).isZero();
        assertThat(p.dateCount()).isZero();
    }

    @Test
    void aSeriesIsAOneSymbolPanel() {
        Table t = Table.of(Int64Column.wrap("time", new long[] {day(1), day(2), day(5)}));

        Panel p = Panel.ofSeries(t, "SPY", "time");

        assertThat(p.symbolColumn()).isNull();
        assertThat(p.symbolCount()).isEqualTo(1);
        assertThat(p.symbol(0)).isEqualTo("SPY");
        assertThat(p.seriesStart(0)).isZero();
        assertThat(p.seriesEnd(0)).isEqualTo(3);
        assertThat(p.symbolOfRow(2)).isZero();
        assertThat(p.dateCount()).isEqualTo(3);
        assertThat(p.date(2)).isEqualTo(day(5));
        assertThat(rowsOfDate(p, 1)).containsExactly(1);
    }

    @Test
    void anEmptySeriesHasNoSymbols() {
        Panel p = Panel.ofSeries(Table.of(Int64Column.wrap("time", new long[0])), "SPY", "time");

        assertThat(p.symbolCount()).isZero();
        assertThat(p.dateCount()).isZero();
    }

    @Test
    void anUnsortedSeriesIsRejectedNamingTheRow() {
        Table unsorted = Table.of(Int64Column.wrap("time", new long[] {day(1), day(3), day(2)}));
        Table missing = Table.of(Int64Column.wrap("time", new long[] {day(1), Int64Column.MISSING}));

        assertThatThrownBy(() -> Panel.ofSeries(unsorted, "SPY", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series is not sorted by time: row 2 has 2024-01-02 after 2024-01-03");
        assertThatThrownBy(() -> Panel.ofSeries(missing, "SPY", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series: row 1, column 'time': the time is missing");
    }
}
