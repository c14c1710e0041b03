package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A column of 64-bit floating-point values; {@code NaN} marks a missing value. Its logical type is
 * {@link LogicalType#FLOAT64}, or {@link LogicalType#FLOAT32} for values read from (and to be written as) 32-bit
 * floats.
 *
 * <p>Thread-safety: a read-only view, safe to read from many threads at once.
 */
public final class Float64Column extends SegmentColumn {
    private static final ValueLayout.OfDouble LAYOUT = ValueLayout.JAVA_DOUBLE;

    private Float64Column(String name, MemorySegment data, LogicalType logical) {
        super(name, data, ColumnType.FLOAT64, logical);
    }

    /**
     * A column over a segment of doubles in native byte order, without copying. The segment must be aligned to 8
     * bytes if it is off-heap; memory-mapped Arrow buffers are.
     *
     * @throws IllegalArgumentException if the segment is not a whole number of doubles
     */
    public static Float64Column wrap(String name, MemorySegment data) {
        return new Float64Column(name, data, LogicalType.FLOAT64);
    }

    /**
     * A column over a heap array, without copying: the caller must not change the array afterwards.
     */
    public static Float64Column wrap(String name, double[] values) {
        return new Float64Column(name, MemorySegment.ofArray(values), LogicalType.FLOAT64);
    }

    @Override
    public ColumnType type() {
        return ColumnType.FLOAT64;
    }

    /** The value at a row; {@code NaN} if missing. */
    public double get(int row) {
        return data().getAtIndex(LAYOUT, row);
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(get(row));
    }

    /** A copy of the values on the heap. */
    public double[] toArray() {
        return data().toArray(LAYOUT);
    }

    /** Copies rows {@code [from, from + length)} into {@code dst[dstOffset ...]}. */
    public void copyTo(int from, double[] dst, int dstOffset, int length) {
        MemorySegment.copy(data(), LAYOUT, (long) from * Double.BYTES, dst, dstOffset, length);
    }

    @Override
    public Float64Column slice(int from, int to) {
        return new Float64Column(name(), sliceData(from, to), logicalType());
    }

    @Override
    public Float64Column renamed(String newName) {
        return new Float64Column(newName, data(), logicalType());
    }

    @Override
    public Float64Column withLogicalType(LogicalType logical) {
        return new Float64Column(name(), data(), checkLogical(logical));
    }

    /**
     * The value as text ({@link #text(double)}): empty if missing.
     */
    @Override
    public String format(int row) {
        return text(get(row));
    }

    /**
     * A double as text that reads back as the same double, bit for bit ({@code NaN}, the missing value, aside):
     * empty for {@code NaN}; whole numbers below 10<sup>15</sup> in magnitude without a fraction ({@code 79237200},
     * not {@code 7.92372E7}); {@code -0.0} keeps its sign; {@code Infinity} and {@code -Infinity}; everything else the
     * shortest decimal that rounds back to the value ({@link Double#toString(double)}).
     */
    public static String text(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && (v != 0 || Double.doubleToRawLongBits(v) == 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
