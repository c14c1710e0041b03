package dev.quiver.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Table construction checks, typed access, slices, selections, views and closing. */
@ExtendWith(NativeMemoryLeakCheck.class)
class TableTest {

    private static Table prices() {
        return Table.of(
                Int64Column.wrap("time", new long[] {1, 2, 3}),
                Float64Column.wrap("close", new double[] {10, 11, 12}),
                Int32Column.wrap("volume", new int[] {100, 200, 300}),
                StringColumn.encode("symbol", new String[] {"A", "A", "A"}));
    }

    @Test
    void aTableHoldsItsColumnsInOrder() {
        Table t = prices();

        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.columnCount()).isEqualTo(4);
        assertThat(t.schema().names()).containsExactly("time", "close", "volume", "symbol");
        assertThat(t.schema().fields()).containsExactly(
                Field.int64("time"), Field.float64("close"), Field.int32("volume"), Field.string("symbol"));
        assertThat(t.column(1).name()).isEqualTo("close");
        assertThat(t.column("volume")).isSameAs(t.column(2));
        assertThat(t).hasToString("Table[3 rows, [time:int64, close:float64, volume:int32, symbol:string]]");
    }

    @Test
    void aTableOfNoColumnsHasNoRows() {
        Table t = Table.of();

        assertThat(t.rowCount()).isZero();
        assertThat(t.columnCount()).isZero();
    }

    @Test
    void columnsOfDifferentLengthsAreRejectedNamingBoth() {
        assertThatThrownBy(() -> Table.of(
                        Float64Column.wrap("open", new double[3]),
                        Float64Column.wrap("close", new double[3]),
                        Float64Column.wrap("high", new double[2])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mismatched column lengths: column 'high' has 2 rows but column 'open' has 3");
    }

    @Test
    void duplicateColumnNamesAreRejected() {
        assertThatThrownBy(() -> Table.of(
                        Float64Column.wrap("close", new double[2]),
                        Int64Column.wrap("close", new long[2])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate column name 'close'");
    }

    @Test
    void aTypedGetterOfTheWrongTypeNamesBothTypes() {
        Table t = prices();

        assertThatThrownBy(() -> t.int64("close"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'close' is FLOAT64, expected INT64");
        assertThatThrownBy(() -> t.float64("time")).hasMessage("column 'time' is INT64, expected FLOAT64");
        assertThatThrownBy(() -> t.int32("symbol")).hasMessage("column 'symbol' is STRING, expected INT32");
        assertThatThrownBy(() -> t.string("volume")).hasMessage("column 'volume' is INT32, expected STRING");
    }

    @Test
    void anUnknownColumnIsAnErrorListingTheColumns() {
        Table t = prices();

        assertThatThrownBy(() -> t.float64("Close"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no column 'Close'; the columns are [time, close, volume, symbol]");
        assertThatThrownBy(() -> t.column("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.schema().positionOf("nope")).isEmpty();
        assertThat(t.schema().positionOf("close")).contains(1);
    }

    @Test
    void sliceIsARangeOfRowsOverTheSameMemory() {
        Table t = prices();

        Table s = t.slice(1, 3);

        assertThat(s.rowCount()).isEqualTo(2);
        assertThat(s.schema()).isEqualTo(t.schema());
        assertThat(s.float64("close").toArray()).containsExactly(11, 12);
        assertThat(s.string("symbol").get(1)).isEqualTo("A");
        // read-only heap views hide their array; the offset of the view into the same memory shows the sharing
        assertThat(s.float64("close").data().address() - t.float64("close").data().address()).isEqualTo(8);
        assertThat(t.slice(3, 3).rowCount()).isZero();
    }

    @Test
    void sliceOutOfRangeIsRejected() {
        Table t = prices();

        assertThatThrownBy(() -> t.slice(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.slice(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.slice(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void selectChoosesColumnsInTheOrderGiven() {
        Table t = prices();

        Table s = t.select("symbol", "time");

        assertThat(s.schema().names()).containsExactly("symbol", "time");
        assertThat(s.rowCount()).isEqualTo(3);
        assertThat(s.column("time")).isSameAs(t.column("time"));
        assertThat(t.select(List.of()).columnCount()).isZero();
        assertThatThrownBy(() -> t.select("time", "open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'open'");
        assertThatThrownBy(() -> t.select("time", "time"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate column name 'time'");
    }

    @Test
    void closingMarksClosedAndReleasesOnce() {
        AtomicInteger releases = new AtomicInteger();
        Table t = Table.owning(List.of(Int32Column.wrap("k", new int[] {1})), releases::incrementAndGet);

        assertThat(t.isClosed()).isFalse();
        t.close();
        t.close();

        assertThat(t.isClosed()).isTrue();
        assertThat(releases).hasValue(1);
    }

    @Test
    void invalidColumnsReleaseWhatTheTableWouldHaveOwned() {
        AtomicInteger releases = new AtomicInteger();
        List<Column> mismatched = List.of(Int32Column.wrap("a", new int[1]), Int32Column.wrap("b", new int[2]));

        assertThatThrownBy(() -> Table.owning(mismatched, releases::incrementAndGet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mismatched column lengths");
        assertThat(releases).hasValue(1);
    }

    @Test
    void aFailingReleaseDuringRejectionIsSuppressedNotLost() {
        List<Column> duplicate = List.of(Int32Column.wrap("a", new int[1]), Int32Column.wrap("a", new int[1]));

        assertThatThrownBy(() -> Table.owning(duplicate, () -> {
                    throw new java.io.IOException("unmap failed");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .extracting(Throwable::getMessage).isEqualTo("unmap failed"));
    }

    @Test
    void aCheckedReleaseFailureOnCloseBecomesIllegalState() {
        Table t = Table.owning(List.of(), () -> {
            throw new java.io.IOException("unmap failed");
        });

        assertThatThrownBy(t::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("failed to release table memory: unmap failed")
                .hasCauseInstanceOf(java.io.IOException.class);
        assertThat(t.isClosed()).isTrue();
    }

    @Test
    void anUncheckedReleaseFailureOnClosePropagatesAsIs() {
        IllegalStateException failure = new IllegalStateException("refcount underflow");
        Table t = Table.owning(List.of(), () -> {
            throw failure;
        });

        assertThatThrownBy(t::close).isSameAs(failure);
    }

    @Test
    void viewsAndSelectionsOfAHeapTableOwnNothing() {
        AtomicInteger releases = new AtomicInteger();
        Table t = Table.owning(List.of(Int32Column.wrap("k", new int[] {1, 2})), releases::incrementAndGet);

        t.slice(0, 1).close();
        t.select("k").close();

        assertThat(releases).hasValue(0);
        assertThat(t.isClosed()).isFalse();
        t.close();
        assertThat(releases).hasValue(1);
    }
}
