package dev.quiver.io.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.io.DataFileException;
import dev.quiver.io.format.IoThreads;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Parses a range of a CSV file (whole records) into a table, in parallel: the range is cut into one part per
 * thread at line feeds, FastCSV tokenises each part into its own column sinks, and the parts' columns are joined in
 * order.
 *
 * <h2>Cutting without a pre-scan</h2>
 * A part is first cut just after the first line feed past its share of the bytes, as if no quoted field spanned
 * the cut. The guess is checked by the part before: it starts at a true record boundary (the first part does), so
 * if it parses to its end without an unclosed quoted field, its end is a true record boundary too. Only when a part
 * ends inside a quoted field (a line break in a quoted field right at a cut) are the parts cut again exactly, by
 * counting quote characters ({@link CsvSource}). Errors are reported from the first failing part, whose start is
 * then known to be right.
 *
 * <p>Thread-safety: stateless; each call uses its own sinks.
 */
final class CsvParser {
    /** Below this many bytes a range is one part: threads would cost more than they save. */
    private static final long MIN_PART_BYTES = 1 << 20;

    private CsvParser() {
    }

    /** A column's inferred type that a value does not fit: the caller widens it and parses again. */
    static final class Widen extends Exception {
        private static final long serialVersionUID = 1L;
        final int column;
        final LogicalType type;
        final transient DataFileException ifFinal;

        Widen(int column, LogicalType type, DataFileException ifFinal) {
            super(null, null, false, false);
            this.column = column;
            this.type = type;
            this.ifFinal = ifFinal;
        }
    }

    /** One part's outcome. */
    private record Part(long from, long to, PartHandler handler, ColumnSink[] sinks, Throwable failure) {
    }

    /**
     * Parses the records of {@code [from, to)}, which start at a record boundary on line {@code firstLine}.
     *
     * @return an off-heap table of {@link CsvLayout#schema()}
     * @throws Widen if an inferred column meets a value of a wider type
     * @throws DataFileException for bad content, naming the line
     */
    static Table parse(CsvSource src, CsvLayout layout, long from, long to, long firstLine, int threads)
            throws Widen {
        int parts = (int) Math.max(1, Math.min(threads, (to - from) / MIN_PART_BYTES));
        List<Part> results = run(src, layout, guessCuts(src, from, to, parts));
        Part failed = firstFailure(results);
        if (failed != null && endsInQuotes(failed) && failed != results.getLast()) {
            results = run(src, layout, exactCuts(src, layout, from, to, parts));
            failed = firstFailure(results);
        }
        if (failed != null) {
            report(src, layout, results, failed, firstLine);
        }
        return assemble(src, layout, results, firstLine);
    }

    private static long[] guessCuts(CsvSource src, long from, long to, int parts) {
        long[] cuts = new long[parts + 1];
        cuts[0] = from;
        cuts[parts] = to;
        for (int i = 1; i < parts; i++) {
            long nominal = Math.max(cuts[i - 1], from + (to - from) * i / parts);
            cuts[i] = src.nextRecordStart(nominal, to, false, (byte) -1); // the next line feed
        }
        return cuts;
    }

    private static long[] exactCuts(CsvSource src, CsvLayout layout, long from, long to, int parts) {
        byte quote = (byte) layout.format.quote();
        long[] cuts = new long[parts + 1];
        cuts[0] = from;
        cuts[parts] = to;
        long quotes = 0;
        long counted = from;
        for (int i = 1; i < parts; i++) {
            long nominal = Math.max(cuts[i - 1], from + (to - from) * i / parts);
            quotes += src.count(counted, nominal, quote);
            counted = nominal;
            cuts[i] = src.nextRecordStart(nominal, to, (quotes & 1) == 1, quote);
            quotes += src.count(nominal, cuts[i], quote);
            counted = cuts[i];
        }
        return cuts;
    }

