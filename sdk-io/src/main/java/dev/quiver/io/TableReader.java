package dev.quiver.io;

import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import java.nio.file.Path;

/**
 * Reads a table file one record batch at a time, so that a file larger than memory can be loaded into a store or a
 * job batch by batch: a {@link TableStream} (so it loads straight into a store). Every batch has {@link #schema()}.
 *
 * <pre>{@code
 * try (TableReader reader = TableFiles.openReader(Path.of("big.parquet"), ReadOptions.defaults())) {
 *     for (Table next; (next = reader.next()) != null; ) {
 *         try (Table batch = next) {
 *             store.append(batch);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one consumer at a time. Batches, once returned, are independent tables.
 */
public interface TableReader extends TableStream {

    /** The file being read. */
    Path file();

    /** The schema of every batch. */
    @Override
    Schema schema();

    /**
     * The next batch, which the caller owns and must close, or {@code null} once the file is exhausted.
     *
     * @throws DataFileException naming the file, line or row, column and value if the content is wrong
     */
    @Override
    Table next();

    /** Releases the file and any memory not handed out; batches already returned stay valid. */
    @Override
    void close();
}
