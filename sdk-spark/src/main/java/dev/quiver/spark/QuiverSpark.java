package dev.quiver.spark;

import dev.quiver.api.table.Panel;
import dev.quiver.backtest.sweep.ParamGrid;
import dev.quiver.backtest.sweep.SweepTable;
import dev.quiver.features.FeatureEngine;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.features.FeaturePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Quiver's feature plans on Spark DataFrames: the same kernels, the same values, bit for bit, as
 * {@link FeaturePlan#compute(dev.quiver.api.table.Panel)} in one JVM.
 *
 * <p>A long panel (one row per symbol and date) is spread over partitions by a hash of the symbol: each partition is
 * the "home" of its symbols' every row, sorted by (symbol, date), and the plan's time-series kernels run on a
 * {@link dev.quiver.api.table.Panel} of them with the SIMD kernels. Time-series operators read only their own
 * symbol's series, so a partition holding any subset of the symbols computes the same values as the whole panel.
 * Rows travel between tasks as blocks of primitive columns, not as Spark rows ({@link SparkFeatures}).
 *
 * <p>A plan with cross-sectional operators ({@code xs_rank}, {@code xs_zscore}, ...) is cut into phases
 * ({@link PlanPhases}); each cross-sectional phase is a round trip from home: only the columns it reads go to
 * partitions by date (each with its home and position), where the phase runs over whole dates, and its results come
 * back. A time-series step that reads a cross-sectional result ({@code sma(xs_rank(roc(5)), 5)}) runs at home after
 * the trip.
 *
 * <p>Thread-safety: the static methods are safe to call from several threads; each call builds its own plan.
 */
public final class QuiverSpark {
    /** The default symbol column of a long panel. */
    public static final String SYMBOL = "symbol";
    /** The default date column of a long panel ({@code long}: Quiver's INT64 time, as sdk-io reads it). */
    public static final String DATE = "date";

    private QuiverSpark() {
    }

    /**
     * Computes features over a long panel with columns {@code symbol} (string) and {@code date} (long).
     *
     * @see #features(Dataset, String, String, String, int)
     */
    public static Dataset<Row> features(Dataset<Row> longPanel, String features) {
        return features(longPanel, features, SYMBOL, DATE, longPanel.sparkSession().sessionState().conf()
                .numShufflePartitions());
    }

    /**
     * Computes features over a long panel: the output holds the symbol and date columns, the plan's input columns,
     * then one double column per feature output, named and ordered as {@link FeaturePlan#columns()}, partitioned by
     * a hash of the symbol and sorted by (symbol, date) within each partition (symbols in {@link String} order, as
     * {@code Panel.of} sorts them).
     *
     * <p>The input's plan is planned at the call (as {@link Dataset#rdd()} plans it): under adaptive query execution
     * an input that has shuffles of its own (a join, an aggregation) runs those at the call; the features are
     * computed when an action runs on the result.
     *
     * @param longPanel one row per (symbol, date); the plan's input columns must be numeric (a null reads, and is
     *     written back, as the missing value NaN)
     * @param features a comma-separated feature specification, as {@code quiver features --features}
     * @param symbolColumn the symbol column (string)
     * @param dateColumn the date column (long, strictly increasing within a symbol)
     * @param partitions the number of partitions to spread symbols (and, for cross-sectional steps, dates) over;
     *     more than the symbols or dates is allowed: some stay empty
     * @throws IllegalArgumentException also if the session is a Spark Connect one (the job runs Java code on the
     *     executors: it needs the classic session)
     * @return a lazy Dataset; Spark computes it when an action runs
     * @throws IllegalArgumentException if the specification is invalid or a column is missing
     */
    public static Dataset<Row> features(Dataset<Row> longPanel, String features, String symbolColumn,
            String dateColumn, int partitions) {
        Objects.requireNonNull(longPanel, "longPanel");
        Objects.requireNonNull(features, "features");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        List<String> specs = FeatureEngine.splitSpecs(features);
        PartitionPlanner.Compiled compiled = PartitionPlanner.compiled(specs);
        FeaturePlan plan = compiled.plan();
        List<String> fieldNames = List.of(longPanel.schema().fieldNames());
        List<String> inputs = plan.inputColumns();
        for (String name : concat(List.of(symbolColumn, dateColumn), inputs)) {
            if (!fieldNames.contains(name)) {
                throw new IllegalArgumentException("features on Spark: the DataFrame has no column '" + name
                        + "' (it has " + fieldNames + ")");
            }
        }
        return SparkFeatures.features(longPanel.select(SparkFeatures.selection(symbolColumn, dateColumn, inputs)),
                specs, symbolColumn, dateColumn, partitions);
    }

    /**
     * Runs a sweep on Spark: every combination of the grid for every strategy is a task over the panel, broadcast
     * once, and becomes one row with the columns of {@code quiver backtest --sweep}'s {@code sweep.csv}
     * ({@code run}, {@code strategy}, {@code status}, one column per parameter, the metrics of
     * {@link SweepTable#METRICS}, {@code error}); a missing or undefined number is a null. The rows of completed
     * runs equal the single-JVM sweep's ({@code EventBacktester.sweep} over {@code SweepPlan.of}) bit for bit. A
     * combination the strategy rejects ({@code fast >= slow}), which the single-JVM sweep skips, is a
     * {@code failed} row holding its parameters and the reason; a run that throws is a {@code failed} row too; neither
     * fails the job.
     *
     * @param spark the session
     * @param bars the panel of bars ({@code FLOAT64} open, high, low, close, volume, as {@code quiver backtest}
     *     reads them), on the driver
     * @param strategies built-in strategy specs, e.g. {@code sma_cross(10,50)}
     * @param grid the parameter grid; each axis overrides the parameter of that name in the strategies that have it
     * @param setup the backtester, configuration and sizer, rebuilt on each executor
     * @param partitions the number of tasks the combinations are spread over
     * @return the result rows, in the order of the combinations (strategies as given, first axis slowest)
     * @throws IllegalArgumentException if a strategy spec is invalid or a grid axis matches no parameter
     */
    public static Dataset<Row> sweep(SparkSession spark, Panel bars, List<String> strategies, ParamGrid grid,
            BacktestSetup setup, int partitions) {
        return SparkSweep.run(spark, bars, strategies, grid, setup, partitions);
    }

    /**
     * Runs many portfolio searches on Spark: each (universe, algorithm, seed) is a task over the P&amp;L matrix,
     * broadcast once, and gives one row: {@code search}, {@code algorithm}, {@code seed}, {@code status}
     * ({@code ok} or {@code failed}), {@code size}, {@code objective}, {@code strategies} (the chosen names), the
     * figures {@code fitness}, {@code score}, {@code roi}, {@code max_drawdown}, {@code mean_correlation} (as in
     * {@code portfolio.json}), {@code correlation_penalty}, {@code evaluations}, {@code seconds}, {@code error}, and the convergence curve
     * ({@code history_evaluations}, {@code history_best}).
     * A search's portfolio and figures equal those of {@code PortfolioSearch.run} in one JVM over the same universe
     * with the same seed (the search is reproducible whatever the thread count; each task uses one thread). A search
     * that fails (an unknown algorithm, a bad parameter, a universe smaller than the size) is a {@code failed} row
     * naming the error; the others go on.
     *
     * @param spark the session
     * @param matrix the P&amp;L matrix, on the driver
     * @param searches the searches
     * @param setup what every search shares: size, objective, penalty, parameters, budget
     * @param partitions the number of tasks the searches are spread over
     * @return one row per search, in the order given
     */
    public static Dataset<Row> portfolioSearches(SparkSession spark, PnlMatrix matrix,
            List<PortfolioSearchTask> searches, PortfolioSetup setup, int partitions) {
        return SparkPortfolioSearches.run(spark, matrix, searches, setup, partitions);
    }

    /** A column by its exact name: feature names hold dots and parentheses, which {@code col} would parse. */
    static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
