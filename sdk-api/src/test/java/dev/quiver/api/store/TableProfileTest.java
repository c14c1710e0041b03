package dev.quiver.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import dev.quiver.api.table.Timestamps;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TableProfileTest {

    private static Table prices(int days, int symbols) {
        int n = days * symbols;
        long[] dates = new long[n];
        String[] names = new String[n];
        double[] close = new double[n];
        int[] volume = new int[n];
        long start = Timestamps.ofDate(LocalDate.of(2013, 1, 2));
        for (int d = 0, r = 0; d < days; d++) {
            for (int s = 0; s < symbols; s++, r++) {
                dates[r] = start + d * 86_400_000L;
                names[r] = s == 3 ? null : "SYM" + s;
                close[r] = r % 7 == 0 ? Double.NaN : 100 + s + d * 0.5;
                volume[r] = 1_000 + r;
            }
        }
        return Table.of(Int64Column.wrap("date", dates).withLogicalType(LogicalType.DATE),
                StringColumn.encode("symbol", names), Float64Column.wrap("close", close),
                Int32Column.wrap("volume", volume));
    }

    @Test
    void countsRangesNullsAndOrderOfKnownData() {
        try (Table t = prices(100, 10)) {
            TableProfile p = TableProfile.of(t);
            assertThat(p.rows()).isEqualTo(1_000);
            ColumnProfile date = p.column("DATE").orElseThrow();
            assertThat(date.distinct()).isEqualTo(100);
            assertThat(date.distinctExact()).isTrue();
            assertThat(date.sorted()).isTrue();
            assertThat(date.minDays()).isEqualTo(LocalDate.of(2013, 1, 2).toEpochDay());
            assertThat(date.maxDays()).isEqualTo(LocalDate.of(2013, 1, 2).plusDays(99).toEpochDay());
            ColumnProfile symbol = p.column("symbol").orElseThrow();
            assertThat(symbol.distinct()).isEqualTo(9);
            assertThat(symbol.nulls()).isEqualTo(100);
            assertThat(symbol.maxLength()).isEqualTo(4);
            assertThat(symbol.meanLength()).isEqualTo(4.0);
            assertThat(symbol.sorted()).isFalse();
            // within a day the symbols ascend; each new day steps back once: 99 of 899 steps
            assertThat(symbol.ascending()).isCloseTo(800.0 / 899, within(1e-12));
            ColumnProfile close = p.column("close").orElseThrow();
            assertThat(close.nulls()).isEqualTo(143);
            assertThat(close.minDouble()).isEqualTo(100.5);   // row 0 (100.0) is missing
            assertThat(close.min()).isZero();
            ColumnProfile volume = p.column("volume").orElseThrow();
            assertThat(volume.min()).isEqualTo(1_000);
            assertThat(volume.max()).isEqualTo(1_999);
            assertThat(volume.distinct()).isEqualTo(1_000);
            assertThat(volume.ascending()).isEqualTo(1.0);
        }
    }

    @Test
    void batchesOfAStreamProfileAsOneTable() {
        try (Table whole = prices(50, 4)) {
            TableProfile one = TableProfile.of(whole);
            List<Table> parts = new ArrayList<>(List.of(whole.slice(0, 37), whole.slice(37, 120),
                    whole.slice(120, 200)));
            try (TableStream s = TableStream.of(whole.schema(), parts)) {
                assertThat(TableProfile.of(s)).isEqualTo(one);
            }
        }
    }

    @Test
    void distinctCountsAreExactBelowTheCapAndCloseAboveIt() {
        for (int n : new int[] {65_535, 70_000, 70_001, 150_000, 1_000_000}) {
            long[] values = new long[n * 2];
            for (int i = 0; i < values.length; i++) {
                values[i] = (i % n) * 7_919L;   // every value twice
            }
            ColumnProfile c = TableProfile.of(Table.of(Int64Column.wrap("id", values))).columns().getFirst();
            if (n <= DistinctCounter.EXACT_LIMIT) {
                assertThat(c.distinct()).as("n=" + n).isEqualTo(n);
                assertThat(c.distinctExact()).isTrue();
            } else {
                assertThat(c.distinctExact()).isFalse();
                assertThat((double) c.distinct()).as("n=" + n).isCloseTo(n, within(n * 0.03));
            }
        }
    }

    @Test
    void textAboveTheCapIsEstimatedAndShuffledDataIsNotSorted() {
        int n = 200_000;
        String[] ids = new String[n];
        long[] time = new long[n];
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            ids[i] = "order-" + Long.toHexString(random.nextLong());
            time[i] = 1_600_000_000_000L + random.nextInt(1_000_000) * 1000L;
        }
        TableProfile p = TableProfile.of(Table.of(StringColumn.encode("id", ids),
                Int64Column.wrap("time", time).withLogicalType(LogicalType.TIMESTAMP)));
        ColumnProfile id = p.column("id").orElseThrow();
        assertThat((double) id.distinct()).isCloseTo(n, within(n * 0.03));
        assertThat(id.ascending()).isCloseTo(0.5, within(0.01));
        ColumnProfile t = p.column("time").orElseThrow();
        assertThat(t.wholeSeconds()).isTrue();
        assertThat(t.nearlySorted()).isFalse();
    }

    @Test
    void anEmptyOrAllMissingColumnHasNoRange() {
        ColumnProfile c = TableProfile.of(Table.of(Float64Column.wrap("x", new double[] {Double.NaN})))
                .columns().getFirst();
        assertThat(c.values()).isZero();
        assertThat(c.minDouble()).isNaN();
        assertThat(c.ascending()).isNaN();
        assertThat(c.distinct()).isZero();
    }
}
