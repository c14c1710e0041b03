package dev.quiver.bench.store;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.Predicate;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.StorageOptions;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.TableStream;
import dev.quiver.api.table.Timestamps;
import dev.quiver.bench.io.GeneratedCsv;
import dev.quiver.cache.TieredCache;
import dev.quiver.duckdb.DuckDbStore;
import dev.quiver.io.TableFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The Store's bulk paths on DuckDB (sdk-duckdb), through the public API:
 * <ul>
 *   <li>{@code loadStrategies}: the strategy P&amp;L matrix in long form ({@code strategies} × {@code days} rows of
 *       {@code date, strategy, pnl}, 2.09 M at the defaults, the strategy dictionary-encoded), loaded with
 *       {@code REPLACE} (drop, create, insert, in one transaction);</li>
 *   <li>{@code loadTable5M}: the 5,000,000 × 10 float64 table of the I/O benchmarks, already in memory, loaded the
 *       same way; {@code duckDbReadCsv5M}: DuckDB's own {@code read_csv} of that table's CSV file into a table, the
 *       peer the issue names;</li>
 *   <li>{@code scanPredicate}: {@code date, pnl} of 100 strategies over 41 days from the loaded matrix (a predicate and
 *       a projection pushed into DuckDB, 4,100 rows back as a Quiver table); {@code cacheFilter}: the same rows from
 *       the matrix in the Arrow cache (a disk-tier hit, memory-mapped), filtered by a Java loop.</li>
 * </ul>
 * Scores are seconds per operation (single shots).
 *
 * <p>Thread-safety: JMH state; one benchmark thread (DuckDB uses its own).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx8g"})
@State(Scope.Benchmark)
public class StoreBenchmark {
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 2);

    /** Strategies of the matrix (the seed's 25,544). */
    @Param({"25544"})
    public int strategies;

    /** Trading days of the matrix (the seed's 82). */
    @Param({"82"})
    public int days;

    /** Rows of the wide table ({@code 5000000} as published; fewer for a smoke run). */
    @Param({"5000000"})
    public int rows;

    Path dir;
    Path csv;
    Table matrix;
    Table table;
    DuckDbStore store;
    Cache cache;
    CacheKey key;
    List<Object> chosen;
    long from;
    long to;

    /** Makes the matrix and reads the table; loads the matrix once for the scans and puts it in a cache. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("quiver-store-bench");
        matrix = matrix(strategies, days);
        csv = GeneratedCsv.file(rows);
        table = TableFiles.read(csv);
        store = DuckDbStore.inMemory();
        store.load(LoadRequest.of("matrix", LoadMode.CREATE)
                .withOptions(StorageOptions.defaults().withSortKey("strategy", "date")), matrix);
        key = CacheKey.of("bench/matrix", Fingerprint.builder().value("strategies", Integer.toString(strategies))
                .value("days", Integer.toString(days)).build());
        try (Cache writer = TieredCache.builder().directory(dir.resolve("cache")).memoryBytes(0)
                .diskBytes(8L << 30).build()) {
            writer.getOrLoad(key, () -> matrix(strategies, days)).close();
        }
        cache = TieredCache.builder().directory(dir.resolve("cache")).memoryBytes(0).diskBytes(8L << 30).build();
        chosen = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            chosen.add(name(s * (strategies / 100)));
        }
        from = Timestamps.ofDate(FIRST_DAY.plusDays(20));
        to = Timestamps.ofDate(FIRST_DAY.plusDays(60));
    }

    /** Closes everything and deletes the cache directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        cache.close();
        store.close();
        matrix.close();
        table.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** {@code date, strategy, pnl}, row by row of the wide matrix, seed 7. */
    static Table matrix(int strategies, int days) {
        int n = strategies * days;
        List<String> names = new ArrayList<>(strategies);
        for (int s = 0; s < strategies; s++) {
            names.add(name(s));
        }
        SplittableRandom random = new SplittableRandom(7);
        try (TableBuilder b = TableBuilder.offHeap()) {
            MemorySegment date = b.allocate(dev.quiver.api.table.Field.date("date"), n);
            MemorySegment pnl = b.allocate(dev.quiver.api.table.Field.float64("pnl"), n);
            int[] codes = new int[n];
            for (int d = 0; d < days; d++) {
                long day = Timestamps.ofDate(FIRST_DAY.plusDays(d));
                for (int s = 0; s < strategies; s++) {
                    int at = d * strategies + s;
                    date.setAtIndex(ValueLayout.JAVA_LONG, at, day);
                    pnl.setAtIndex(ValueLayout.JAVA_DOUBLE, at, random.nextGaussian() * 0.01);
                    codes[at] = s;
                }
            }
            b.stringCodes("strategy", codes, names);
            Table built = b.build();
            return Table.owning(List.of(built.column("date"), built.column("strategy"), built.column("pnl")),
                    built::close);
        }
    }

    private static String name(int s) {
        return String.format("s%05d", s);
    }

    /** The long matrix into DuckDB (replace: drop, create, insert in one transaction). */
    @Benchmark
    public long loadStrategies() {
        return store.load(LoadRequest.of("matrix_load", LoadMode.REPLACE), matrix);
    }

    /** The 5 M × 10 table, already in memory, into DuckDB. */
    @Benchmark
    public long loadTable5M() {
        return store.load(LoadRequest.of("table_load", LoadMode.REPLACE), table);
    }

    /** DuckDB's own CSV reader making a table of the same file: the peer of {@link #loadTable5M}. */
    @Benchmark
    public long duckDbReadCsv5M() {
        // the path is the benchmark's own file, not user input
        try (TableStream s = store.query("CREATE OR REPLACE TABLE table_csv AS SELECT * FROM read_csv('" + csv
                + "')"); Table r = s.readAll()) {
            return ((Int64Column) r.column(0)).get(0);
        }
    }

    /** A predicate and a projection pushed into DuckDB. */
    @Benchmark
    public int scanPredicate() {
        ScanRequest request = ScanRequest.of("matrix").columns("date", "pnl")
                .where(Predicate.and(new Predicate.In("strategy", chosen), Predicate.between("date",
                        FIRST_DAY.plusDays(20), FIRST_DAY.plusDays(60))));
        try (TableStream s = store.scan(request); Table t = s.readAll()) {
            return t.rowCount();
        }
    }

    /** The same rows from the cached matrix (a memory-mapped disk hit), filtered in Java. */
    @Benchmark
    public double cacheFilter() {
        try (Table t = cache.getIfPresent(key).orElseThrow()) {
            StringColumn strategy = (StringColumn) t.column("strategy");
            Int64Column date = (Int64Column) t.column("date");
            Float64Column pnl = (Float64Column) t.column("pnl");
            boolean[] wanted = new boolean[strategy.dictionary().size()];
            for (Object name : chosen) {
                wanted[strategy.dictionary().indexOf(name)] = true;
            }
            double sum = 0;
            int matches = 0;
            for (int r = 0; r < t.rowCount(); r++) {
                long d = date.get(r);
                if (d >= from && d <= to && wanted[strategy.code(r)]) {
                    sum += pnl.get(r);
                    matches++;
                }
            }
            return sum + matches;
        }
    }
}
