package dev.quiver.api.store;

import dev.quiver.api.table.LogicalType;
import java.util.Objects;

/**
 * What one pass over a column found: nulls, distinct values, range, order and (for text) lengths. A
 * {@link SchemaAdvisor} chooses encodings from it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the column's name
 * @param type its logical type
 * @param rows the rows seen
 * @param nulls the missing values among them
 * @param distinct the distinct non-missing values: exact up to 70,000, above that a HyperLogLog estimate (standard
 *     error about 0.8%)
 * @param distinctExact whether {@code distinct} is exact
 * @param min the least value of an integer, boolean, date or timestamp column ({@code DATE} and {@code TIMESTAMP} in
 *     milliseconds since the epoch, booleans 0 or 1); 0 if there is none or the column holds no such values
 * @param max the greatest such value; 0 likewise
 * @param minDouble the least value of a floating-point column; {@code NaN} if there is none or it holds none
 * @param maxDouble the greatest; {@code NaN} likewise
 * @param ascending the fraction of consecutive non-missing values (in row order) that do not decrease: 1 for a sorted
 *     column, about 0.5 for random order; {@code NaN} with fewer than two values
 * @param wholeSeconds whether every timestamp is a whole second (false for other types)
 * @param maxLength the longest text in characters (0 for other types)
 * @param meanLength the mean length of the non-missing texts in characters (0 for other types)
 */
public record ColumnProfile(String name, LogicalType type, long rows, long nulls, long distinct,
                            boolean distinctExact, long min, long max, double minDouble, double maxDouble,
                            double ascending, boolean wholeSeconds, int maxLength, double meanLength) {
    /** The fraction of steps that counts as nearly sorted: fragment and row-group ranges stay narrow. */
    public static final double NEARLY_SORTED = 0.95;

    /** @throws NullPointerException if the name or type is null */
    public ColumnProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The non-missing values. */
    public long values() {
        return rows - nulls;
    }

    /** Whether every non-missing value is in non-decreasing row order (and there are at least two). */
    public boolean sorted() {
        return ascending == 1.0;
    }

    /** Whether at least {@link #NEARLY_SORTED} of the steps do not decrease. */
    public boolean nearlySorted() {
        return ascending >= NEARLY_SORTED;
    }

    /** The least date or timestamp as whole days since the epoch (floored). */
    public long minDays() {
        return Math.floorDiv(min, 86_400_000L);
    }

    /** The greatest date or timestamp as whole days since the epoch (floored). */
    public long maxDays() {
        return Math.floorDiv(max, 86_400_000L);
    }
}
