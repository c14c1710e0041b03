package dev.quiver.bench.io;

import dev.quiver.api.table.Table;
import dev.quiver.io.FileCompression;
import dev.quiver.io.ReadOptions;
import dev.quiver.io.TableFiles;
import dev.quiver.io.WriteOptions;
import dev.quiver.io.arrow.ArrowTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.dataset.source.DatasetFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
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
 * Reading and writing the benchmark table ({@link GeneratedCsv}: {@code rows} × 10 float64, 400 MB of values) in
 * every format, on the path users call ({@code TableFiles.read} into an off-heap table, {@code TableFiles.write}
 * of one), with the old CSV reader as the baseline row ({@code csvReadOld}), and Parquet through each library Quiver
 * chose among:
 * <ul>
 *   <li>{@code csv*}, {@code parquet*} (parquet-java 1.18.2 in sdk-parquet, snappy and zstd), {@code arrow*}
 *       (Arrow IPC file, uncompressed) through {@code TableFiles};</li>
 *   <li>{@code duckDb*}: DuckDB 2.0 (JDBC) reading Parquet into Arrow batches (its Arrow export through
 *       arrow-c-data) converted to a Quiver table, and writing a Quiver table registered as an Arrow stream with
 *       {@code COPY ... TO (FORMAT parquet, COMPRESSION snappy)};</li>
 *   <li>{@code arrowDataset*}: Arrow's dataset JNI 18.3 scanning the Parquet file into Arrow batches converted to a
 *       Quiver table, and writing the table through {@code DatasetFileWriter} (its default compression, snappy).</li>
 * </ul>
 * The score is seconds per whole table.
 *
 * <p>Thread-safety: JMH state; the methods run on one benchmark thread (the readers may start their own).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx14g"})
@State(Scope.Benchmark)
public class TableFormatsBenchmark {

    /** Rows of the table (5,000,000 in the published runs; fewer for a smoke run). */
    @Param({"5000000"})
    public int rows;

    Path dir;
    Path csv;
    Path parquetSnappy;
    Path parquetZstd;
    Path arrow;
    Table table;

    /** Reads the generated CSV once and writes it in every format to be read back. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        csv = GeneratedCsv.file(rows);
        dir = Files.createTempDirectory("quiver-formats-bench");
        table = TableFiles.read(csv);
        parquetSnappy = dir.resolve("t-snappy.parquet");
        parquetZstd = dir.resolve("t-zstd.parquet");
        arrow = dir.resolve("t.arrow");
        TableFiles.write(table, parquetSnappy);
        TableFiles.write(table, parquetZstd, WriteOptions.builder().compression(FileCompression.ZSTD).build());
        TableFiles.write(table, arrow);
    }

    /** Frees the table and deletes the files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        table.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double checksum(Table t) {
        return t.float64("c9").get(t.rowCount() - 1) + t.rowCount();
    }

    private double read(Path file) {
        try (Table t = TableFiles.read(file)) {
            return checksum(t);
        }
    }

    private long write(String name, WriteOptions options) throws IOException {
        Path out = dir.resolve(name);
        TableFiles.write(table, out, options);
        return Files.size(out);
    }

    /** CSV through Quiver's reader. */
    @Benchmark
    public double csvRead() {
        return read(csv);
    }

    /** CSV through the reader Quiver had before sdk-io: the baseline. */
    @Benchmark
    public double csvReadOld() throws IOException {
        return OldCsvReader.read(csv);
    }

    /** CSV through Quiver's writer. */
    @Benchmark
    public long csvWrite() throws IOException {
        return write("w.csv", WriteOptions.defaults());
    }

    /** Parquet (snappy) through sdk-parquet. */
    @Benchmark
    public double parquetReadSnappy() {
        return read(parquetSnappy);
    }

    /** Parquet (zstd) through sdk-parquet. */
    @Benchmark
    public double parquetReadZstd() {
        return read(parquetZstd);
    }

    /** Parquet (snappy) through sdk-parquet. */
    @Benchmark
    public long parquetWriteSnappy() throws IOException {
        return write("w-snappy.parquet", WriteOptions.defaults());
    }

