package dev.quiver.io;

import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import java.nio.file.Path;

/**
 * Writes a table file one batch at a time, atomically: the batches go to a temporary file beside the target, and
 * only {@link #commit()} puts it in place. Closing a writer that was not committed (after a failure, an interrupted
 * run) deletes the temporary file and leaves any previous file exactly as it was.
 *
 * <pre>{@code
 * try (TableWriter writer = TableFiles.openWriter(Path.of("out.parquet"), schema, WriteOptions.defaults())) {
 *     for (Table batch : batches) {
 *         writer.write(batch);
 *     }
 *     writer.commit();
 * }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one producer at a time.
 */
public interface TableWriter extends AutoCloseable {

    /** The file this writer will put in place. */
    Path file();

    /** The schema every batch must have. */
    Schema schema();

    /**
     * Appends a batch; the caller keeps ownership of it.
     *
     * @throws IllegalArgumentException if its schema differs from {@link #schema()}
     * @throws DataFileException naming the file if it cannot be written
     * @throws IllegalStateException if already committed or closed
     */
    void write(Table batch);

    /**
     * Finishes the file, forces it to disk and renames it over the target.
     *
     * @throws DataFileException naming the file if it cannot be finished (the target is then unchanged)
     * @throws IllegalStateException if already committed or closed
     */
    void commit();

    /** Deletes the temporary file unless committed; harmless after {@link #commit()}. */
    @Override
    void close();
}
