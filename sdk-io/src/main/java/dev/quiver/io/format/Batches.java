package dev.quiver.io.format;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins record batches of one schema into one off-heap table: numeric columns by copying their bytes, string
 * columns by merging their dictionaries (entries numbered in order of first appearance across the batches) and
 * renumbering the codes.
 *
 * <p>Thread-safety: stateless.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * One off-heap table holding the rows of {@code batches} in order; the batches stay owned by the caller.
     *
     * @throws IllegalArgumentException if a batch's schema is not {@code schema}
     */
    public static Table concat(Schema schema, List<Table> batches) {
        long total = 0;
        for (Table b : batches) {
            if (!b.schema().equals(schema)) {
                throw new IllegalArgumentException("batch schema " + b.schema() + " differs from " + schema);
            }
            total += b.rowCount();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(total + " rows exceed the limit of " + Integer.MAX_VALUE
                    + " rows per table; read the file batch by batch (TableFiles.openReader)");
        }
        int rows = (int) total;
        try (TableBuilder builder = TableBuilder.offHeap()) {
            for (int c = 0; c < schema.size(); c++) {
                Field field = schema.field(c);
                if (field.type() == dev.quiver.api.table.ColumnType.STRING) {
                    addStrings(builder, field, batches, c, rows);
                } else {
                    MemorySegment dst = builder.allocate(field, rows);
                    long at = 0;
                    for (Table b : batches) {
                        MemorySegment src = b.column(c).data();
                        MemorySegment.copy(src, 0, dst, at, src.byteSize());
                        at += src.byteSize();
                    }
                }
            }
            return builder.build();
        }
    }

    private static void addStrings(TableBuilder builder, Field field, List<Table> batches, int c, int rows) {
        Map<String, Integer> index = new HashMap<>();
        List<String> dictionary = new ArrayList<>();
        int[] codes = new int[rows];
        int at = 0;
        for (Table b : batches) {
            StringColumn s = (StringColumn) b.column(c);
            List<String> local = s.dictionary();
            int[] remap = new int[local.size()];
            for (int i = 0; i < remap.length; i++) {
                remap[i] = index.computeIfAbsent(local.get(i), k -> {
                    dictionary.add(k);
                    return dictionary.size() - 1;
                });
            }
            for (int r = 0; r < s.size(); r++) {
                int code = s.code(r);
                codes[at++] = code == StringColumn.MISSING_CODE ? code : remap[code];
            }
        }
        builder.stringCodes(field.name(), codes, dictionary);
    }
}