    private static List<Part> run(CsvSource src, CsvLayout layout, long[] cuts) {
        int n = cuts.length - 1;
        List<Future<Part>> futures = new ArrayList<>(n);
        for (int i = 1; i < n; i++) {
            long a = cuts[i];
            long b = cuts[i + 1];
            futures.add(IoThreads.executor().submit(() -> parsePart(src, layout, a, b)));
        }
        List<Part> results = new ArrayList<>(n);
        results.add(parsePart(src, layout, cuts[0], cuts[1]));
        for (Future<Part> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new IllegalStateException("interrupted while reading " + src.file(), e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    private static Part parsePart(CsvSource src, CsvLayout layout, long from, long to) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16, (long) ((to - from) / layout.bytesPerRecord * 1.05)
                + 16);
        ColumnSink[] byFile = new ColumnSink[layout.names.size()];
        ColumnSink[] sinks = new ColumnSink[layout.selected.length];
        for (int i = 0; i < sinks.length; i++) {
            sinks[i] = ColumnSink.of(layout.types[i], layout.format, capacity);
            byFile[layout.selected[i]] = sinks[i];
        }
        PartHandler handler = new PartHandler(byFile, capacity, layout.lineColumn != null);
        Throwable failure = null;
        if (to > from) {
            try (CsvReader<Object> reader = CsvLayout.reader(layout.format)
                    .build(handler, new Utf8Reader(src.bytes(), from, to))) {
                for (Object ignored : reader) {
                    // the handler keeps the values
                }
            } catch (RuntimeException | java.io.IOException e) {
                failure = e;
            }
        }
        return new Part(from, to, handler, sinks, failure);
    }

    private static Part firstFailure(List<Part> parts) {
        for (Part p : parts) {
            if (p.failure != null) {
                return p;
            }
        }
        return null;
    }

    private static boolean endsInQuotes(Part p) {
        return p.handler.problem == null && cause(p.failure, CsvParseException.class) instanceof CsvParseException e
                && e.getMessage() != null && e.getMessage().startsWith("Unclosed quoted field");
    }

    private static <T extends Throwable> Throwable cause(Throwable t, Class<T> type) {
        Throwable found = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                found = c; // the innermost one: FastCSV wraps callback exceptions in its own
            }
        }
        return found;
    }

    private static long lineOf(CsvSource src, List<Part> parts, Part part, long firstLine) {
        long line = firstLine;
        for (Part p : parts) {
            if (p == part) {
                return line;
            }
            line += src.count(p.from, p.to, (byte) '\n');
        }
        return line;
    }

    /** Throws what the first failing part met, in the user's words. */
    private static void report(CsvSource src, CsvLayout layout, List<Part> parts, Part failed, long firstLine)
            throws Widen {
        long base = lineOf(src, parts, failed, firstLine) - 1;
        PartHandler.Problem problem = failed.handler.problem;
        if (problem instanceof PartHandler.Misfit m) {
            int i = layout.readPositions()[m.column()];
            String name = layout.names.get(m.column());
            DataFileException error = CsvErrors.misfit(src, base + m.line(), name, m.value(), layout.types[i],
                    !layout.inferred[i]);
            if (layout.inferred[i]) {
                throw new Widen(i, PartHandler.widened(layout.types[i], m, layout.format), error);
            }
            throw error;
        }
        if (problem instanceof PartHandler.Ragged r) {
            throw CsvErrors.ragged(src, base + r.line(), r.fields(), layout.names.size(), layout.format.header());
        }
        Throwable utf8 = cause(failed.failure, Utf8Reader.MalformedUtf8.class);
        if (utf8 != null) {
            throw CsvErrors.invalidUtf8(src, ((Utf8Reader.MalformedUtf8) utf8).offset);
        }
        Throwable syntax = cause(failed.failure, CsvParseException.class);
        if (syntax != null) {
            throw CsvErrors.syntax(src, base + failed.handler.currentLine, layout.format,
                    (CsvParseException) syntax);
        }
        if (failed.failure instanceof UncheckedIOException u) {
            throw CsvErrors.translate(src, failed.from, u.getCause());
        }
        throw CsvErrors.translate(src, failed.from, failed.failure);
    }

    private static Table assemble(CsvSource src, CsvLayout layout, List<Part> parts, long firstLine) {
        long total = 0;
        for (Part p : parts) {
            total += p.handler.rows;
        }
        if (total > Integer.MAX_VALUE) {
            throw DataFileException.of(src.file(), "has " + total + " rows, more than a table holds ("
                    + Integer.MAX_VALUE + "); read it batch by batch (TableFiles.openReader)");
        }
        int rows = (int) total;
        Schema schema = layout.schema();
        try (TableBuilder builder = TableBuilder.offHeap()) {
            for (int i = 0; i < layout.selected.length; i++) {
                List<ColumnSink> column = new ArrayList<>(parts.size());
                for (Part p : parts) {
                    column.add(p.sinks[i]);
                }
                column.getFirst().appendColumn(builder, schema.field(i), column, rows);
            }
            if (layout.lineColumn != null) {
                MemorySegment lines = builder.allocate(Field.int64(layout.lineColumn), rows);
                long at = 0;
                long base = firstLine - 1;
                for (Part p : parts) {
                    for (int r = 0; r < p.handler.rows; r++) {
                        lines.setAtIndex(ValueLayout.JAVA_LONG, at++, base + p.handler.lines[r]);
                    }
                    base += src.count(p.from, p.to, (byte) '\n');
                }
            }
            return builder.build();
        }
    }
}
