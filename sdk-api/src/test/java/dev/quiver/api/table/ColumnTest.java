package dev.quiver.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The four column types, each built on the heap and off it: values, missing markers, slices, renames. */
@ExtendWith(NativeMemoryLeakCheck.class)
class ColumnTest {

    /** Where a {@link TableBuilder} puts its columns. */
    enum Memory {
        ON_HEAP(TableBuilder::onHeap),
        OFF_HEAP(TableBuilder::offHeap);

        private final Supplier<TableBuilder> builder;

        Memory(Supplier<TableBuilder> builder) {
            this.builder = builder;
        }

        TableBuilder builder() {
            return builder.get();
        }

        boolean offHeap() {
            return this == OFF_HEAP;
        }
    }

    @ParameterizedTest
    @EnumSource(Memory.class)
    void float64ValuesRoundTripAndNaNIsMissing(Memory memory) {
        double[] values = {1.5, Double.NaN, -0.0, Double.MAX_VALUE, Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};
        try (TableBuilder b = memory.builder(); Table t = b.float64("x", values).build()) {
            Float64Column c = t.float64("x");

            assertThat(c.type()).isEqualTo(ColumnType.FLOAT64);
            assertThat(c.field()).isEqualTo(Field.float64("x"));
            assertThat(c.size()).isEqualTo(5);
            assertThat(c.data().isNative()).isEqualTo(memory.offHeap());
            assertThat(c.data().byteSize()).isEqualTo(5L * Double.BYTES);
            assertThat(c.get(0)).isEqualTo(1.5);
            assertThat(Double.doubleToRawLongBits(c.get(2))).isEqualTo(Double.doubleToRawLongBits(-0.0));
            assertThat(c.toArray()).usingElementComparator(Double::compare).containsExactly(values);
            // any NaN bit pattern is missing
            assertThat(List.of(0, 1, 2, 3, 4)).map(c::isMissing).containsExactly(false, true, false, false, true);
            assertThat(c.format(0)).isEqualTo("1.5");
            assertThat(c.format(1)).isEmpty();
            assertThat(c.format(4)).isEmpty();
            assertThat(c.format(3)).isEqualTo(Double.toString(Double.MAX_VALUE));

            double[] dst = new double[4];
            c.copyTo(2, dst, 1, 2);
            assertThat(dst[1]).isEqualTo(-0.0);
            assertThat(dst[2]).isEqualTo(Double.MAX_VALUE);
        }
    }

    @ParameterizedTest
    @EnumSource(Memory.class)
    void int64ValuesRoundTripAndMinValueIsMissing(Memory memory) {
        long[] values = {0, Int64Column.MISSING, Long.MAX_VALUE, -7, Long.MIN_VALUE + 1};
        try (TableBuilder b = memory.builder(); Table t = b.int64("n", values).build()) {
            Int64Column c = t.int64("n");

            assertThat(c.type()).isEqualTo(ColumnType.INT64);
            assertThat(c.data().isNative()).isEqualTo(memory.offHeap());
            assertThat(c.toArray()).containsExactly(values);
            assertThat(c.get(2)).isEqualTo(Long.MAX_VALUE);
            assertThat(List.of(0, 1, 2, 3, 4)).map(c::isMissing).containsExactly(false, true, false, false, false);
            assertThat(List.of(0, 1, 2, 3, 4)).map(c::format)
                    .containsExactly("0", "", "9223372036854775807", "-7", "-9223372036854775807");
        }
    }

    @ParameterizedTest
    @EnumSource(Memory.class)
    void int32ValuesRoundTripAndMinValueIsMissing(Memory memory) {
        int[] values = {42, Int32Column.MISSING, Integer.MAX_VALUE, -1};
        try (TableBuilder b = memory.builder(); Table t = b.int32("k", values).build()) {
            Int32Column c = t.int32("k");

            assertThat(c.type()).isEqualTo(ColumnType.INT32);
            assertThat(c.data().isNative()).isEqualTo(memory.offHeap());
            assertThat(c.toArray()).containsExactly(values);
            assertThat(List.of(0, 1, 2, 3)).map(c::isMissing).containsExactly(false, true, false, false);
            assertThat(List.of(0, 1, 2, 3)).map(c::format).containsExactly("42", "", "2147483647", "-1");
        }
    }

