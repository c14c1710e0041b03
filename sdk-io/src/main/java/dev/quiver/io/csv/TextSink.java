package dev.quiver.io.csv;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.CsvFormat;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;

/**
 * Text, dictionary-encoded as it is read ({@link TextDictionary}). An unquoted empty field or missing-value text
 * ({@link CsvFormat#nullValues()}) is missing; a quoted field is always text, so {@code ""} is the empty string
 * and {@code "NA"} the two letters.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class TextSink extends ColumnSink {
    final TextDictionary dictionary = new TextDictionary();
    int[] codes;

    TextSink(CsvFormat format, int capacity) {
        super(format, null, 0);
        this.codes = new int[Math.max(capacity, 16)];
    }

    @Override
    boolean add(char[] buf, int off, int len, boolean quoted) {
        if (rows == codes.length) {
            codes = Arrays.copyOf(codes, grow(codes.length, rows + 1));
        }
        codes[rows++] = !quoted && (len == 0 || isNull(buf, off, len)) ? StringColumn.MISSING_CODE
                : dictionary.code(buf, off, len);
        return true;
    }

    @Override
    void copyOverflow(MemorySegment dst, long offset) {
        throw new UnsupportedOperationException("text is joined by appendColumn");
    }

    /** Adds the column made of these parts' text sinks, in part order, merging their dictionaries. */
    static void appendColumn(TableBuilder builder, Field field, List<ColumnSink> parts, int rows) {
        TextDictionary global = new TextDictionary();
        int[] all = new int[rows];
        int at = 0;
        for (ColumnSink p : parts) {
            TextSink s = (TextSink) p;
            List<String> local = s.dictionary.entries();
            int[] remap = new int[local.size()];
            for (int i = 0; i < remap.length; i++) {
                remap[i] = global.code(local.get(i));
            }
            for (int r = 0; r < s.rows; r++) {
                int c = s.codes[r];
                all[at++] = c == StringColumn.MISSING_CODE ? c : remap[c];
            }
        }
        builder.stringCodes(field.name(), all, global.entries());
    }
}