    /** Parquet (zstd) through sdk-parquet. */
    @Benchmark
    public long parquetWriteZstd() throws IOException {
        return write("w-zstd.parquet", WriteOptions.builder().compression(FileCompression.ZSTD).build());
    }

    /** An Arrow IPC file through Quiver's reader. */
    @Benchmark
    public double arrowRead() {
        return read(arrow);
    }

    /** An Arrow IPC file through Quiver's writer. */
    @Benchmark
    public long arrowWrite() throws IOException {
        return write("w.arrow", WriteOptions.defaults());
    }

    // ------------------------------------------------------------------------------------ Parquet: DuckDB

    /** Parquet (snappy) read by DuckDB, its Arrow batches converted to one Quiver table. */
    @Benchmark
    public double duckDbReadParquet() throws SQLException {
        try (BufferAllocator allocator = new RootAllocator();
             Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + parquetSnappy + "')");
             ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, 1 << 20)) {
            return checksumOf(reader);
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    /** The table registered with DuckDB as an Arrow stream and written by it as Parquet (snappy). */
    @Benchmark
    public long duckDbWriteParquet() throws SQLException, IOException {
        Path out = dir.resolve("w-duckdb.parquet");
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = ArrowTables.toArrow(table, allocator);
             ArrowReader reader = new OneBatch(allocator, root);
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
             Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            Data.exportArrayStream(allocator, reader, stream);
            ((DuckDBConnection) c).registerArrowStream("t", stream);
            s.execute("COPY t TO '" + out + "' (FORMAT parquet, COMPRESSION snappy)");
        }
        return Files.size(out);
    }

    // ------------------------------------------------------------------------------- Parquet: Arrow dataset

    /** Parquet (snappy) scanned by Arrow's dataset JNI, its batches converted to one Quiver table. */
    @Benchmark
    public double arrowDatasetReadParquet() throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
             DatasetFactory factory = new FileSystemDatasetFactory(allocator, NativeMemoryPool.getDefault(),
                     FileFormat.PARQUET, parquetSnappy.toUri().toString());
             Dataset dataset = factory.finish();
             Scanner scanner = dataset.newScan(new ScanOptions(1 << 20));
             ArrowReader reader = scanner.scanBatches()) {
            return checksumOf(reader);
        }
    }

    /** The table written as Parquet by Arrow's dataset JNI. */
    @Benchmark
    public long arrowDatasetWriteParquet() throws Exception {
        Path out = Files.createTempDirectory(dir, "dataset");
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = ArrowTables.toArrow(table, allocator);
             ArrowReader reader = new OneBatch(allocator, root)) {
            DatasetFileWriter.write(allocator, reader, FileFormat.PARQUET, out.toUri().toString());
        }
        try (Stream<Path> files = Files.list(out)) {
            long size = 0;
            for (Path p : files.toList()) {
                size += Files.size(p);
                Files.delete(p);
            }
            Files.delete(out);
            return size;
        }
    }

    /** The batches of a reader as one Quiver table, then its checksum. */
    private static double checksumOf(ArrowReader reader) throws IOException {
        List<Table> batches = new ArrayList<>();
        try {
            dev.quiver.api.table.Schema schema = ArrowTables.quiverSchema(reader.getVectorSchemaRoot().getSchema());
            while (reader.loadNextBatch()) {
                batches.add(ArrowTables.toTable(reader.getVectorSchemaRoot(), reader));
            }
            try (Table t = Table.concat(schema, batches)) {
                return checksum(t);
            }
        } finally {
            batches.forEach(Table::close);
        }
    }

    /** One root handed out as a reader's single batch: how a table in memory is streamed to a native engine. */
    private static final class OneBatch extends ArrowReader {
        private final VectorSchemaRoot source;
        private boolean done;

        OneBatch(BufferAllocator allocator, VectorSchemaRoot source) {
            super(allocator);
            this.source = source;
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (done) {
                return false;
            }
            done = true;
            try (ArrowRecordBatch batch = new VectorUnloader(source).getRecordBatch()) {
                new VectorLoader(getVectorSchemaRoot()).load(batch);
            }
            return true;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
        }

        @Override
        protected Schema readSchema() {
            return source.getSchema();
        }
    }
}
