package dev.quiver.bench.store;

import dev.quiver.api.store.LoadMode;
import dev.quiver.api.store.LoadRequest;
import dev.quiver.api.store.ScanRequest;
import dev.quiver.api.store.Store;
import dev.quiver.api.store.StoreSettings;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import dev.quiver.duckdb.DuckDbStore;
import dev.quiver.heavydb.HeavyDbStore;
import dev.quiver.heavydb.InProcessHeavyDb;
import java.util.SplittableRandom;
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
 * The cost of sdk-heavydb's protocol path per batch, without a HeavyDB server: {@code HeavyDbStore} against the
 * in-process Thrift server of sdk-heavydb's tests (the same IDL, binary protocol over a local socket, statements run
 * on DuckDB behind it), side by side with {@code DuckDbStore} doing the same work directly. The difference is what
 * the protocol adds per batch: Arrow IPC encoding, the Thrift call, the server's decoding and the staging table's
 * rename for a load; the SQL text, the WIRE (Arrow IPC) answer and its checks for a scan.
 * <ul>
 *   <li>{@code heavyLoad} / {@code duckLoad}: one batch of {@code rows} rows ({@code date, strategy, pnl}) loaded
 *       with {@code REPLACE};</li>
 *   <li>{@code heavyScan} / {@code duckScan}: the batch read back whole.</li>
 * </ul>
 *
 * <p>Thread-safety: JMH state; one benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx4g"})
@State(Scope.Benchmark)
public class HeavyDbProtocolBenchmark {
    /** Rows per batch. */
    @Param({"10000", "100000"})
    public int rows;

    private InProcessHeavyDb server;
    private Store heavy;
    private Store duck;
    private Table batch;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new InProcessHeavyDb();
        server.stopRecording();
        heavy = HeavyDbStore.open(StoreSettings.of(server.location()).with("password", InProcessHeavyDb.PASSWORD));
        duck = DuckDbStore.inMemory();
        SplittableRandom random = new SplittableRandom(7);
        long[] dates = new long[rows];
        String[] names = new String[rows];
        double[] pnl = new double[rows];
        for (int i = 0; i < rows; i++) {
            dates[i] = (19_723L + i % 82) * 86_400_000L;
            names[i] = "SENSEX " + (i / 82) + " SL73%TP32%";
            pnl[i] = Math.round(random.nextGaussian() * 100_000) / 100.0;
        }
        batch = Table.of(Int64Column.wrap("date", dates).withLogicalType(LogicalType.DATE),
                StringColumn.encode("strategy", names), Float64Column.wrap("pnl", pnl));
        heavy.load(LoadRequest.of("scanned", LoadMode.REPLACE), batch);
        duck.load(LoadRequest.of("scanned", LoadMode.REPLACE), batch);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batch.close();
        heavy.close();
        duck.close();
        server.close();
    }

    @Benchmark
    public long heavyLoad() {
        return heavy.load(LoadRequest.of("loaded", LoadMode.REPLACE), batch);
    }

    @Benchmark
    public long duckLoad() {
        return duck.load(LoadRequest.of("loaded", LoadMode.REPLACE), batch);
    }

    @Benchmark
    public int heavyScan() {
        return scan(heavy);
    }

    @Benchmark
    public int duckScan() {
        return scan(duck);
    }

    private static int scan(Store store) {
        try (TableStream s = store.scan(ScanRequest.of("scanned")); Table t = s.readAll()) {
            return t.rowCount();
        }
    }
}
