package dev.quiver.api.table;

/**
 * The physical type of a {@link Column}.
 *
 * <p>Thread-safety: immutable.
 */
public enum ColumnType {
    /** 64-bit IEEE 754 floating point; missing is {@code NaN}. */
    FLOAT64(Double.BYTES),
    /** 64-bit signed integer (timestamps, counts); missing is {@link Int64Column#MISSING}. */
    INT64(Long.BYTES),
    /** 32-bit signed integer; missing is {@link Int32Column#MISSING}. */
    INT32(Integer.BYTES),
    /** Dictionary-encoded text: 32-bit codes into a dictionary of distinct strings. */
    STRING(Integer.BYTES);

    private final int byteWidth;

    ColumnType(int byteWidth) {
        this.byteWidth = byteWidth;
    }

    /** Bytes per value in the column's data segment (for {@code STRING}, per dictionary code). */
    public int byteWidth() {
        return byteWidth;
    }
}
