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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * The compression trade-off of the disk tier: a disk hit and a sum of every column of a table of {@code columns} ×
 * {@code rows} price series, stored uncompressed (mapped, no copy), LZ4 or ZSTD (decompressed into off-heap memory
 * on every hit). The setup prints each file's size and how long writing it took, the other side of the trade-off.
 *
 * <p>Thread-safety: JMH state, one per trial; the benchmark method runs on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx4g"})
@State(Scope.Benchmark)
public class CompressedDiskReadBenchmark {

    /** The disk tier's compression. */
    @Param({"NONE", "LZ4", "ZSTD"})
    public Compression compression;

    /** Rows per column. */
    @Param({"1000000"})
    public int rows;

    /** FLOAT64 columns. */
    @Param({"10"})
    public int columns;

    Path dir;
    CacheKey key;
    Cache cache;
    /** The stored file's size in bytes, for the report. */
    long fileBytes;
    /** How long storing the entry took, in milliseconds. */
    double writeMillis;

    /** Stores the table with the chosen compression, once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        try {
            dir = Files.createTempDirectory("quiver-cache-compression-bench");
            key = CacheKey.of("bench/compressed", Fingerprint.builder().value("rows", Integer.toString(rows))
                    .value("columns", Integer.toString(columns)).build());
            cache = TieredCache.builder().directory(dir).memoryBytes(0).diskBytes(8L << 30).compression(compression)
                    .build();
            try (Table table = CacheFixture.table(rows, columns)) {
                long start = System.nanoTime();
                cache.getOrLoad(key, () -> table.view(() -> { })).close();
                writeMillis = (System.nanoTime() - start) / 1e6;
            }
            fileBytes = cache.stats().diskBytes();
            System.out.printf("%n%s: %d bytes on disk (%.1f %% of %d bytes of data), stored in %.0f ms%n",
                    compression, fileBytes, 100.0 * fileBytes / ((long) rows * columns * Double.BYTES),
                    (long) rows * columns * Double.BYTES, writeMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the cache and deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (cache != null) {
                cache.close();
            }
            CacheFixture.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A disk hit and a sum of every column. */
    @Benchmark
    public double diskHitScanAllColumns() {
        try (Table t = cache.getIfPresent(key).orElseThrow()) {
            double s = 0;
            for (Column c : t.columns()) {
                s += CacheFixture.sum(c.data());
            }
            return s;
        }
    }
}
