package dev.quiver.api.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A table delivered one record batch at a time, so that data larger than memory can move between a file, a store and
 * a job batch by batch. Every batch has {@link #schema()}.
 *
 * <pre>{@code
 * try (TableStream rows = store.scan(ScanRequest.of("prices").where(Predicate.eq("symbol", "AAPL")))) {
 *     for (Table next; (next = rows.next()) != null; ) {
 *         try (Table batch = next) {
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one consumer at a time. Batches, once returned, are independent tables.
 */
public interface TableStream extends AutoCloseable {

    /** The schema of every batch. */
    Schema schema();

    /** The next batch, which the caller owns and must close, or {@code null} once the stream is exhausted. */
    Table next();

    /** Releases what the stream holds (a file, a cursor, memory not handed out); batches returned stay valid. */
    @Override
    void close();

    /**
     * Reads the rest of the stream into one off-heap table, which the caller owns, and closes nothing: the caller
     * still closes the stream.
     *
     * @throws IllegalArgumentException if the rows exceed one table's limit ({@link Integer#MAX_VALUE})
     */
    default Table readAll() {
        List<Table> batches = new ArrayList<>();
        try {
            for (Table next; (next = next()) != null; ) {
                batches.add(next);
            }
            return Table.concat(schema(), batches);
        } finally {
            batches.forEach(Table::close);
        }
    }

    /** A stream of the given batches, which it owns: those not taken are closed with the stream. */
    static TableStream of(Schema schema, List<Table> batches) {
        return new TableStream() {
            private int next;

            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Table next() {
                if (next >= batches.size()) {
                    return null;
                }
                Table t = batches.get(next);
                batches.set(next++, null);
                return t;
            }

            @Override
            public void close() {
                for (int i = next; i < batches.size(); i++) {
                    batches.get(i).close();
                }
                next = batches.size();
            }
        };
    }

    /** A stream of one table, which it owns. */
    static TableStream of(Table table) {
        return of(table.schema(), new ArrayList<>(List.of(table)));
    }
}
