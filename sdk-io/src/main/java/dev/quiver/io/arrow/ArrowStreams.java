package dev.quiver.io.arrow;

import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Streams of record batches across the bridge: an Arrow {@link ArrowReader} (a database's result, an IPC stream) as a
 * Quiver {@link TableStream}, and a {@code TableStream} (a file reader, a store's scan) as an {@code ArrowReader}
 * that a database imports through the Arrow C stream interface. Both convert one batch at a time through
 * {@link ArrowTables}, so memory stays bounded by a batch.
 *
 * <p>Thread-safety: the streams made here are used by one thread at a time, like their sources.
 */
public final class ArrowStreams {
    private ArrowStreams() {
    }

    /**
     * The batches of an Arrow reader as Quiver tables (missing values from nulls). Closing the stream closes the
     * reader, then {@code onClose} (a result set, a statement, a connection).
     *
     * @throws UncheckedIOException if the reader's schema cannot be read
     * @throws UnsupportedOperationException naming the first column whose Arrow type Quiver cannot hold
     */
    public static TableStream toTableStream(ArrowReader reader, AutoCloseable onClose) {
        Schema schema;
        try {
            schema = ArrowTables.quiverSchema(reader.getVectorSchemaRoot().getSchema());
        } catch (IOException e) {
            closeBoth(reader, onClose, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeBoth(reader, onClose, e);
            throw e;
        }
        return new TableStream() {
            private boolean closed;

            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Table next() {
                if (closed) {
                    return null;
                }
                try {
                    if (!reader.loadNextBatch()) {
                        return null;
                    }
                    return ArrowTables.toTable(reader.getVectorSchemaRoot(), reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    closeBoth(reader, onClose, null);
                }
            }
        };
    }

    /**
     * A Quiver stream as an Arrow reader over {@code allocator}: each {@link ArrowReader#loadNextBatch()} takes the
     * next table, copies it into the root ({@link ArrowTables#fill}) and closes it. Closing the reader closes the
     * stream. A failure of the stream surfaces from {@code loadNextBatch} (as an {@link IOException} when the stream
     * threw one unchecked), so an importing database sees a failed stream, not a short one.
     */
    public static ArrowReader toArrowReader(TableStream stream, BufferAllocator allocator) {
        org.apache.arrow.vector.types.pojo.Schema arrowSchema = ArrowTables.arrowSchema(stream.schema());
        return new ArrowReader(allocator) {
            private long rows;

            @Override
            public boolean loadNextBatch() throws IOException {
                prepareLoadNextBatch();
                Table next;
                try {
                    next = stream.next();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                if (next == null) {
                    return false;
                }
                try (Table batch = next) {
                    ArrowTables.fill(getVectorSchemaRoot(), batch);
                    rows += batch.rowCount();
                }
                return true;
            }

            @Override
            public long bytesRead() {
                return rows;
            }

            @Override
            protected void closeReadSource() {
                stream.close();
            }

            @Override
            protected org.apache.arrow.vector.types.pojo.Schema readSchema() {
                return arrowSchema;
            }
        };
    }

    private static void closeBoth(ArrowReader reader, AutoCloseable onClose, Exception failure) {
        Exception first = null;
        try {
            reader.close();
        } catch (Exception e) {
            first = e;
        }
        try {
            if (onClose != null) {
                onClose.close();
            }
        } catch (Exception e) {
            if (first == null) {
                first = e;
            } else {
                first.addSuppressed(e);
            }
        }
        if (first != null) {
            if (failure != null) {
                failure.addSuppressed(first);
            } else if (first instanceof RuntimeException r) {
                throw r;
            } else {
                throw new IllegalStateException("closing an Arrow stream failed: " + first.getMessage(), first);
            }
        }
    }
}
