package dev.quiver.io.arrow;

import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.io.DataFileException;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableReader;
import dev.quiver.io.format.InputFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Reads an Arrow IPC file or stream one record batch at a time, each copied into a Quiver off-heap table (the Arrow
 * buffers are released batch by batch). Columns can be selected ({@link ReadOptions#columns()}).
 *
 * <p>Thread-safety: not thread-safe.
 */
final class ArrowIpcReader implements TableReader {
    private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FEATHER_V1 = "FEA1".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final BufferAllocator allocator;
    private final ArrowReader reader;
    private final Schema schema;
    private final java.util.List<String> selected;
    private long rowsRead;

    private ArrowIpcReader(Path file, BufferAllocator allocator, ArrowReader reader, Schema schema,
                           java.util.List<String> selected) {
        this.file = file;
        this.allocator = allocator;
        this.reader = reader;
        this.schema = schema;
        this.selected = selected;
    }

    static ArrowIpcReader open(Path file, ReadOptions options) {
        boolean fileFormat = detect(file);
        BufferAllocator allocator = new RootAllocator(memoryLimit(file));
        FileChannel channel = null;
        ArrowReader reader = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            reader = fileFormat ? new ArrowFileReader(channel, allocator, CommonsCompressionFactory.INSTANCE)
                    : new ArrowStreamReader(channel, allocator, CommonsCompressionFactory.INSTANCE);
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            Schema full = ArrowTables.quiverSchema(root.getSchema());
            java.util.List<String> selected = select(file, full, options.columns());
            Schema schema = selected == null ? full : Schema.of(selected.stream().map(n -> full.field(
                    full.requirePosition(n))).toList());
            return new ArrowIpcReader(file, allocator, reader, schema, selected);
        } catch (IOException e) {
            close(reader, channel, allocator);
            throw InputFiles.readFailure(file, e);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            close(reader, channel, allocator);
            throw DataFileException.at(file).build(e.getMessage(), e);
        } catch (RuntimeException e) {
            close(reader, channel, allocator);
            throw DataFileException.at(file).build("is damaged: its Arrow " + (fileFormat ? "file" : "stream")
                    + " structure cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The system property giving the most memory, in MiB, that reading one Arrow file may take. */
    static final String LIMIT_PROPERTY = "quiver.io.arrow.limit.mib";

    /**
     * The most off-heap memory reading this file may take: 64 times its size (room for compressed columns to
     * expand), at least 256 MiB, or {@value #LIMIT_PROPERTY} MiB when set. A damaged row count otherwise makes
     * Arrow size (and zero) every column by it before anything can check it against the file's buffers, so that
     * a 2 KB file could allocate gigabytes; with the limit it fails at once.
     */
    static long memoryLimit(Path file) {
        Long mib = Long.getLong(LIMIT_PROPERTY);
        if (mib != null && mib > 0) {
            return mib << 20;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        return Math.max(256L << 20, Math.multiplyHigh(size, 64) != 0 ? Long.MAX_VALUE : size * 64);
    }

    /** Whether the file is in the file format (else the stream format), from its first bytes. */
    private static boolean detect(Path file) {
        byte[] head = new byte[8];
        int n;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.wrap(head);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill
            }
            n = b.position();
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e);
        }
        if (n == 0) {
            throw DataFileException.of(file, "is empty; an Arrow file starts with ARROW1");
        }
        if (n >= 6 && Arrays.equals(head, 0, 6, FILE_MAGIC, 0, 6)) {
            return true;
        }
        if (n >= 4 && Arrays.equals(head, 0, 4, FEATHER_V1, 0, 4)) {
            throw DataFileException.of(file, "is a Feather version 1 file, which Quiver does not read; rewrite it "
                    + "as version 2 (pyarrow.feather.write_feather(df, path, version=2), pandas.to_feather)");
        }
        if (n >= 8 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFF && (head[2] & 0xFF) == 0xFF
                && (head[3] & 0xFF) == 0xFF) {
            return false;
        }
        throw DataFileException.of(file, "is not an Arrow IPC file or stream (it does not start with ARROW1 or "
                + "a stream message); name its format with --input-format if the extension is wrong");
    }

    private static java.util.List<String> select(Path file, Schema full, java.util.List<String> columns) {
        if (columns.isEmpty()) {
            return null;
        }
        for (String c : columns) {
            if (!full.contains(c)) {
                throw DataFileException.of(file, "has no column '" + c + "'; its columns are " + full.names());
            }
        }
        return full.names().stream().filter(columns::contains).toList();
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Table next() {
        try {
            if (!reader.loadNextBatch()) {
                return null;
            }
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            VectorSchemaRoot view = selected == null ? root
                    : new VectorSchemaRoot(selected.stream().map(root::getVector).toList());
            // the batch's lengths and offsets against its buffers, before anything is sized by them: a damaged
            // row count must not make a small file allocate and copy gigabytes
            ArrowTables.validate(view);
            Table batch = ArrowTables.toTable(view, reader);
            rowsRead += batch.rowCount();
            return batch;
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw DataFileException.at(file).build("in the batch after row " + rowsRead + ": " + e.getMessage(), e);
        } catch (org.apache.arrow.memory.OutOfMemoryException e) {
            throw DataFileException.at(file).build("is damaged after row " + rowsRead + ": a record batch needs "
                    + "more memory than a file of its size can hold (more than " + (allocator.getLimit() >> 20)
                    + " MiB; if the file is sound, raise -D" + LIMIT_PROPERTY + ")", e);
        } catch (RuntimeException e) {
            throw DataFileException.at(file).build("is damaged after row " + rowsRead + ": a record batch cannot be "
                    + "read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public void close() {
        close(reader, null, allocator);
    }

    private static void close(ArrowReader reader, FileChannel channel, BufferAllocator allocator) {
        try {
            if (reader != null) {
                reader.close(); // closes its channel and root
            } else if (channel != null) {
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            // nothing more to release
        } finally {
            allocator.close();
        }
    }
}
