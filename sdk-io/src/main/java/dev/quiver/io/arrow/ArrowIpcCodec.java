package dev.quiver.io.arrow;

import dev.quiver.api.table.Schema;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFormat;
import dev.quiver.io.TableReader;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.format.FormatCodec;
import java.nio.file.Path;

/**
 * Arrow IPC files ({@code .arrow}, {@code .feather}: Feather version 2) and streams ({@code .arrows}) through Arrow
 * Java, converted by {@link ArrowTables}. A file is read by its content, whatever its extension says (a stream named
 * {@code .arrow} reads too); record batches compressed with LZ4 (pyarrow's Feather default) or ZSTD are read.
 *
 * <p>Thread-safety: stateless.
 */
public final class ArrowIpcCodec implements FormatCodec {
    /** The random-access file format. */
    public static final ArrowIpcCodec FILE = new ArrowIpcCodec(true);
    /** The streaming format. */
    public static final ArrowIpcCodec STREAM = new ArrowIpcCodec(false);

    private final boolean fileFormat;

    private ArrowIpcCodec(boolean fileFormat) {
        this.fileFormat = fileFormat;
    }

    @Override
    public TableFormat format() {
        return fileFormat ? TableFormat.ARROW_FILE : TableFormat.ARROW_STREAM;
    }

    @Override
    public TableReader openReader(Path file, ReadOptions options) {
        return ArrowIpcReader.open(file, options);
    }

    @Override
    public TableWriter openWriter(Path file, Schema schema, WriteOptions options) {
        return new ArrowIpcWriter(file, schema, options, fileFormat);
    }
}
