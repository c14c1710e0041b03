package dev.quiver.io.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import dev.quiver.io.CsvFormat;
import dev.quiver.io.DataFileException;
import dev.quiver.io.ReadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a CSV file holds before its rows are parsed: the column names (from the header, stripped of surrounding
 * spaces; an empty name becomes {@code column_N}), which columns are read, and each one's type, given by the options
 * or inferred from the leading rows ({@link CsvTypes}). Also where the data starts and how long a record is on
 * average, which sizes the parts and batches.
 *
 * <p>Thread-safety: immutable.
 */
final class CsvLayout {
    /** The most columns a CSV file may have: a wide table of strategies or symbols, not a corrupt file's guess. */
    static final int MAX_COLUMNS = 1 << 20;
    final CsvFormat format;
    final List<String> names;
    /** For each column read, its position in the file. */
    final int[] selected;
    /** For each column read, its type. */
    final LogicalType[] types;
    /** For each column read, whether its type was inferred (and may widen). */
    final boolean[] inferred;
    final long dataStart;
    /** Where the data ends: before any blank lines that end the file. */
    final long dataEnd;
    final double bytesPerRecord;
    final String lineColumn;

    private CsvLayout(CsvFormat format, List<String> names, int[] selected, LogicalType[] types, boolean[] inferred,
                      long dataStart, long dataEnd, double bytesPerRecord, String lineColumn) {
        this.format = format;
        this.names = names;
        this.selected = selected;
        this.types = types;
        this.inferred = inferred;
        this.dataStart = dataStart;
        this.dataEnd = dataEnd;
        this.bytesPerRecord = bytesPerRecord;
        this.lineColumn = lineColumn;
    }

    /** The schema of the table read (the line column last, if asked for). */
    Schema schema() {
        List<Field> fields = new ArrayList<>(selected.length + 1);
        for (int i = 0; i < selected.length; i++) {
            fields.add(Field.of(names.get(selected[i]), types[i]));
        }
        if (lineColumn != null) {
            fields.add(Field.int64(lineColumn));
        }
        return Schema.of(fields);
    }

    /** This layout with the read column {@code i} of another type. */
    CsvLayout withType(int i, LogicalType type) {
        LogicalType[] t = types.clone();
        t[i] = type;
        return new CsvLayout(format, names, selected, t, inferred, dataStart, dataEnd, bytesPerRecord, lineColumn);
    }

    /** The position, among the columns read, of file column {@code c}; -1 if it is not read. */
    int[] readPositions() {
        int[] pos = new int[names.size()];
        Arrays.fill(pos, -1);
        for (int i = 0; i < selected.length; i++) {
            pos[selected[i]] = i;
        }
        return pos;
    }

