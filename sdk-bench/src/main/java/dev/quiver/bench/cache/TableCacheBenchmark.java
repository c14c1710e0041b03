package dev.quiver.bench.cache;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.Compression;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Table;
import dev.quiver.cache.TieredCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
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
 * Reading a table of {@code columns} FLOAT64 columns × {@code rows} rows (10 × 5 M = 400 MB, and 10 × 10 k) from each
 * place it can come from:
 * <ul>
 *   <li>{@link #memoryHit}: a lease from the memory tier (look-up, reference count, view), closed;</li>
 *   <li>{@link #diskOpen}: a disk-tier hit with the memory tier off: open, verify the envelope (the file was
 *       checksummed on the first read of the trial), map, wrap the columns, then close (unmap);</li>
 *   <li>{@link #diskOpenScanFirstColumn} and {@link #diskOpenScanAllColumns}: the same plus summing one column or
 *       every column, touching each page of the fresh mapping;</li>
 *   <li>{@link #diskFirstOpen}: a disk hit by a cache that has not seen the file yet, so it checksums all of it;</li>
 *   <li>{@link #mappedColumnScan}: summing one column of a table already mapped and faulted in: the scan at memory
 *       bandwidth (bytes = {@code rows × 8});</li>
 *   <li>{@link #arrowCopyRead}: Arrow's {@code ArrowFileReader} over the same file, which copies every buffer into
 *       allocator memory, then a sum of the first column;</li>
 *   <li>{@link #csvParse}: parsing the same values from CSV with a minimal fast parser, then a sum of the first
 *       column.</li>
 * </ul>
 * Every method returns a sum or count so that nothing is optimised away. Fixtures (the table, its cache file, the
 * CSV) are made once per trial in a temporary directory and deleted in {@link #tearDown()}.
 *
 * <p>Thread-safety: JMH state, one per trial; the benchmark methods run on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx6g"})
@State(Scope.Benchmark)
public class TableCacheBenchmark {

    /** Rows per column: 10 k (a small table) and 5 M (400 MB with 10 columns). */
    @Param({"10000", "5000000"})
    public int rows;

    /** FLOAT64 columns. */
    @Param({"10"})
    public int columns;

    Path dir;
    Path csv;
    Path arrowFile;
    CacheKey key;
    Cache memoryCache;
    Cache diskCache;
    Table mapped;
    MemorySegment mappedFirstColumn;

    /** Creates the fixtures: the table in a memory tier, its Arrow file, its CSV; maps one copy for the scans. */
    @Setup(Level.Trial)
    public void setUp() {
        try {
            dir = Files.createTempDirectory("quiver-cache-bench");
            key = CacheKey.of("bench/table", Fingerprint.builder().value("rows", Integer.toString(rows))
                    .value("columns", Integer.toString(columns)).build());
            memoryCache = TieredCache.builder().directory(dir.resolve("cache")).memoryBytes(4L << 30)
                    .diskBytes(8L << 30).compression(Compression.NONE).build();
            memoryCache.getOrLoad(key, () -> CacheFixture.table(rows, columns)).close();
            try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
                arrowFile = files.filter(p -> p.toString().endsWith(".arrow")).findFirst().orElseThrow();
            }
            diskCache = TieredCache.builder().directory(dir.resolve("cache")).memoryBytes(0).diskBytes(8L << 30)
                    .build();
            mapped = diskCache.getIfPresent(key).orElseThrow();
            mappedFirstColumn = mapped.column(0).data();
            CacheFixture.sum(mappedFirstColumn); // fault the pages in
            csv = dir.resolve("table.csv");
            try (Table t = memoryCache.getIfPresent(key).orElseThrow()) {
                CacheFixture.writeCsv(t, csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the caches and deletes the fixtures. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (mapped != null) {
                mapped.close();
            }
            if (diskCache != null) {
                diskCache.close();
            }
            if (memoryCache != null) {
                memoryCache.close();
            }
            CacheFixture.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A memory-tier hit: a lease, closed at once. */
    @Benchmark
    public int memoryHit() {
        try (Table t = memoryCache.getIfPresent(key).orElseThrow()) {
            return t.rowCount();
        }
    }

    /** A disk-tier hit: open, verify the envelope, map, wrap; then unmap. */
    @Benchmark
    public int diskOpen() {
        try (Table t = diskCache.getIfPresent(key).orElseThrow()) {
            return t.rowCount();
        }
    }

    /** A disk-tier hit and a sum of its first column. */
    @Benchmark
    public double diskOpenScanFirstColumn() {
        try (Table t = diskCache.getIfPresent(key).orElseThrow()) {
            return CacheFixture.sum(t.column(0).data());
        }
    }

    /** A disk-tier hit and a sum of every column. */
    @Benchmark
    public double diskOpenScanAllColumns() {
        try (Table t = diskCache.getIfPresent(key).orElseThrow()) {
            double s = 0;
            for (Column c : t.columns()) {
                s += CacheFixture.sum(c.data());
            }
            return s;
        }
    }

    /** A disk-tier hit by a new cache: the whole file is checksummed before it is handed out. */
    @Benchmark
    public int diskFirstOpen() {
        try (Cache fresh = TieredCache.builder().directory(dir.resolve("cache")).memoryBytes(0).diskBytes(8L << 30)
                .build(); Table t = fresh.getIfPresent(key).orElseThrow()) {
            return t.rowCount();
        }
    }

    /** A sum of one column of an open mapped table: the scan alone. */
    @Benchmark
    public double mappedColumnScan() {
        return CacheFixture.sum(mappedFirstColumn);
    }

    /** Arrow's copying reader over the same file, then a sum of the first column. */
    @Benchmark
    public double arrowCopyRead() throws IOException {
        try (RootAllocator allocator = new RootAllocator();
             FileChannel in = FileChannel.open(arrowFile, StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(in, allocator, CommonsCompressionFactory.INSTANCE)) {
            reader.loadNextBatch();
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            Float8Vector first = (Float8Vector) root.getVector(0);
            return CacheFixture.sum(MemorySegment.ofAddress(first.getDataBufferAddress())
                    .reinterpret((long) root.getRowCount() * Double.BYTES));
        }
    }

    /** Parsing the same values from CSV, then a sum of the first column. */
    @Benchmark
    public double csvParse() throws IOException {
        double[][] values = CacheFixture.parseCsv(csv, rows, columns);
        return CacheFixture.sum(MemorySegment.ofArray(values[0]));
    }
}
