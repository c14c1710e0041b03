package dev.quiver.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dictionary encoding and the checks on codes given from outside. */
@ExtendWith(NativeMemoryLeakCheck.class)
class StringColumnTest {

    @Test
    void encodeNumbersEntriesInOrderOfFirstAppearance() {
        StringColumn c = StringColumn.encode("sym", new String[] {"MSFT", "AAPL", null, "MSFT", "IBM", "AAPL"});

        assertThat(c.dictionary()).containsExactly("MSFT", "AAPL", "IBM");
        assertThat(IntStream.range(0, c.size()).map(c::code)).containsExactly(0, 1, -1, 0, 2, 1);
    }

    @Test
    void encodeGrowsItsDictionaryBeyondItsInitialCapacity() {
        String[] values = IntStream.range(0, 100).mapToObj(i -> "s" + (i % 40)).toArray(String[]::new);

        StringColumn c = StringColumn.encode("sym", values);

        assertThat(c.dictionary()).hasSize(40);
        assertThat(IntStream.range(0, 100).mapToObj(c::get).toList()).containsExactly(values);
    }

    @Test
    void encodeOfNothingOrOnlyNullsHasAnEmptyDictionary() {
        assertThat(StringColumn.encode("s", new String[0]).size()).isZero();
        StringColumn nulls = StringColumn.encode("s", new String[] {null, null});
        assertThat(nulls.dictionary()).isEmpty();
        assertThat(nulls.isMissing(0)).isTrue();
        assertThat(nulls.isMissing(1)).isTrue();
    }

    @Test
    void wrapRejectsACodeBeyondTheDictionaryNamingTheRow() {
        MemorySegment codes = MemorySegment.ofArray(new int[] {0, 1, 2, 1});

        assertThatThrownBy(() -> StringColumn.wrap("sym", codes, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'sym', row 2: code 2 is outside the dictionary of 2 entries");
    }

    @Test
    void wrapRejectsANegativeCodeOtherThanMissing() {
        MemorySegment codes = MemorySegment.ofArray(new int[] {-1, 0, -2});

        assertThatThrownBy(() -> StringColumn.wrap("sym", codes, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2: code -2");
    }

    @Test
    void wrapAcceptsTheMissingCode() {
        StringColumn c = StringColumn.wrap("sym", MemorySegment.ofArray(new int[] {-1, 0}), List.of("a"));

        assertThat(c.get(0)).isNull();
        assertThat(c.get(1)).isEqualTo("a");
    }

    @Test
    void wrapRejectsANullDictionaryEntry() {
        List<String> dictionary = Arrays.asList("a", null);

        assertThatThrownBy(() -> StringColumn.wrap("sym", MemorySegment.ofArray(new int[] {0}), dictionary))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'sym': dictionary entry 1 is null");
    }

    @Test
    void wrapCopiesTheDictionary() {
        List<String> dictionary = new ArrayList<>(List.of("a", "b"));
        StringColumn c = StringColumn.wrap("sym", MemorySegment.ofArray(new int[] {1}), dictionary);

        dictionary.set(1, "changed");

        assertThat(c.get(0)).isEqualTo("b");
        assertThatThrownBy(() -> c.dictionary().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theBuilderRejectsBadCodesOffHeapAndFreesTheMemoryOnClose() {
        try (TableBuilder b = TableBuilder.offHeap()) {
            assertThatThrownBy(() -> b.stringCodes("side", new int[] {0, 5}, List.of("buy", "sell")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("row 1: code 5");
        }
    }
}