    /**
     * Reads the header and the sample rows of a file.
     *
     * @throws DataFileException for an empty file, a bad header, unknown column names in the options
     */
    static CsvLayout detect(CsvSource src, ReadOptions options) {
        CsvFormat format = options.csvFormatOf(src.file());
        byte quote = (byte) format.quote();
        long start = src.start();
        // blank lines before the header are skipped, as pandas does
        while (start < src.end() && (src.byteAt(start) == '\n' || src.byteAt(start) == '\r')) {
            start++;
        }
        if (start >= src.end()) {
            throw DataFileException.of(src.file(), "holds only blank lines; a CSV file starts with a header line");
        }
        long headerEnd = src.nextRecordStart(start, src.end(), false, quote);
        List<String> first = firstRecord(src, start, headerEnd, format);
        List<String> names = new ArrayList<>(first.size());
        long dataStart;
        if (format.header()) {
            for (int c = 0; c < first.size(); c++) {
                String n = first.get(c).strip();
                names.add(n.isEmpty() ? "column_" + (c + 1) : n);
            }
            checkUnique(src, names);
            dataStart = headerEnd;
        } else {
            for (int c = 0; c < first.size(); c++) {
                names.add("column_" + (c + 1));
            }
            dataStart = start;
        }
        int[] selected = select(src, names, options);
        String lineColumn = options.lineColumn().orElse(null);
        if (lineColumn != null && names.contains(lineColumn)) {
            throw DataFileException.of(src.file(), "already has a column '" + lineColumn + "'; name the line "
                    + "column otherwise");
        }
        Map<Integer, LogicalType> given = givenTypes(src, names, options);

        // the sample: up to sampleRows records after the header
        long sampleEnd = dataStart;
        int sampleRecords = 0;
        while (sampleRecords < options.sampleRows() && sampleEnd < src.end()) {
            sampleEnd = src.nextRecordStart(sampleEnd, src.end(), false, quote);
            sampleRecords++;
        }
        LogicalType[] types = new LogicalType[selected.length];
        boolean[] inferred = new boolean[selected.length];
        int[] pos = new int[names.size()];
        Arrays.fill(pos, -1);
        for (int i = 0; i < selected.length; i++) {
            pos[selected[i]] = i;
            LogicalType t = given.get(selected[i]);
            types[i] = t;
            inferred[i] = t == null;
        }
        if (sampleEnd > dataStart) {
            inferFromSample(src, dataStart, sampleEnd, format, pos, types, inferred);
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                types[i] = LogicalType.FLOAT64; // no value seen: numbers are Quiver's common case
            }
        }
        double bytesPerRecord = sampleRecords == 0 ? 64 : (double) (sampleEnd - dataStart) / sampleRecords;
        long dataEnd = src.end();
        while (dataEnd > dataStart && (src.byteAt(dataEnd - 1) == '\n' || src.byteAt(dataEnd - 1) == '\r')) {
            dataEnd--;
        }
        return new CsvLayout(format, List.copyOf(names), selected, types, inferred, dataStart,
                Math.max(dataEnd, dataStart), Math.max(bytesPerRecord, 2), lineColumn);
    }

    private static List<String> firstRecord(CsvSource src, long from, long to, CsvFormat format) {
        // wide tables (a column per strategy: 25,544 and more) pass FastCSV's default limit of 16,384 fields
        CsvRecordHandler header = CsvRecordHandler.of(b -> b.maxFields(MAX_COLUMNS));
        try (CsvReader<CsvRecord> reader = reader(format).build(header, new Utf8Reader(src.bytes(), from, to))) {
            for (CsvRecord r : reader) {
                return r.getFields();
            }
            return List.of();
        } catch (UncheckedIOException e) {
            throw CsvErrors.translate(src, from, e.getCause());
        } catch (IOException e) {
            throw CsvErrors.translate(src, from, e);
        } catch (CsvParseException e) {
            throw CsvErrors.parseFailure(src, from, to, format, e);
        }
    }

    private static void checkUnique(CsvSource src, List<String> names) {
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            Integer before = seen.putIfAbsent(names.get(c), c);
            if (before != null) {
                throw DataFileException.at(src.file()).line(src.lineAt(src.start())).value(names.get(c))
                        .build("columns " + (before + 1) + " and " + (c + 1) + " are both named '" + names.get(c)
                                + "'; column names must be unique");
            }
        }
    }

    private static int[] select(CsvSource src, List<String> names, ReadOptions options) {
        if (options.columns().isEmpty()) {
            int[] all = new int[names.size()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        boolean[] keep = new boolean[names.size()];
        for (String wanted : options.columns()) {
            keep[position(src, names, wanted)] = true;
        }
        int n = 0;
        int[] selected = new int[names.size()];
        for (int c = 0; c < keep.length; c++) {
            if (keep[c]) {
                selected[n++] = c;
            }
        }
        return Arrays.copyOf(selected, n);
    }

    private static Map<Integer, LogicalType> givenTypes(CsvSource src, List<String> names, ReadOptions options) {
        Map<Integer, LogicalType> given = new HashMap<>();
        options.columnTypes().forEach((name, type) -> given.put(position(src, names, name), type));
        return given;
    }

    /** The column named exactly so, else the only one named so in another case. */
    private static int position(CsvSource src, List<String> names, String wanted) {
        int exact = names.indexOf(wanted);
        if (exact >= 0) {
            return exact;
        }
        int found = -1;
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                if (found >= 0) {
                    throw DataFileException.of(src.file(), "has columns '" + names.get(found) + "' and '"
                            + names.get(c) + "'; name one of them exactly, not '" + wanted + "'");
                }
                found = c;
            }
        }
        if (found < 0) {
            throw DataFileException.of(src.file(), "has no column '" + wanted + "'; its columns are " + names);
        }
        return found;
    }

    private static void inferFromSample(CsvSource src, long from, long to, CsvFormat format, int[] pos,
                                        LogicalType[] types, boolean[] inferred) {
        SampleHandler handler = new SampleHandler(format, pos, types, inferred);
        try (CsvReader<Boolean> reader = reader(format).build(handler, new Utf8Reader(src.bytes(), from, to))) {
            for (Boolean ignored : reader) {
                // the handler infers as it goes
            }
        } catch (IOException | RuntimeException e) {
            // a malformed record ends the sample: the full parse reports it with its line
        }
    }

    /** FastCSV set for RFC 4180: strict quotes, blank lines skipped, field counts checked by Quiver. */
    static CsvReader.CsvReaderBuilder reader(CsvFormat format) {
        return CsvReader.builder()
                .fieldSeparator(format.separator())
                .quoteCharacter(format.quote())
                .skipEmptyLines(true)
                .allowUnclosedQuote(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .detectBomHeader(false);
    }

    /** Infers the types of the inferred columns from the sample's fields. */
    private static final class SampleHandler
            extends de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler<Boolean> {
        private final CsvFormat format;
        private final int[] pos;
        private final LogicalType[] types;
        private final boolean[] inferred;

        SampleHandler(CsvFormat format, int[] pos, LogicalType[] types, boolean[] inferred) {
            this.format = format;
            this.pos = pos;
            this.types = types;
            this.inferred = inferred;
        }

        @Override
        protected void handleField(int idx, char[] buf, int off, int len, boolean quoted) {
            if (idx < pos.length && pos[idx] >= 0 && inferred[pos[idx]]) {
                int i = pos[idx];
                if (types[i] != LogicalType.STRING && !CsvTypes.plainlyFits(types[i], buf, off, len)) {
                    types[i] = CsvTypes.widen(types[i], CsvTypes.of(buf, off, len, quoted, format));
                }
            }
        }

        @Override
        protected Boolean buildRecord() {
            return Boolean.TRUE;
        }
    }
}
