package dev.quiver.io.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int32Column;
import dev.quiver.api.table.Int64Column;
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
        Table table = attempt(src, layout, guessCuts(src, from, to, parts), firstLine, true);
        return table != null ? table : attempt(src, layout, exactCuts(src, layout, from, to, parts), firstLine, false);
    }

    /**
     * Parses the parts between these cuts into one table; {@code null} if the cuts were guesses and one of them fell
     * inside a quoted field (the caller cuts again exactly).
     */
    private static Table attempt(CsvSource src, CsvLayout layout, long[] cuts, long firstLine, boolean guessed)
            throws Widen {
        int n = cuts.length - 1;
        int[] capacities = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            // the estimate plus a margin: a part that holds more rows spills into a heap buffer
            capacities[i] = (int) Math.min(Integer.MAX_VALUE - 16L,
                    (long) ((cuts[i + 1] - cuts[i]) / layout.bytesPerRecord * 1.08) + 64);
            total += capacities[i];
        }
        Schema schema = layout.schema();
        try (TableBuilder builder = TableBuilder.offHeap()) {
            MemorySegment[] columns = new MemorySegment[layout.selected.length];
            for (int c = 0; c < columns.length; c++) {
                Field f = schema.field(c);
                if (f.type() != ColumnType.STRING) {
                    long width = f.type().byteWidth();
                    columns[c] = builder.allocateMemory(total * width, width);
                }
            }
            List<Part> results = run(src, layout, cuts, columns, capacities);
            Part failed = firstFailure(results);
            if (failed != null && guessed && endsInQuotes(failed) && failed != results.getLast()) {
                return null;
            }
            if (failed != null) {
                report(src, layout, results, failed, firstLine);
            }
            return assemble(src, layout, schema, builder, columns, results, firstLine);
        }
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

    private static List<Part> run(CsvSource src, CsvLayout layout, long[] cuts, MemorySegment[] columns,
                                  int[] capacities) {
        int n = cuts.length - 1;
        long[] firstRow = new long[n];
        for (int i = 1; i < n; i++) {
            firstRow[i] = firstRow[i - 1] + capacities[i - 1];
        }
        List<Future<Part>> futures = new ArrayList<>(n);
        for (int i = 1; i < n; i++) {
            int part = i;
            futures.add(IoThreads.executor().submit(() -> parsePart(src, layout, cuts[part], cuts[part + 1],
                    regions(layout, columns, firstRow[part], capacities[part]), capacities[part])));
        }
        List<Part> results = new ArrayList<>(n);
        results.add(parsePart(src, layout, cuts[0], cuts[1], regions(layout, columns, 0, capacities[0]),
                capacities[0]));
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

    /** Each numeric column's region for one part: {@code capacity} rows from row {@code firstRow}. */
    private static MemorySegment[] regions(CsvLayout layout, MemorySegment[] columns, long firstRow, int capacity) {
        MemorySegment[] regions = new MemorySegment[columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                long width = layout.types[c].physical().byteWidth();
                regions[c] = columns[c].asSlice(firstRow * width, capacity * width);
            }
        }
        return regions;
    }

    private static Part parsePart(CsvSource src, CsvLayout layout, long from, long to, MemorySegment[] regions,
                                  int capacity) {
        ColumnSink[] byFile = new ColumnSink[layout.names.size()];
        ColumnSink[] sinks = new ColumnSink[layout.selected.length];
        for (int i = 0; i < sinks.length; i++) {
            sinks[i] = ColumnSink.of(layout.types[i], layout.format, regions[i], capacity);
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

    /**
     * Joins the parts: each numeric column's parts are moved down over the unused ends of the regions before them
     * (at most the margins, a few percent of the rows), and what spilled past a region is copied after it; when
     * spills make that unsafe, the column is copied into exact memory instead. Text columns merge their dictionaries.
     */
    private static Table assemble(CsvSource src, CsvLayout layout, Schema schema, TableBuilder builder,
                                  MemorySegment[] columns, List<Part> parts, long firstLine) {
        long total = 0;
        for (Part p : parts) {
            total += p.handler.rows;
        }
        if (total > Integer.MAX_VALUE) {
            throw DataFileException.of(src.file(), "has " + total + " rows, more than a table holds ("
                    + Integer.MAX_VALUE + "); read it batch by batch (TableFiles.openReader)");
        }
        int rows = (int) total;
        for (int c = 0; c < layout.selected.length; c++) {
            Field field = schema.field(c);
            List<ColumnSink> sinks = new ArrayList<>(parts.size());
            for (Part p : parts) {
                sinks.add(p.sinks[c]);
            }
            if (field.type() == ColumnType.STRING) {
                TextSink.appendColumn(builder, field, sinks, rows);
            } else {
                builder.add(wrap(field, join(builder, field, columns[c], sinks, rows)));
            }
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

    /** The column's {@code rows} values, contiguous from its start. */
    private static MemorySegment join(TableBuilder builder, Field field, MemorySegment column, List<ColumnSink> sinks,
                                      int rows) {
        long width = field.type().byteWidth();
        boolean inPlace = true;
        long start = 0;
        long at = 0;
        for (ColumnSink s : sinks) {
            inPlace &= at <= start; // a part never moves up over a region not yet moved
            at += s.rows;
            start += s.capacity;
            inPlace &= at <= start;
        }
        MemorySegment dst = inPlace ? column : builder.allocateMemory(rows * width, width);
        long source = 0;
        long target = 0;
        for (ColumnSink s : sinks) {
            long kept = Math.min(s.rows, s.capacity);
            if (source != target || dst != column) {
                MemorySegment.copy(column, source * width, dst, target * width, kept * width);
            }
            s.copyOverflow(dst, (target + kept) * width);
            source += s.capacity;
            target += s.rows;
        }
        return dst.asSlice(0, rows * width);
    }

    private static Column wrap(Field field, MemorySegment data) {
        Column c = switch (field.type()) {
            case FLOAT64 -> Float64Column.wrap(field.name(), data);
            case INT64 -> Int64Column.wrap(field.name(), data);
            case INT32 -> Int32Column.wrap(field.name(), data);
            case STRING -> throw new AssertionError("text columns are built from codes");
        };
        return c.withLogicalType(field.logical());
    }
}
