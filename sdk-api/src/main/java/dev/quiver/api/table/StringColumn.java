package dev.quiver.api.table;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary-encoded text column: one 32-bit code per row into a dictionary of distinct strings. The code
 * {@link #MISSING_CODE} marks a missing value. Rows hold codes, never {@code String} objects, so grouping and
 * comparing by this column touches only integers.
 *
 * <p>Thread-safety: a read-only view, safe to read from many threads at once.
 */
public final class StringColumn extends SegmentColumn {
    /** The code of a missing value. */
    public static final int MISSING_CODE = -1;

    private static final ValueLayout.OfInt LAYOUT = ValueLayout.JAVA_INT;

    private final List<String> dictionary;

    private StringColumn(String name, MemorySegment codes, List<String> dictionary) {
        super(name, codes, ColumnType.STRING, LogicalType.STRING);
        this.dictionary = dictionary;
    }

    /**
     * A column over existing codes and their dictionary, without copying the codes.
     *
     * @throws IllegalArgumentException naming the first row whose code is neither {@link #MISSING_CODE} nor an
     *     index into the dictionary, or if the dictionary holds a null or the same string twice
     */
    public static StringColumn wrap(String name, MemorySegment codes, List<String> dictionary) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < dictionary.size(); i++) {
            String entry = dictionary.get(i);
            if (entry == null) {
                throw new IllegalArgumentException("column '" + name + "': dictionary entry " + i + " is null");
            }
            Integer first = seen.putIfAbsent(entry, i);
            if (first != null) {
                // equal strings under two codes would make code comparisons (grouping, panels) disagree with values
                throw new IllegalArgumentException("column '" + name + "': dictionary entries " + first + " and " + i
                        + " are both '" + entry + "'");
            }
        }
        List<String> dict = List.copyOf(dictionary);
        StringColumn column = new StringColumn(name, codes, dict);
        for (int row = 0; row < column.size(); row++) {
            int code = column.code(row);
            if (code < MISSING_CODE || code >= dict.size()) {
                throw new IllegalArgumentException("column '" + name + "', row " + row + ": code " + code
                        + " is outside the dictionary of " + dict.size() + " entries");
            }
        }
        return column;
    }

    /**
     * Dictionary-encodes values onto the heap; {@code null} entries become missing. Dictionary entries are numbered
     * in order of first appearance.
     */
    public static StringColumn encode(String name, String[] values) {
        int[] codes = new int[values.length];
        Map<String, Integer> dict = new HashMap<>();
        String[] entries = new String[Math.min(values.length, 16)];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                codes[i] = MISSING_CODE;
                continue;
            }
            Integer code = dict.get(v);
            if (code == null) {
                code = dict.size();
                dict.put(v, code);
                if (code == entries.length) {
                    entries = java.util.Arrays.copyOf(entries, entries.length * 2);
                }
                entries[code] = v;
            }
            codes[i] = code;
        }
        return new StringColumn(name, MemorySegment.ofArray(codes),
                List.of(java.util.Arrays.copyOf(entries, dict.size())));
    }


    @Override
    public ColumnType type() {
        return ColumnType.STRING;
    }


    /** The dictionary code at a row; {@link #MISSING_CODE} if missing. */
    public int code(int row) {
        return data().getAtIndex(LAYOUT, row);
    }

    /** The value at a row; {@code null} if missing. */
    public String get(int row) {
        int code = code(row);
        return code == MISSING_CODE ? null : dictionary.get(code);
    }

    /** The distinct values, indexed by code. */
    public List<String> dictionary() {
        return dictionary;
    }

    @Override
    public boolean isMissing(int row) {
        return code(row) == MISSING_CODE;
    }


    @Override
    public StringColumn slice(int from, int to) {
        return new StringColumn(name(), sliceData(from, to), dictionary);
    }

    @Override
    public StringColumn renamed(String newName) {
        return new StringColumn(newName, data(), dictionary);
    }

    /** The only logical type of a string column is {@link LogicalType#STRING}: this column itself. */
    @Override
    public StringColumn withLogicalType(LogicalType logical) {
        checkLogical(logical);
        return this;
    }

    @Override
    public String format(int row) {
        String v = get(row);
        return v == null ? "" : v;
    }

    @Override
    public String toString() {
        return "StringColumn[" + name() + ", " + size() + " rows, " + dictionary.size() + " distinct]";
    }
}
