package dev.quiver.api.store;

import java.util.regex.Pattern;

/**
 * The names a store accepts for tables and columns: {@code [A-Za-z_][A-Za-z0-9_]*}, at most {@value #MAX_LENGTH}
 * characters. Every provider checks names with {@link #require} before any statement runs and quotes them in the SQL
 * it writes; nothing from a user is spliced into SQL. Stores compare names case-insensitively.
 *
 * <p>Thread-safety: stateless.
 */
public final class Identifiers {
    /** The longest name accepted (HeavyDB's and DuckDB's limits are longer). */
    public static final int MAX_LENGTH = 120;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Identifiers() {
    }

    /** Whether {@code name} is an acceptable table or column name. */
    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /**
     * Returns {@code name} if it is valid.
     *
     * @param what what the name is, for the message ("table", "column")
     * @throws StoreException naming the value and the rule if it is not
     */
    public static String require(String name, String what) {
        if (!isValid(name)) {
            throw new StoreException("invalid " + what + " name " + (name == null ? "null" : "'" + name + "'")
                    + ": names are letters, digits and '_', not starting with a digit, at most " + MAX_LENGTH
                    + " characters");
        }
        return name;
    }
}
