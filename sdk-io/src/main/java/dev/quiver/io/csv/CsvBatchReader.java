package dev.quiver.io.csv;

import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableReader;
import java.nio.file.Path;

/**
 * Reads a CSV file in batches of about {@link ReadOptions#batchRows()} rows: each batch is a window of whole records
 * (its end found by counting quote characters from the window's start, so a quoted line break never splits a
 * record), parsed in parallel like a whole file. Types are fixed by the header and sample before the first batch; a
 * later value that does not fit is reported, naming the option that reads the column as another type.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class CsvBatchReader implements TableReader {
    private final CsvSource src;
    private final CsvLayout layout;
    private final int threads;
    private final long windowBytes;
    private long next;
    private long nextLine;

    CsvBatchReader(CsvSource src, CsvLayout layout, ReadOptions options) {
        this.src = src;
        this.layout = layout;
        this.threads = options.threads();
        this.windowBytes = Math.max(1 << 16, (long) (layout.bytesPerRecord * options.batchRows()));
        this.next = layout.dataStart;
        this.nextLine = src.lineAt(layout.dataStart);
    }

    @Override
    public Path file() {
        return src.file();
    }

    @Override
    public Schema schema() {
        return layout.schema();
    }

    @Override
    public Table next() {
        if (next >= layout.dataEnd) {
            return null;
        }
        byte quote = (byte) layout.format.quote();
        long nominal = Math.min(layout.dataEnd, next + windowBytes);
        long end = nominal >= layout.dataEnd ? layout.dataEnd
                : src.nextRecordStart(nominal, layout.dataEnd, (src.count(next, nominal, quote) & 1) == 1, quote);
        try {
            Table batch = CsvParser.parse(src, layout, next, end, nextLine, threads);
            nextLine += src.count(next, end, (byte) '\n');
            next = end;
            return batch;
        } catch (CsvParser.Widen w) {
            throw w.ifFinal;
        }
    }

    @Override
    public void close() {
        src.close();
    }
}
