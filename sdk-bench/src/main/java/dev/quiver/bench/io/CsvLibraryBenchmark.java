package dev.quiver.bench.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Table;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFiles;
import dev.quiver.io.WriteOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Which CSV library and which double parser Quiver reads and writes CSV with, decided here. Reading: the benchmark
 * table ({@link GeneratedCsv}: {@code rows} × 10 float64, 970 MB at 5 M rows) parsed into ten {@code double[]}
 * columns by
 * <ul>
 *   <li>FastCSV 4.4 ({@code fastCsv*}: a callback handler that receives each field as a range of FastCSV's
 *       {@code char[]} buffer, so no object is made per field), Apache Commons CSV 1.14.1 ({@code commonsCsv*}:
 *       a {@code CSVRecord} of Strings per row) and univocity-parsers 2.9.1 ({@code univocity*}: a
 *       {@code String[]} per row), each on one thread;</li>
 *   <li>each with FastDoubleParser 2.0.1 ({@code *FastDoubleParser}) and with {@link Double#parseDouble}
 *       ({@code *Jdk});</li>
 *   <li>Quiver's reader as users call it, {@code TableFiles.read} into an off-heap table, on every core
 *       ({@code quiver}) and on one ({@code quiverOneThread});</li>
 *   <li>the reader Quiver had before (sdk-cli's {@code FeatureFiles} at commit 3d35af1: {@code readLine},
 *       {@code String.split}, every field kept as a String until the end, {@code Double.parseDouble}), the baseline
 *       row ({@code oldReader}).</li>
 * </ul>
 * Writing the same table (held in memory) back as CSV with each value's shortest round-trip text: FastCSV's
 * {@code CsvWriter}, Commons CSV's {@code CSVPrinter} and univocity's {@code CsvWriter} on one thread
 * ({@code write*}), Quiver's writer on every core and on one ({@code writeQuiver*}), and the writer Quiver had before
 * ({@code writeOld}: {@code Column.format} per value into a {@code BufferedWriter}).
 * The score is seconds per whole file; every method returns a value read from the result so that nothing is
 * optimised away.
 *
 * <p>Thread-safety: JMH state; the methods run on one benchmark thread (Quiver's reader starts its own).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx14g"})
@State(Scope.Benchmark)
public class CsvLibraryBenchmark {

    /** Rows of the table (5,000,000 in the published runs; fewer for a smoke run). */
    @Param({"5000000"})
    public int rows;

    Path file;
    Path out;
    Table table;

    /** Makes (or finds) the CSV file, reads it once so that it is in the page cache, and keeps it as a table. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = GeneratedCsv.file(rows);
        try (var in = Files.newInputStream(file)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        table = TableFiles.read(file);
        out = Files.createTempFile("quiver-csv-write", ".csv");
    }

    /** Frees the table and deletes the written file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        table.close();
        Files.deleteIfExists(out);
    }

    /** Ten growing double columns. */
    private static final class Columns {
        double[][] values = new double[GeneratedCsv.COLUMNS][1 << 16];
        int rows;

        void set(int column, double v) {
            if (rows == values[column].length) {
                values[column] = Arrays.copyOf(values[column], rows * 2);
            }
            values[column][rows] = v;
        }

        double result() {
            return values[GeneratedCsv.COLUMNS - 1][rows - 1] + rows;
        }
    }

    private static final class FastCsvColumns extends AbstractBaseCsvCallbackHandler<Object> {
        private final Columns columns = new Columns();
        private final boolean fast;
        private boolean header = true;

        FastCsvColumns(boolean fast) {
            this.fast = fast;
        }

        @Override
        protected void handleField(int idx, char[] buf, int off, int len, boolean quoted) {
            if (!header) {
                columns.set(idx, fast ? JavaDoubleParser.parseDouble(buf, off, len)
                        : Double.parseDouble(new String(buf, off, len)));
            }
        }

        @Override
        protected Object buildRecord() {
            if (header) {
                header = false;
            } else {
                columns.rows++;
            }
            return this;
        }
    }

    private double fastCsv(boolean fast) throws IOException {
        FastCsvColumns handler = new FastCsvColumns(fast);
        try (CsvReader<Object> reader = CsvReader.builder().build(handler, file, StandardCharsets.UTF_8)) {
            for (Object ignored : reader) {
                // the handler keeps the values
            }
        }
        return handler.columns.result();
    }

    /** FastCSV with FastDoubleParser. */
    @Benchmark
    public double fastCsvFastDoubleParser() throws IOException {
        return fastCsv(true);
    }

    /** FastCSV with {@code Double.parseDouble}. */
    @Benchmark
    public double fastCsvJdk() throws IOException {
        return fastCsv(false);
    }

    private double commonsCsv(boolean fast) throws IOException {
        Columns columns = new Columns();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             var parser = format.parse(in)) {
            for (CSVRecord record : parser) {
                for (int c = 0; c < GeneratedCsv.COLUMNS; c++) {
                    String s = record.get(c);
                    columns.set(c, fast ? JavaDoubleParser.parseDouble(s) : Double.parseDouble(s));
                }
                columns.rows++;
            }
        }
        return columns.result();
    }

    /** Apache Commons CSV with FastDoubleParser. */
    @Benchmark
    public double commonsCsvFastDoubleParser() throws IOException {
        return commonsCsv(true);
    }

    /** Apache Commons CSV with {@code Double.parseDouble}. */
    @Benchmark
    public double commonsCsvJdk() throws IOException {
        return commonsCsv(false);
    }

    private double univocity(boolean fast) throws IOException {
        Columns columns = new Columns();
        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(true);
        settings.setMaxCharsPerColumn(-1);
        settings.setLineSeparatorDetectionEnabled(false);
        settings.getFormat().setLineSeparator("\n");
        CsvParser parser = new CsvParser(settings);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser.beginParsing(in);
            for (String[] row; (row = parser.parseNext()) != null; ) {
                for (int c = 0; c < GeneratedCsv.COLUMNS; c++) {
                    columns.set(c, fast ? JavaDoubleParser.parseDouble(row[c]) : Double.parseDouble(row[c]));
                }
                columns.rows++;
            }
        } finally {
            parser.stopParsing();
        }
        return columns.result();
    }

    /** univocity-parsers with FastDoubleParser. */
    @Benchmark
    public double univocityFastDoubleParser() throws IOException {
        return univocity(true);
    }

    /** univocity-parsers with {@code Double.parseDouble}. */
    @Benchmark
    public double univocityJdk() throws IOException {
        return univocity(false);
    }

    /** Quiver's reader on every core: the path users call. */
    @Benchmark
    public double quiver() {
        try (Table t = TableFiles.read(file)) {
            return t.float64("c9").get(t.rowCount() - 1) + t.rowCount();
        }
    }

    /** Quiver's reader on one thread. */
    @Benchmark
    public double quiverOneThread() {
        try (Table t = TableFiles.read(file, ReadOptions.builder().threads(1).build())) {
            return t.float64("c9").get(t.rowCount() - 1) + t.rowCount();
        }
    }

    /** The reader before sdk-io (the baseline). */
    @Benchmark
    public double oldReader() throws IOException {
        return OldCsvReader.read(file);
    }

    // ------------------------------------------------------------------ writing

    private long written() throws IOException {
        return Files.size(out);
    }

    /** Quiver's writer on every core: the path users call. */
    @Benchmark
    public long writeQuiver() throws IOException {
        TableFiles.write(table, out);
        return written();
    }

    /** Quiver's writer on one thread. */
    @Benchmark
    public long writeQuiverOneThread() throws IOException {
        TableFiles.write(table, out, WriteOptions.builder().threads(1).build());
        return written();
    }

    /** FastCSV's writer, a String per value. */
    @Benchmark
    public long writeFastCsv() throws IOException {
        String[] fields = new String[GeneratedCsv.COLUMNS];
        Float64Column[] columns = columns();
        try (de.siegmar.fastcsv.writer.CsvWriter w = de.siegmar.fastcsv.writer.CsvWriter.builder()
                .lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(out)) {
            w.writeRecord(table.schema().names());
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < fields.length; c++) {
                    fields[c] = Double.toString(columns[c].get(r));
                }
                w.writeRecord(fields);
            }
        }
        return written();
    }

    /** Apache Commons CSV's printer. */
    @Benchmark
    public long writeCommonsCsv() throws IOException {
        Float64Column[] columns = columns();
        try (var w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             org.apache.commons.csv.CSVPrinter p = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get()
                     .print(w)) {
            p.printRecord(table.schema().names());
            for (int r = 0; r < table.rowCount(); r++) {
                for (Float64Column c : columns) {
                    p.print(Double.toString(c.get(r)));
                }
                p.println();
            }
        }
        return written();
    }

    /** univocity-parsers' writer. */
    @Benchmark
    public long writeUnivocity() throws IOException {
        Float64Column[] columns = columns();
        com.univocity.parsers.csv.CsvWriterSettings settings = new com.univocity.parsers.csv.CsvWriterSettings();
        settings.getFormat().setLineSeparator("\n");
        String[] fields = new String[GeneratedCsv.COLUMNS];
        try (var w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            com.univocity.parsers.csv.CsvWriter writer = new com.univocity.parsers.csv.CsvWriter(w, settings);
            writer.writeHeaders(table.schema().names());
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < fields.length; c++) {
                    fields[c] = Double.toString(columns[c].get(r));
                }
                writer.writeRow((Object[]) fields);
            }
            writer.close();
        }
        return written();
    }

    /** The writer before sdk-io (sdk-cli's FeatureFiles at commit 3d35af1): Column.format per value. */
    @Benchmark
    public long writeOld() throws IOException {
        java.util.List<dev.quiver.api.table.Column> columns = table.columns();
        dev.quiver.api.io.AtomicFiles.writeText(out, w -> {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    w.write(',');
                }
                w.write(columns.get(c).name());
            }
            w.newLine();
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    w.write(columns.get(c).format(r));
                }
                w.newLine();
            }
        });
        return written();
    }

    private Float64Column[] columns() {
        Float64Column[] columns = new Float64Column[GeneratedCsv.COLUMNS];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = table.float64("c" + c);
        }
        return columns;
    }
}
