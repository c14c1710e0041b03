package dev.quiver.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shuffle records of features on Spark: column blocks, the order of their rows, the size classes of columns. */
class ColumnBlockTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBlockReadsBackItsTagDictionaryAndColumns() {
        double[] values = {1.5, Double.NaN, -0.0, Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};
        byte[] bytes = new ColumnBlock(7, 3, new byte[][] {utf8("MSFT"), utf8("Zürich AG")},
                new int[][] {{1, 0, 1, 99}}, new long[][] {{30L, 10L, 20L, 99L}}, new double[][] {values}).encode();
        ColumnBlock.Encoded block = ColumnBlock.decode(bytes);
        assertThat(block.tag()).isEqualTo(7);
        assertThat(block.rows()).isEqualTo(3); // the columns' fourth values are not part of it
        assertThat(block.names()).isEqualTo(2);
        assertThat(block.name(1)).isEqualTo("Zürich AG");
        int[] ints = new int[4];
        block.ints(0, ints, 1);
        assertThat(ints).containsExactly(0, 1, 0, 1);
        long[] longs = new long[3];
        block.longs(0, longs, 0);
        assertThat(longs).containsExactly(30L, 10L, 20L);
        for (int r = 0; r < 3; r++) {
            assertThat(Double.doubleToRawLongBits(block.doubleAt(0, r)))
                    .isEqualTo(Double.doubleToRawLongBits(values[r]));
        }
    }

    @Test
    void bytesThatAreNotABlockAreRefused() {
        assertThatThrownBy(() -> ColumnBlock.decode(new byte[40])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Quiver column block");
        byte[] bytes = new ColumnBlock(0, 1, new byte[0][], new int[0][], new long[][] {{1L}}, new double[0][])
                .encode();
        assertThatThrownBy(() -> ColumnBlock.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its header describes");
    }

    @Test
    void rowsComeInSymbolThenDateOrderWhateverBlockOrderTheyArriveIn() {
        byte[] first = new ColumnBlock(0, 3, new byte[][] {utf8("B"), utf8("A")}, new int[][] {{0, 1, 0}},
                new long[][] {{5L, 2L, 1L}}, new double[][] {{50, 20, 10}}).encode();
        byte[] second = new ColumnBlock(1, 2, new byte[][] {utf8("A")}, new int[][] {{0, 0}},
                new long[][] {{9L, 1L}}, new double[][] {{90, 11}}).encode();
        for (List<byte[]> blocks : List.of(List.of(first, second), List.of(second, first))) {
            SortedBlocks sorted = SortedBlocks.of(blocks);
            assertThat(sorted.symbols).containsExactly("A", "B");
            assertThat(sorted.symbolOfRow).containsExactly(0, 0, 0, 1, 1);
            assertThat(sorted.dates).containsExactly(1L, 2L, 9L, 1L, 5L);
            double[] values = new double[5];
            sorted.doubles(0, new double[5], values);
            assertThat(values).containsExactly(11, 20, 90, 10, 50);
        }
    }

    @Test
    void sizeClassesRoundUpByAtMostAnEighth() {
        assertThat(SizeClassMemory.sizeClass(0)).isZero();
        assertThat(SizeClassMemory.sizeClass(1)).isEqualTo(4096);
        assertThat(SizeClassMemory.sizeClass(5_040_000)).isEqualTo(5_242_880); // 4 MiB + 2 x 512 KiB
        assertThat(SizeClassMemory.sizeClass(5_100_000)).isEqualTo(5_242_880); // the same class
        for (long bytes = 1 << 20; bytes < 1L << 34; bytes = bytes * 3 / 2 + 7) {
            long size = SizeClassMemory.sizeClass(bytes);
            assertThat(size).isBetween(bytes, bytes + bytes / 8);
        }
    }
}
