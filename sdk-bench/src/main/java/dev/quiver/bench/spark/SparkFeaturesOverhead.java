package dev.quiver.bench.spark;

import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.bench.features.FeatureSetBenchmark;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.features.execution.ColumnPool;
import dev.quiver.spark.QuiverSpark;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A timed benchmark command: rows per second of a feature plan on Spark against the same plan in one JVM, in one run
 * on the same synthetic bars, and Spark's shuffle and spill figures.
 *
 * <pre>
 * compare  --symbols 4000 --days 1260: FeatureSetBenchmark's 32 specs (37 columns, five cross-sectional) by
 *          FeaturePlan.compute on a pool of as many threads as the master's cores, then QuiverSpark.features on the
 *          master over the bars generated and cached in Spark, written to Spark's noop sink; best of --runs each
 * universe --symbols 40000 --days 1260: a lean plan (--features) over 50.4 M rows generated as it runs (its time
 *          included), once, to completion
 * </pre>
 *
 * Spark's time includes its two shuffles (by symbol, then by date), the rows' conversion to primitive columns and
 * back, and task scheduling; not the session's start or the generation and caching of the input.
 *
 * <p>Thread-safety: a command; one run at a time.
 */
public final class SparkFeaturesOverhead {
    private SparkFeaturesOverhead() {
    }

    /**
     * Runs the benchmark: {@code compare|universe [--symbols N] [--days D] [--partitions P] [--runs R]
     * [--master M] [--features SPEC]}.
     */
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "compare";
        int symbols = Integer.parseInt(option(args, "--symbols", mode.equals("universe") ? "40000" : "4000"));
        int days = Integer.parseInt(option(args, "--days", "1260"));
        int partitions = Integer.parseInt(option(args, "--partitions", mode.equals("universe") ? "400" : "8"));
        int runs = Integer.parseInt(option(args, "--runs", "3"));
        String master = option(args, "--master", "local[2]");
        String features = option(args, "--features", mode.equals("universe")
                ? "sma(20), ema(12), rsi(14), roc(10), stddev(20), xs_rank(roc(10)), xs_zscore(rsi(14))"
                : String.join(", ", FeatureSetBenchmark.FEATURES));
        List<String> specs = FeatureEngine.splitSpecs(features);
        long rows = (long) symbols * days;
        System.out.printf(Locale.ROOT, "%s: %,d symbols x %,d days = %,d rows, %d specs, %d partitions, master %s, "
                + "%d cores, heap %,d MiB%n", mode, symbols, days, rows, specs.size(), partitions, master,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        SparkSession spark = SparkSession.builder().master(master).appName("quiver-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", partitions)
                .getOrCreate();
        Metrics metrics = new Metrics();
        spark.sparkContext().addSparkListener(metrics);
        int cores = spark.sparkContext().defaultParallelism();
        try {
            Dataset<Row> bars = generate(spark, symbols, days, partitions);
            if (mode.equals("compare")) {
                // the runs read the same cached input; the universe run generates its input as it goes
                bars = bars.persist(StorageLevel.MEMORY_AND_DISK());
                long t0 = System.nanoTime();
                long count = bars.count();
                System.out.printf(Locale.ROOT, "  input generated and cached in Spark: %,d rows in %.1f s%n", count,
                        (System.nanoTime() - t0) / 1e9);
            }
            double[] single = mode.equals("compare") ? singleJvm(specs, symbols, days, cores, runs)
                    : new double[] {Double.NaN, Double.NaN};
            // the single JVM's idle output columns would hold the shared pool's budget, which a Spark executor of its
            // own would have to itself
            ColumnPool.shared().trim();
            double best = Double.POSITIVE_INFINITY;
            double bestCpu = Double.POSITIVE_INFINITY;
            for (int run = 0; run < (mode.equals("compare") ? runs : 1); run++) {
                metrics.reset();
                long start = System.nanoTime();
                long cpu = processCpuNanos();
                QuiverSpark.features(bars, features, "symbol", "time", partitions).write().format("noop")
                        .mode("overwrite").save();
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
                metrics.settle();
                best = Math.min(best, seconds);
                bestCpu = Math.min(bestCpu, cpuSeconds);
                System.out.printf(Locale.ROOT, "  spark run %d: %.2f s (process CPU %.2f s, tasks' CPU %.2f s), "
                        + "%,.0f rows/s; shuffle written %,d MiB, spilled %,d MiB (memory) / %,d MiB (disk), %d "
                        + "tasks%n", run + 1, seconds, cpuSeconds, metrics.taskCpu.get() / 1e9, rows / seconds,
                        metrics.shuffleWritten.get() >> 20,
                        metrics.memorySpilled.get() >> 20, metrics.diskSpilled.get() >> 20, metrics.tasks.get());
                metrics.printStages();
                System.out.println("    column pool: " + ColumnPool.shared());
            }
            if (mode.equals("compare")) {
                System.out.printf(Locale.ROOT, "result: single JVM (%d threads) %,.0f rows/s; spark %s %,.0f rows/s; "
                        + "spark takes %.2fx the single JVM's time (best of %d each), %.2fx its process CPU time%n",
                        cores, rows / single[0], master, rows / best, best / single[0], runs, bestCpu / single[1]);
            } else {
                System.out.printf(Locale.ROOT, "result: %,d rows in %.1f s (%,.0f rows/s) on %s%n", rows, best,
                        rows / best, master);
            }
        } finally {
            spark.stop();
        }
    }

