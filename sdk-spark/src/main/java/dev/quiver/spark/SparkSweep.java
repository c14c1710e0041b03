package dev.quiver.spark;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.ParamType;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.strategy.Strategies;
import dev.quiver.backtest.sweep.ParamGrid;
import dev.quiver.backtest.sweep.SweepPlan;
import dev.quiver.backtest.sweep.SweepTable;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@link QuiverSpark#sweep}: the grid's combinations as tasks over a broadcast panel, one result row per
 * combination with the columns of {@code quiver backtest --sweep}'s {@code sweep.csv} ({@link SweepTable#toTable()}).
 *
 * <p>The driver only lists the combinations (strategy name and parameter text); each task binds its own, runs the
 * valid ones through {@code EventBacktester.sweepSummaries} (the single-JVM sweep's code, one thread per task) and
 * reads the row values back through {@link SweepTable}. A combination the strategy rejects, which the single-JVM
 * sweep leaves out and lists as skipped, is a {@code failed} row here, its parameters and the reason in it; a run
 * that throws is a {@code failed} row in both.
 *
 * <p>Thread-safety: stateless.
 */
final class SparkSweep {
    private SparkSweep() {
    }

    static Dataset<Row> run(SparkSession spark, Panel bars, List<String> strategySpecs, ParamGrid grid,
                            BacktestSetup setup, int partitions) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(setup, "setup");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        List<SweepTask> tasks = new ArrayList<>();
        // each parameter's column, in order of first appearance, numeric when every strategy declaring it does
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        Set<String> strategies = new LinkedHashSet<>();
        for (SweepPlan.Combination c : SweepPlan.combinations(strategySpecs, grid)) {
            if (strategies.add(c.strategy())) {
                for (ParamSpec p : Strategies.params(c.strategy())) {
                    boolean number = p.type() == ParamType.INT || p.type() == ParamType.DOUBLE;
                    numeric.merge(p.name(), number, Boolean::logicalAnd);
                }
            }
            tasks.add(new SweepTask(c.strategy(), new ArrayList<>(c.values().keySet()),
                    new ArrayList<>(c.values().values())));
        }
        StructType schema = new StructType().add("run", DataTypes.StringType, false)
                .add("strategy", DataTypes.StringType, false).add("status", DataTypes.StringType, false);
        for (Map.Entry<String, Boolean> p : numeric.entrySet()) {
            schema = schema.add(p.getKey(), p.getValue() ? DataTypes.DoubleType : DataTypes.StringType, true);
        }
        for (String metric : SweepTable.METRICS) {
            schema = schema.add(metric, DataTypes.DoubleType, true);
        }
        schema = schema.add("error", DataTypes.StringType, true);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<BroadcastPanel> panel = context.broadcast(BroadcastPanel.of(bars));
        JavaRDD<Row> rows = context.parallelize(tasks, Math.min(partitions, Math.max(1, tasks.size())))
                .mapPartitions(new Partition(panel, setup, new ArrayList<>(numeric.keySet()),
                        new ArrayList<>(numeric.values())));
        return spark.createDataFrame(rows, schema);
    }

    /**
     * The runs of one partition.
     *
     * <p>Thread-safety: Spark calls one instance per task.
     */
    private static final class Partition implements FlatMapFunction<Iterator<SweepTask>, Row> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final Broadcast<BroadcastPanel> panel;
        private final BacktestSetup setup;
        private final List<String> params;
        private final List<Boolean> numeric;

        Partition(Broadcast<BroadcastPanel> panel, BacktestSetup setup, List<String> params, List<Boolean> numeric) {
            this.panel = panel;
            this.setup = setup;
            this.params = List.copyOf(params);
            this.numeric = List.copyOf(numeric);
        }

        @Override
        public Iterator<Row> call(Iterator<SweepTask> tasks) {
            Supplier<? extends PositionSizer> sizer = setup.sizer();
            List<Row> out = new ArrayList<>();
            List<StrategyRun> runs = new ArrayList<>();
            // the rows in task order: a rejected combination's row now, a run's row once the runs are done
            List<Object> slots = new ArrayList<>();
            while (tasks.hasNext()) {
                SweepTask task = tasks.next();
                try {
                    runs.add(Strategies.run(task.strategy(), Strategies.bind(task.strategy(), task.asMap()), sizer));
                    slots.add(runs.size() - 1);
                } catch (IllegalArgumentException e) {
                    slots.add(rejected(task, e));
                }
            }
            SweepTable table = null;
            if (!runs.isEmpty()) {
                BacktestConfig config = setup.config().withParallelism(1);
                List<RunOutcome> outcomes = setup.backtester().sweepSummaries(runs, panel.value().panel(), config,
                        ProgressListener.NONE);
                table = SweepTable.of(outcomes);
            }
            for (Object slot : slots) {
                out.add(slot instanceof Integer i ? row(table, i) : (Row) slot);
            }
            return out.iterator();
        }

        private Row row(SweepTable table, int i) {
            Object[] cells = new Object[3 + params.size() + SweepTable.METRICS.size() + 1];
            cells[0] = table.run(i);
            cells[1] = table.strategy(i);
            cells[2] = table.completed(i) ? "ok" : "failed";
            for (int p = 0; p < params.size(); p++) {
                Object v = table.param(i, params.get(p));
                cells[3 + p] = v == null ? null : numeric.get(p) ? (Object) ((Number) v).doubleValue() : text(v);
            }
            int m0 = 3 + params.size();
            for (int m = 0; m < SweepTable.METRICS.size(); m++) {
                double v = table.metric(i, SweepTable.METRICS.get(m));
                cells[m0 + m] = table.completed(i) && !Double.isNaN(v) ? v : null;
            }
            cells[cells.length - 1] = table.completed(i) ? null : table.error(i);
            return RowFactory.create(cells);
        }

        private Row rejected(SweepTask task, IllegalArgumentException e) {
            Object[] cells = new Object[3 + params.size() + SweepTable.METRICS.size() + 1];
            cells[0] = task.rejectedLabel();
            cells[1] = task.strategy();
            cells[2] = "failed";
            Map<String, String> values = task.asMap();
            for (int p = 0; p < params.size(); p++) {
                String v = values.get(params.get(p));
                cells[3 + p] = v == null ? null : numeric.get(p) ? number(v) : v;
            }
            cells[cells.length - 1] = e.getClass().getSimpleName() + ": " + e.getMessage();
            return RowFactory.create(cells);
        }

        private static Double number(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null; // the row's error says what is wrong with it
            }
        }

        /** A text parameter as {@link SweepTable#toTable()} writes it. */
        private static String text(Object v) {
            if (v instanceof Double d) {
                double x = d;
                return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
            }
            return String.valueOf(v);
        }
    }
}
