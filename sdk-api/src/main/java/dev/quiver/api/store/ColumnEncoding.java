package dev.quiver.api.store;

import java.util.Objects;

/**
 * A storage hint for one column: how the store should encode it. A store honours the hints it has and says which it
 * ignored ({@link Store#schema(String)} reports what it actually did); a hint a store cannot apply to the column's
 * type is an error when the table is created.
 *
 * <table>
 *   <caption>The hints and where they apply</caption>
 *   <tr><th>kind</th><th>applies to</th><th>bits</th><th>HeavyDB</th><th>DuckDB</th></tr>
 *   <tr><td>{@link Kind#DEFAULT}</td><td>any</td><td>0</td><td>its default</td><td>its default</td></tr>
 *   <tr><td>{@link Kind#NONE}</td><td>strings</td><td>0</td><td>{@code TEXT ENCODING NONE}</td>
 *       <td>{@code VARCHAR}</td></tr>
 *   <tr><td>{@link Kind#DICTIONARY}</td><td>strings</td><td>8, 16, 32</td><td>{@code TEXT ENCODING DICT(bits)}</td>
 *       <td>{@code VARCHAR} (DuckDB compresses by dictionary itself)</td></tr>
 *   <tr><td>{@link Kind#DAYS}</td><td>dates</td><td>16, 32</td><td>{@code DATE ENCODING DAYS(bits)}</td>
 *       <td>{@code DATE}</td></tr>
 *   <tr><td>{@link Kind#FIXED}</td><td>integers, timestamps</td><td>8, 16, 32</td>
 *       <td>{@code ENCODING FIXED(bits)}</td><td>ignored</td></tr>
 * </table>
 *
 * <p>Thread-safety: immutable.
 *
 * @param kind the encoding
 * @param bits its width in bits, or 0 where the kind has none
 */
public record ColumnEncoding(Kind kind, int bits) {
    /** The store's default encoding for the column's type. */
    public static final ColumnEncoding DEFAULT = new ColumnEncoding(Kind.DEFAULT, 0);
    /** Strings stored as they are. */
    public static final ColumnEncoding NONE = new ColumnEncoding(Kind.NONE, 0);

    /** The kinds of encoding. */
    public enum Kind {
        /** The store's choice. */
        DEFAULT,
        /** Plain strings, no dictionary. */
        NONE,
        /** Strings by a dictionary of 2<sup>bits</sup> entries at most. */
        DICTIONARY,
        /** Dates as days since the epoch in so many bits. */
        DAYS,
        /** Integers or timestamps in fewer bits than their type. */
        FIXED
    }

    /**
     * @throws IllegalArgumentException if the width does not suit the kind
     */
    public ColumnEncoding {
        Objects.requireNonNull(kind, "kind");
        boolean ok = switch (kind) {
            case DEFAULT, NONE -> bits == 0;
            case DICTIONARY, FIXED -> bits == 8 || bits == 16 || bits == 32;
            case DAYS -> bits == 16 || bits == 32;
        };
        if (!ok) {
            throw new IllegalArgumentException(kind + " encoding cannot be " + bits + " bits wide (" + switch (kind) {
                case DEFAULT, NONE -> "it has no width";
                case DICTIONARY, FIXED -> "8, 16 or 32";
                case DAYS -> "16 or 32";
            } + ")");
        }
    }

    /** A string dictionary of at most 2<sup>bits</sup> entries (8, 16 or 32). */
    public static ColumnEncoding dictionary(int bits) {
        return new ColumnEncoding(Kind.DICTIONARY, bits);
    }

    /** Dates as days in 16 or 32 bits. */
    public static ColumnEncoding days(int bits) {
        return new ColumnEncoding(Kind.DAYS, bits);
    }

    /** Integers or timestamps in 8, 16 or 32 bits. */
    public static ColumnEncoding fixed(int bits) {
        return new ColumnEncoding(Kind.FIXED, bits);
    }

    @Override
    public String toString() {
        return bits == 0 ? kind.name().toLowerCase(java.util.Locale.ROOT)
                : kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + bits + ")";
    }
}
