package dev.quiver.io.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import dev.quiver.api.io.AtomicFiles;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.io.CsvFormat;
import dev.quiver.io.TableWriter;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.format.InputFiles;
import dev.quiver.io.format.IoThreads;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes tables as CSV, atomically (a temporary sibling renamed into place by {@link #commit()}) and in parallel:
 * blocks of rows are formatted on several threads and written in order.
 *
 * <h2>What is written</h2>
 * A header of the column names, then one line per row. Text is quoted only when it must be: FastCSV renders the
 * header and each distinct value of a string column once (quoting a value that holds the separator, the quote or a
 * line break, doubling its quotes), so rows copy ready-made text. The empty string is written {@code ""} and a string
 * equal to a missing-value text ({@code "NA"}) is quoted, so both read back as text, not as missing. Numbers are the
 * shortest text that reads back as the same double ({@link Float64Column#text(double)}: {@code 0.1},
 * {@code 79237200}, {@code -0.0}, {@code 1.0E-300}, {@code Infinity}); dates {@code YYYY-MM-DD}; timestamps ISO
 * instants in UTC ({@code 2020-01-31T09:30:00Z}); booleans {@code true}/{@code false}; missing values
 * {@link CsvFormat#nullText()} (empty).
 *
 * <p>Thread-safety: not thread-safe; one producer at a time.
 */
final class CsvTableWriter implements TableWriter {
    private static final int BLOCK_ROWS = 8192;
    /** Each formatting thread's buffer, kept at the size of the largest block it formatted. */
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(1 << 20));

    private final Path file;
    private final Schema schema;
    private final CsvFormat format;
    private final int threads;
    private final AtomicFiles.PendingFile pending;
    private boolean ended;

    CsvTableWriter(Path file, Schema schema, WriteOptions options) {
        this.file = file;
        this.schema = schema;
        this.format = options.csvFormatOf(file);
        this.threads = options.threads();
        try {
            this.pending = AtomicFiles.create(file);
        } catch (IOException e) {
            throw InputFiles.writeFailure(file, e);
        }
        try {
            StringBuilder head = new StringBuilder();
            if (format.byteOrderMark()) {
                head.append('\uFEFF');
            }
            if (format.header()) {
                head.append(render(schema.names(), format));
            }
            write(head.toString().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
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
        checkOpen();
        if (!batch.schema().equals(schema)) {
            throw new IllegalArgumentException("batch schema " + batch.schema() + " differs from the writer's "
                    + schema);
        }
        Rows rows = new Rows(batch, format);
        int blocks = (batch.rowCount() + BLOCK_ROWS - 1) / BLOCK_ROWS;
        if (threads == 1 || blocks < 2) {
            for (int b = 0; b < blocks; b++) {
                write(rows.block(b));
            }
            return;
        }
        ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
        try {
            for (int b = 0; b < blocks; b++) {
                int block = b;
                inFlight.add(IoThreads.executor().submit(() -> rows.block(block)));
                if (inFlight.size() >= 2 * threads) {
                    write(inFlight.poll().get());
                }
            }
            while (!inFlight.isEmpty()) {
                write(inFlight.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + file, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private void write(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                pending.channel().write(buffer);
            }
        } catch (IOException e) {
            throw InputFiles.writeFailure(file, e);
        }
    }

    @Override
    public void commit() {
        checkOpen();
        ended = true;
        try {
            pending.commit();
        } catch (IOException e) {
            throw InputFiles.writeFailure(file, e);
        }
    }

    @Override
    public void close() {
        ended = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            pending.close();
        } catch (IOException e) {
            // the temporary file could not be deleted; nothing more can be done
        }
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("the write of " + file + " has already ended");
        }
    }

    /** One record of fields rendered by FastCSV, quoted where needed, with the format's line ending. */
    static String render(List<String> fields, CsvFormat format) {
        StringWriter out = new StringWriter();
        try (CsvWriter w = CsvWriter.builder().fieldSeparator(format.separator()).quoteCharacter(format.quote())
                .quoteStrategy(new TextQuoting(format))
                .lineDelimiter(format.lineSeparator().equals("\n") ? LineDelimiter.LF : LineDelimiter.CRLF)
                .build(out)) {
            w.writeRecord(fields);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return out.toString();
    }

    /** One field rendered by FastCSV, without the line ending. */
    static String renderField(String value, CsvFormat format) {
        String line = render(List.of(value), format);
        return line.substring(0, line.length() - format.lineSeparator().length());
    }

    /** Quotes what must be quoted, and also the empty string and missing-value texts, so they read back as text. */
    private record TextQuoting(CsvFormat format) implements QuoteStrategy {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return true;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return format.nullValues().contains(value) || !value.equals(value.strip());
        }
    }

    /** The rows of one batch, formatted a block at a time (safe to call from several threads). */
    private static final class Rows {
        private final Column[] columns;
        private final String[][] dictionaries;
        private final int rows;
        private final CsvFormat format;
        private final char separator;

        Rows(Table batch, CsvFormat format) {
            this.format = format;
            this.separator = format.separator();
            this.rows = batch.rowCount();
            this.columns = batch.columns().toArray(Column[]::new);
            this.dictionaries = new String[columns.length][];
            for (int c = 0; c < columns.length; c++) {
                if (columns[c] instanceof StringColumn s) {
                    List<String> d = s.dictionary();
                    String[] rendered = new String[d.size()];
                    for (int i = 0; i < rendered.length; i++) {
                        rendered[i] = renderField(d.get(i), format);
                    }
                    dictionaries[c] = rendered;
                }
            }
        }

        byte[] block(int b) {
            int from = b * BLOCK_ROWS;
            int to = Math.min(rows, from + BLOCK_ROWS);
            StringBuilder out = BUFFER.get();
            out.setLength(0);
            String nul = format.nullText();
            String eol = format.lineSeparator();
            for (int r = from; r < to; r++) {
                for (int c = 0; c < columns.length; c++) {
                    if (c > 0) {
                        out.append(separator);
                    }
                    switch (columns[c]) {
                        case Float64Column f -> appendDouble(out, f.get(r), nul);
                        case Int64Column l -> {
                            long v = l.get(r);
                            if (v == Int64Column.MISSING) {
                                out.append(nul);
                            } else if (l.logicalType() == LogicalType.DATE) {
                                TemporalText.appendDate(out, v);
                            } else if (l.logicalType() == LogicalType.TIMESTAMP) {
                                TemporalText.appendTimestamp(out, v);
                            } else {
                                out.append(v);
                            }
                        }
                        case Int32Column i -> {
                            int v = i.get(r);
                            if (v == Int32Column.MISSING) {
                                out.append(nul);
                            } else if (i.logicalType() == LogicalType.BOOLEAN) {
                                out.append(v != 0);
                            } else {
                                out.append(v);
                            }
                        }
                        case StringColumn s -> {
                            int code = s.code(r);
                            out.append(code == StringColumn.MISSING_CODE ? nul : dictionaries[c][code]);
                        }
                    }
                }
                out.append(eol);
            }
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            if (out.capacity() > 64 << 20) {
                out.setLength(0);
                out.trimToSize(); // one block of very wide rows must not keep its buffer forever
            }
            return bytes;
        }

        /** {@link Float64Column#text(double)} without making a String. */
        private static void appendDouble(StringBuilder out, double v, String nul) {
            if (Double.isNaN(v)) {
                out.append(nul);
            } else if (v == Math.rint(v) && Math.abs(v) < 1e15 && (v != 0 || Double.doubleToRawLongBits(v) == 0)) {
                out.append((long) v);
            } else {
                out.append(v);
            }
        }
    }

}
