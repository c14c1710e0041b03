package dev.quiver.spark;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Rows in columns, as one shuffle record of {@link SparkFeatures}: a tag (the partition the rows come from), a
 * dictionary of symbol names and primitive columns of equal length, encoded into one byte array. Spark moves a few
 * large arrays per task instead of one object per row, whatever serializer the session is configured with, and
 * nothing is boxed on either side.
 *
 * <p>Layout (little-endian): magic, tag, rows, dictionary size, int, long and double column counts; each dictionary
 * entry as its UTF-8 length and bytes; then the int, long and double columns, {@code rows} values each.
 *
 * <p>Thread-safety: holds its arrays as given; not for concurrent modification.
 */
final class ColumnBlock {
    private static final int MAGIC = 0x51564231; // "QVB1"
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE =
            ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int HEADER_INTS = 7;

    final int tag;
    final int rows;
    final byte[][] dictionary;
    final int[][] ints;
    final long[][] longs;
    final double[][] doubles;

    /**
     * @param tag the partition the rows come from (or 0)
     * @param rows the number of rows; every column holds at least that many values, the first {@code rows} are used
     * @param dictionary UTF-8 symbol names the int columns may refer to (may be empty)
     */
    ColumnBlock(int tag, int rows, byte[][] dictionary, int[][] ints, long[][] longs, double[][] doubles) {
        this.tag = tag;
        this.rows = rows;
        this.dictionary = dictionary;
        this.ints = ints;
        this.longs = longs;
        this.doubles = doubles;
    }

    /** The block as bytes. */
    byte[] encode() {
        long size = (long) HEADER_INTS * Integer.BYTES;
        for (byte[] name : dictionary) {
            size += Integer.BYTES + name.length;
        }
        size += (long) rows * (ints.length * (long) Integer.BYTES + longs.length * (long) Long.BYTES
                + doubles.length * (long) Double.BYTES);
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a block of " + rows + " rows and " + (ints.length + longs.length
                    + doubles.length) + " columns needs " + size + " bytes, more than one array holds");
        }
        byte[] bytes = new byte[(int) size];
        MemorySegment out = MemorySegment.ofArray(bytes);
        long at = 0;
        for (int v : new int[] {MAGIC, tag, rows, dictionary.length, ints.length, longs.length, doubles.length}) {
            out.set(INT, at, v);
            at += Integer.BYTES;
        }
        for (byte[] name : dictionary) {
            out.set(INT, at, name.length);
            MemorySegment.copy(name, 0, out, ValueLayout.JAVA_BYTE, at + Integer.BYTES, name.length);
            at += Integer.BYTES + name.length;
        }
        for (int[] column : ints) {
            MemorySegment.copy(column, 0, out, INT, at, rows);
            at += (long) rows * Integer.BYTES;
        }
        for (long[] column : longs) {
            MemorySegment.copy(column, 0, out, LONG, at, rows);
            at += (long) rows * Long.BYTES;
        }
        for (double[] column : doubles) {
            MemorySegment.copy(column, 0, out, DOUBLE, at, rows);
            at += (long) rows * Double.BYTES;
        }
        return bytes;
    }

    /**
     * A block that {@link #encode()} wrote, read in place: its columns are copied straight to where the reader wants
     * them, with no arrays of the block's own.
     *
     * @throws IllegalArgumentException if the bytes are not such a block
     */
    static Encoded decode(byte[] bytes) {
        return new Encoded(bytes);
    }

    /**
     * An encoded block.
     *
     * <p>Thread-safety: immutable (over an array the caller no longer changes).
     */
    static final class Encoded {
        private final MemorySegment in;
        private final int tag;
        private final int rows;
        private final long[] names;
        private final long columns;
        private final int intColumns;
        private final int longColumns;

        private Encoded(byte[] bytes) {
            in = MemorySegment.ofArray(bytes);
            if (bytes.length < HEADER_INTS * Integer.BYTES || in.get(INT, 0) != MAGIC) {
                throw new IllegalArgumentException("not a Quiver column block (" + bytes.length + " bytes)");
            }
            tag = in.get(INT, 4);
            rows = in.get(INT, 8);
            names = new long[in.get(INT, 12)];
            intColumns = in.get(INT, 16);
            longColumns = in.get(INT, 20);
            int doubleColumns = in.get(INT, 24);
            long at = HEADER_INTS * Integer.BYTES;
            for (int i = 0; i < names.length; i++) {
                names[i] = at;
                at += Integer.BYTES + in.get(INT, at);
            }
            columns = at;
            long end = at + (long) rows * (intColumns * (long) Integer.BYTES + longColumns * (long) Long.BYTES
                    + doubleColumns * (long) Double.BYTES);
            if (end != bytes.length) {
                throw new IllegalArgumentException("a Quiver column block of " + rows + " rows holds " + bytes.length
                        + " bytes, its header describes " + end);
            }
        }

        int tag() {
            return tag;
        }

        int rows() {
            return rows;
        }

        /** The number of dictionary entries. */
        int names() {
            return names.length;
        }

        /** Dictionary entry {@code i} as a string. */
        String name(int i) {
            int length = in.get(INT, names[i]);
            byte[] bytes = new byte[length];
            MemorySegment.copy(in, ValueLayout.JAVA_BYTE, names[i] + Integer.BYTES, bytes, 0, length);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private long intColumn(int c) {
            return columns + (long) c * rows * Integer.BYTES;
        }

        private long longColumn(int c) {
            return intColumn(intColumns) + (long) c * rows * Long.BYTES;
        }

        private long doubleColumn(int c) {
            return longColumn(longColumns) + (long) c * rows * Double.BYTES;
        }

        /** Copies int column {@code c} to {@code to[at ..]}. */
        void ints(int c, int[] to, int at) {
            MemorySegment.copy(in, INT, intColumn(c), to, at, rows);
        }

        /** Copies long column {@code c} to {@code to[at ..]}. */
        void longs(int c, long[] to, int at) {
            MemorySegment.copy(in, LONG, longColumn(c), to, at, rows);
        }

        /** Copies double column {@code c} to {@code to[at ..]}. */
        void doubles(int c, double[] to, int at) {
            MemorySegment.copy(in, DOUBLE, doubleColumn(c), to, at, rows);
        }

        /** Row {@code r} of int column {@code c}. */
        int intAt(int c, int r) {
            return in.get(INT, intColumn(c) + (long) r * Integer.BYTES);
        }

        /** Row {@code r} of double column {@code c}. */
        double doubleAt(int c, int r) {
            return in.get(DOUBLE, doubleColumn(c) + (long) r * Double.BYTES);
        }
    }
}