    /** The CPU time of this process so far (every thread: tasks, Spark's own, JIT, GC), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The best of {@code runs} single-JVM computations after one warm-up: wall and process CPU seconds, each the
     * least of the runs.
     */
    private static double[] singleJvm(List<String> specs, int symbols, int days, int threads, int runs) {
        int n = symbols * days;
        String[] sym = new String[n];
        long[] time = new long[n];
        double[][] fields = new double[SyntheticBars.FIELDS.length][n];
        for (int s = 0; s < symbols; s++) {
            double[][] bars = SyntheticBars.of(s, days);
            String name = SyntheticBars.name(s);
            for (int r = 0; r < days; r++) {
                sym[s * days + r] = name;
                time[s * days + r] = SyntheticBars.time(r);
            }
            for (int f = 0; f < fields.length; f++) {
                System.arraycopy(bars[f], 0, fields[f], s * days, days);
            }
        }
        TableBuilder builder = TableBuilder.offHeap().string("symbol", sym).int64("time", time);
        for (int f = 0; f < fields.length; f++) {
            builder.float64(SyntheticBars.FIELDS[f], fields[f]);
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try (Table table = builder.build()) {
            Panel panel = Panel.of(table, "symbol", "time");
            panel.dateCount();
            FeaturePlan plan = FeatureEngine.builder().pool(pool).build().plan(specs);
            double best = Double.POSITIVE_INFINITY;
            double bestCpu = Double.POSITIVE_INFINITY;
            for (int run = 0; run <= runs; run++) {
                long start = System.nanoTime();
                long cpu = processCpuNanos();
                try (Table out = plan.compute(panel)) {
                    out.rowCount();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
                if (run > 0) { // run 0 warms up
                    best = Math.min(best, seconds);
                    bestCpu = Math.min(bestCpu, cpuSeconds);
                }
                System.out.printf(Locale.ROOT, "  single JVM run %d%s: %.2f s (process CPU %.2f s), %,.0f rows/s%n",
                        run, run == 0 ? " (warm-up)" : "", seconds, cpuSeconds, n / seconds);
            }
            return new double[] {best, bestCpu};
        } finally {
            pool.shutdown();
        }
    }

    /** The bars generated inside Spark: a range of symbol numbers, each expanded to its days by a task. */
    private static Dataset<Row> generate(SparkSession spark, int symbols, int days, int partitions) {
        StructType schema = new StructType().add("symbol", DataTypes.StringType, false)
                .add("time", DataTypes.LongType, false);
        for (String f : SyntheticBars.FIELDS) {
            schema = schema.add(f, DataTypes.DoubleType, false);
        }
        MapPartitionsFunction<Long, Row> expand = ids -> new Iterator<>() {
            private double[][] bars;
            private String name;
            private int day = days;

            @Override
            public boolean hasNext() {
                return day < days || ids.hasNext();
            }

            @Override
            public Row next() {
                if (day == days) {
                    if (!ids.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    int s = Math.toIntExact(ids.next());
                    bars = SyntheticBars.of(s, days);
                    name = SyntheticBars.name(s);
                    day = 0;
                }
                int r = day++;
                return RowFactory.create(name, SyntheticBars.time(r), bars[0][r], bars[1][r], bars[2][r],
                        bars[3][r], bars[4][r]);
            }
        };
        return spark.range(0, symbols, 1, partitions).as(Encoders.LONG()).mapPartitions(expand,
                Encoders.row(schema));
    }

    private static String option(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }

    /** Shuffle and spill bytes of the tasks since the last {@link #reset()}, and a line per completed stage. */
    private static final class Metrics extends SparkListener {
        final AtomicLong shuffleWritten = new AtomicLong();
        final AtomicLong memorySpilled = new AtomicLong();
        final AtomicLong diskSpilled = new AtomicLong();
        final AtomicLong tasks = new AtomicLong();
        final AtomicLong taskCpu = new AtomicLong();
        private final List<String> stages = new java.util.concurrent.CopyOnWriteArrayList<>();

        void reset() {
            shuffleWritten.set(0);
            memorySpilled.set(0);
            diskSpilled.set(0);
            tasks.set(0);
            taskCpu.set(0);
            stages.clear();
        }

        /** Waits a moment: the listener bus delivers the last tasks' and stage's events asynchronously. */
        void settle() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Prints the stages since the last reset: wall time, the tasks' summed run, CPU and GC time, bytes. */
        void printStages() {
            for (String line : stages) {
                System.out.println(line);
            }
        }

        @Override
        public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted completed) {
            org.apache.spark.scheduler.StageInfo info = completed.stageInfo();
            org.apache.spark.executor.TaskMetrics m = info.taskMetrics();
            long wall = info.completionTime().isDefined() && info.submissionTime().isDefined()
                    ? (Long) info.completionTime().get() - (Long) info.submissionTime().get() : -1;
            String rdds = info.rddInfos().isEmpty() ? "" : info.rddInfos().last().name();
            stages.add(String.format(Locale.ROOT, "    stage %3d %-28s %3d tasks: wall %6.2f s, run %6.2f s, "
                    + "cpu %6.2f s, gc %5.2f s; shuffle read %,6d MiB, written %,6d MiB; spilled %,d MiB",
                    info.stageId(), rdds.length() > 28 ? rdds.substring(0, 28) : rdds, info.numTasks(),
                    wall / 1e3, m.executorRunTime() / 1e3, m.executorCpuTime() / 1e9, m.jvmGCTime() / 1e3,
                    (m.shuffleReadMetrics().remoteBytesRead() + m.shuffleReadMetrics().localBytesRead()) >> 20,
                    m.shuffleWriteMetrics().bytesWritten() >> 20, m.memoryBytesSpilled() >> 20));
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() == null) {
                return;
            }
            shuffleWritten.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
            memorySpilled.addAndGet(end.taskMetrics().memoryBytesSpilled());
            diskSpilled.addAndGet(end.taskMetrics().diskBytesSpilled());
            tasks.incrementAndGet();
            taskCpu.addAndGet(end.taskMetrics().executorCpuTime());
        }
    }
}