    @ParameterizedTest
    @EnumSource(Memory.class)
    void stringValuesRoundTripAndNullIsMissing(Memory memory) {
        String[] values = {"AAPL", null, "MSFT", "AAPL", ""};
        try (TableBuilder b = memory.builder(); Table t = b.string("sym", values).build()) {
            StringColumn c = t.string("sym");

            assertThat(c.type()).isEqualTo(ColumnType.STRING);
            assertThat(c.data().isNative()).isEqualTo(memory.offHeap());
            assertThat(c.data().byteSize()).isEqualTo(5L * Integer.BYTES);
            assertThat(c.dictionary()).containsExactly("AAPL", "MSFT", "");
            assertThat(List.of(0, 1, 2, 3, 4)).map(c::code).containsExactly(0, StringColumn.MISSING_CODE, 1, 0, 2);
            assertThat(List.of(0, 1, 2, 3, 4)).map(c::get).containsExactly("AAPL", null, "MSFT", "AAPL", "");
            assertThat(List.of(0, 1, 2, 3, 4)).map(c::isMissing).containsExactly(false, true, false, false, false);
            assertThat(c.format(1)).isEmpty();
            assertThat(c.format(2)).isEqualTo("MSFT");
        }
    }

    @ParameterizedTest
    @EnumSource(Memory.class)
    void stringColumnsFromCodesKeepTheGivenDictionary(Memory memory) {
        try (TableBuilder b = memory.builder();
             Table t = b.stringCodes("side", new int[] {1, -1, 0}, List.of("buy", "sell")).build()) {
            StringColumn c = t.string("side");

            assertThat(List.of(0, 1, 2)).map(c::get).containsExactly("sell", null, "buy");
            assertThat(c.isMissing(1)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Memory.class)
    void slicesReadTheSameValuesFromTheSameMemory(Memory memory) {
        try (TableBuilder b = memory.builder()) {
            b.float64("f", new double[] {0, 1, 2, 3, 4})
                    .int64("l", new long[] {10, 11, 12, 13, 14})
                    .int32("i", new int[] {20, 21, 22, 23, 24})
                    .string("s", new String[] {"a", "b", "c", "d", "e"});
            try (Table t = b.build()) {
                for (Column c : t.columns()) {
                    Column s = c.slice(1, 4);
                    assertThat(s.name()).isEqualTo(c.name());
                    assertThat(s.size()).isEqualTo(3);
                    assertThat(s.format(0)).isEqualTo(c.format(1));
                    assertThat(s.format(2)).isEqualTo(c.format(3));
                    // a view, not a copy
                    assertThat(s.data().isNative()).isEqualTo(memory.offHeap());
                    assertThat(s.data().heapBase().orElse(null)).isSameAs(c.data().heapBase().orElse(null));
                    assertThat(s.data().address() - c.data().address()).isEqualTo(c.type().byteWidth());
                    assertThat(c.slice(5, 5).size()).isZero();
                    assertThat(c.slice(0, 5).size()).isEqualTo(5);
                }
                assertThat(t.string("s").slice(2, 3).dictionary()).isEqualTo(t.string("s").dictionary());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Memory.class)
    void slicesOutOfRangeAreRejected(Memory memory) {
        try (TableBuilder b = memory.builder(); Table t = b.int32("i", new int[] {1, 2, 3}).build()) {
            Int32Column c = t.int32("i");

            assertThatThrownBy(() -> c.slice(-1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> c.slice(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> c.slice(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> c.slice(1, 2).slice(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void aWrittenValueIsSeenThroughEverySliceAndRename() {
        try (TableBuilder b = TableBuilder.offHeap()) {
            MemorySegment seg = b.allocateFloat64("x", 4);
            try (Table t = b.build()) {
                Float64Column c = t.float64("x");
                Float64Column slice = c.slice(2, 4);
                Float64Column renamed = c.renamed("y");

                seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 3, 9.25);

                assertThat(c.get(3)).isEqualTo(9.25);
                assertThat(slice.get(1)).isEqualTo(9.25);
                assertThat(renamed.get(3)).isEqualTo(9.25);
                assertThat(renamed.name()).isEqualTo("y");
                assertThat(c.name()).isEqualTo("x");
            }
        }
    }

    @Test
    void renamedKeepsTypeAndValuesForEveryColumnType() {
        List<Column> columns = List.of(
                Float64Column.wrap("f", new double[] {1.5}),
                Int64Column.wrap("l", new long[] {2}),
                Int32Column.wrap("i", new int[] {3}),
                StringColumn.encode("s", new String[] {"four"}));

        for (Column c : columns) {
            Column r = c.renamed("renamed");
            assertThat(r.name()).isEqualTo("renamed");
            assertThat(r.type()).isEqualTo(c.type());
            assertThat(r.format(0)).isEqualTo(c.format(0));
            assertThat(r.data()).isSameAs(c.data());
            assertThat(r.getClass()).isEqualTo(c.getClass());
        }
        assertThatThrownBy(() -> columns.get(0).renamed(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrappingAHeapArrayDoesNotCopyIt() {
        long[] values = {1, 2, 3};
        Int64Column c = Int64Column.wrap("n", values);

        values[1] = 99;

        assertThat(c.get(1)).isEqualTo(99);
    }

    @Test
    void theBuilderCopiesArraysSoTheCallerMayReuseThem() {
        double[] values = {1, 2, 3};
        try (TableBuilder b = TableBuilder.onHeap()) {
            Table t = b.float64("x", values).build();
            values[0] = 99;

            assertThat(t.float64("x").get(0)).isEqualTo(1);
        }
    }

    @Test
    void aSegmentThatIsNotAWholeNumberOfValuesIsRejected() {
        MemorySegment twelveBytes = MemorySegment.ofArray(new int[3]);

        assertThatThrownBy(() -> Float64Column.wrap("price", twelveBytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'price': segment of 12 bytes is not a whole number of FLOAT64 values");
        assertThatThrownBy(() -> Int64Column.wrap("n", twelveBytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INT64");
        assertThatThrownBy(() -> Int32Column.wrap("k", MemorySegment.ofArray(new byte[5])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 bytes");
    }

    @Test
    void blankOrNullNamesAreRejected() {
        assertThatThrownBy(() -> Float64Column.wrap("  ", new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> Int32Column.wrap(null, new int[1])).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aColumnOverAnOffHeapSegmentReadsItInPlace() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(3 * Long.BYTES, Long.BYTES);
            seg.setAtIndex(ValueLayout.JAVA_LONG, 2, 77L);
            Int64Column c = Int64Column.wrap("t", seg);

            assertThat(c.size()).isEqualTo(3);
            assertThat(c.get(2)).isEqualTo(77L);
            assertThat(c.data().address()).isEqualTo(seg.address());
            assertThat(c.data().byteSize()).isEqualTo(seg.byteSize());
        }
    }

    @Test
    void dataIsAReadOnlyViewOfMemoryItsOwnerStillWrites() {
        double[] values = {1, 2, 3};
        Float64Column c = Float64Column.wrap("x", values);

        assertThat(c.data().isReadOnly()).isTrue();
        assertThatThrownBy(() -> c.data().setAtIndex(ValueLayout.JAVA_DOUBLE, 0, 9.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
        assertThat(c.slice(1, 3).data().isReadOnly()).isTrue();
        assertThat(c.renamed("y").data().isReadOnly()).isTrue();
        values[0] = 7; // the owner (here the array's creator) still writes the memory
        assertThat(c.get(0)).isEqualTo(7);
    }

    @Test
    void logicalTypesRideOnThePhysicalOneAndSurviveSlicesAndRenames() {
        Int64Column dates = Int64Column.wrap("d", new long[] {Timestamps.ofDate(java.time.LocalDate.of(2020, 1, 2)),
                Int64Column.MISSING}).withLogicalType(LogicalType.DATE);

        assertThat(dates.logicalType()).isEqualTo(LogicalType.DATE);
        assertThat(dates.field()).isEqualTo(Field.date("d"));
        assertThat(dates.format(0)).isEqualTo("2020-01-02");
        assertThat(dates.format(1)).isEmpty();
        assertThat(dates.slice(0, 1).logicalType()).isEqualTo(LogicalType.DATE);
        assertThat(dates.renamed("e").field()).isEqualTo(Field.date("e"));
        assertThat(Int64Column.wrap("n", new long[] {5}).logicalType()).isEqualTo(LogicalType.INT64);
        assertThat(Int32Column.wrap("b", new int[] {1, 0}).withLogicalType(LogicalType.BOOLEAN).format(0))
                .isEqualTo("true");
        assertThatThrownBy(() -> Float64Column.wrap("x", new double[1]).withLogicalType(LogicalType.DATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'")
                .hasMessageContaining("INT64");
        assertThatThrownBy(() -> new Field("x", ColumnType.INT32, LogicalType.FLOAT32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doublesFormatAsTextThatReadsBackBitForBit() {
        double[] values = {0.1, -0.0, 0.0, 79237200, 1e15, 1e300, Double.MIN_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1 / 3.0, 123456789.125};
        for (double v : values) {
            String text = Float64Column.text(v);
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(v));
        }
        assertThat(Float64Column.text(79237200)).isEqualTo("79237200");
        assertThat(Float64Column.text(-0.0)).isEqualTo("-0.0");
        assertThat(Float64Column.text(Double.NaN)).isEmpty();
    }

    @Test
    void toStringNamesTheColumnAndItsSize() {
        assertThat(Float64Column.wrap("f", new double[2])).hasToString("Float64Column[f, 2 rows]");
        assertThat(Int64Column.wrap("l", new long[2])).hasToString("Int64Column[l, 2 rows]");
        assertThat(Int32Column.wrap("i", new int[2])).hasToString("Int32Column[i, 2 rows]");
        assertThat(StringColumn.encode("s", new String[] {"a", "a", null}))
                .hasToString("StringColumn[s, 3 rows, 1 distinct]");
        assertThat(Arrays.stream(ColumnType.values()).mapToInt(ColumnType::byteWidth)).containsExactly(8, 8, 4, 4);
    }
}
