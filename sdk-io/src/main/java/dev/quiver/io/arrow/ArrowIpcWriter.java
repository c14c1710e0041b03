package dev.quiver.io.arrow;

import dev.quiver.api.io.AtomicFiles;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.io.FileCompression;
import dev.quiver.io.TableFormat;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.format.InputFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;

/**
 * Writes an Arrow IPC file or stream, one record batch per {@link #write}, atomically (a temporary sibling renamed
 * into place by {@link #commit()}); missing values are nulls, strings plain UTF-8 ({@link ArrowTables}).
 *
 * <p>Thread-safety: not thread-safe.
 */
final class ArrowIpcWriter implements TableWriter {
    private final Path file;
    private final Schema schema;
    private final AtomicFiles.PendingFile pending;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final ArrowWriter writer;
    private boolean ended;

    ArrowIpcWriter(Path file, Schema schema, WriteOptions options, boolean fileFormat) {
        this.file = file;
        this.schema = schema;
        FileCompression compression = options.compressionFor(fileFormat ? TableFormat.ARROW_FILE
                : TableFormat.ARROW_STREAM);
        try {
            this.pending = AtomicFiles.create(file);
        } catch (IOException e) {
            throw InputFiles.writeFailure(file, e);
        }
        this.allocator = new RootAllocator();
        VectorSchemaRoot r = null;
        try {
            r = VectorSchemaRoot.create(ArrowTables.arrowSchema(schema), allocator);
            WritableByteChannel out = unclosable(pending);
            CompressionUtil.CodecType codec = switch (compression) {
                case LZ4 -> CompressionUtil.CodecType.LZ4_FRAME;
                case ZSTD -> CompressionUtil.CodecType.ZSTD;
                default -> CompressionUtil.CodecType.NO_COMPRESSION;
            };
            CompressionCodec.Factory factory = codec == CompressionUtil.CodecType.NO_COMPRESSION
                    ? NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
            this.writer = fileFormat
                    ? new ArrowFileWriter(r, null, out, Map.of(), IpcOption.DEFAULT, factory, codec, Optional.empty())
                    : new ArrowStreamWriter(r, null, out, IpcOption.DEFAULT, factory, codec, Optional.empty());
            this.root = r;
            writer.start();
        } catch (IOException e) {
            release(r);
            throw InputFiles.writeFailure(file, e);
        } catch (RuntimeException e) {
            release(r);
            throw e;
        }
    }

    /** The pending file's channel, which Arrow's writer must not close: the commit forces and renames it. */
    private static WritableByteChannel unclosable(AtomicFiles.PendingFile pending) {
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                return pending.channel().write(src);
            }

            @Override
            public boolean isOpen() {
                return pending.channel().isOpen();
            }

            @Override
            public void close() {
                // the pending file closes it
            }
        };
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
    public void write(Table batch) {
        check();
        if (!batch.schema().equals(schema)) {
            throw new IllegalArgumentException("batch schema " + batch.schema() + " differs from the writer's "
                    + schema);
        }
        try {
            ArrowTables.fill(root, batch);
            writer.writeBatch();
        } catch (IOException e) {
            throw InputFiles.writeFailure(file, e);
        }
    }

    @Override
    public void commit() {
        check();
        ended = true;
        try {
            writer.end();
            pending.commit();
        } catch (IOException e) {
            throw InputFiles.writeFailure(file, e);
        } finally {
            release(root);
        }
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            release(root);
        }
    }

    private void release(VectorSchemaRoot r) {
        try {
            if (writer != null) {
                writer.close();
            } else if (r != null) {
                r.close();
            }
        } catch (RuntimeException e) {
            // the channel is the pending file's; nothing else to release
        } finally {
            if (r != null) {
                r.close();
            }
            allocator.close();
            try {
                pending.close();
            } catch (IOException e) {
                // the temporary file could not be deleted
            }
        }
    }

    private void check() {
        if (ended) {
            throw new IllegalStateException("the write of " + file + " has already ended");
        }
    }
}
