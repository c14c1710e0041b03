package dev.quiver.spark;

import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.search.Optimizers;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.PortfolioSearch;
import dev.quiver.portfolio.search.SearchResult;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * {@link QuiverSpark#portfolioSearches}: one Spark task per (universe, algorithm, seed) search over a P&amp;L matrix
 * broadcast once; each task runs {@link PortfolioSearch#run} on one thread, as {@code quiver portfolio} would for that
 * universe, and a search that fails (an unknown algorithm, a bad parameter, a universe smaller than the size) is a
 * {@code failed} row naming the error.
 *
 * <p>Thread-safety: stateless.
 */
final class SparkPortfolioSearches {
    /** The result columns; the figures are named as in {@code portfolio.json}. */
    static final StructType SCHEMA = new StructType()
            .add("search", DataTypes.StringType, false)
            .add("algorithm", DataTypes.StringType, false)
            .add("seed", DataTypes.LongType, false)
            .add("status", DataTypes.StringType, false)
            .add("size", DataTypes.IntegerType, false)
            .add("objective", DataTypes.StringType, false)
            .add("strategies", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("fitness", DataTypes.DoubleType, true)
            .add("score", DataTypes.DoubleType, true)
            .add("roi", DataTypes.DoubleType, true)
            .add("max_drawdown", DataTypes.DoubleType, true)
            .add("mean_correlation", DataTypes.DoubleType, true)
            .add("correlation_penalty", DataTypes.DoubleType, false)
            .add("evaluations", DataTypes.LongType, true)
            .add("seconds", DataTypes.DoubleType, true)
            .add("error", DataTypes.StringType, true)
            // the convergence curve (SearchResult.history): evaluations and best fitness after each improvement
            .add("history_evaluations", DataTypes.createArrayType(DataTypes.LongType, false), true)
            .add("history_best", DataTypes.createArrayType(DataTypes.DoubleType, false), true);

    private SparkPortfolioSearches() {
    }

    static Dataset<Row> run(SparkSession spark, PnlMatrix matrix, List<PortfolioSearchTask> searches,
                            PortfolioSetup setup, int partitions) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(setup, "setup");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Matrix> broadcast = context.broadcast(new Matrix(matrix));
        JavaRDD<Row> rows = context.parallelize(List.copyOf(searches),
                        Math.min(partitions, Math.max(1, searches.size())))
                .mapPartitions(new Partition(broadcast, setup));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * A P&amp;L matrix as Spark broadcasts it: its names, dates and values; rebuilt once per executor JVM.
     *
     * <p>Thread-safety: immutable once built; {@link #matrix()} is safe to call from several tasks.
     */
    static final class Matrix implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private static Object[] last; // {id, PnlMatrix}: the tasks of one JVM share the rebuilt matrix

        private final String id = java.util.UUID.randomUUID().toString();
        private final ArrayList<String> names;
        private final long[] dates;
        private final double[] values;

        Matrix(PnlMatrix matrix) {
            this.names = new ArrayList<>(matrix.names());
            this.dates = matrix.dates();
            this.values = matrix.values();
        }

        PnlMatrix matrix() {
            synchronized (Matrix.class) {
                if (last == null || !last[0].equals(id)) {
                    last = new Object[] {id, PnlMatrix.of(names, dates, values)};
                }
                return (PnlMatrix) last[1];
            }
        }
    }

    /**
     * The searches of one partition, one after another.
     *
     * <p>Thread-safety: Spark calls one instance per task.
     */
    private static final class Partition implements FlatMapFunction<Iterator<PortfolioSearchTask>, Row> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final Broadcast<Matrix> matrix;
        private final PortfolioSetup setup;

        Partition(Broadcast<Matrix> matrix, PortfolioSetup setup) {
            this.matrix = matrix;
            this.setup = setup;
        }

        @Override
        public Iterator<Row> call(Iterator<PortfolioSearchTask> searches) {
            PnlMatrix all = matrix.value().matrix();
            List<Row> out = new ArrayList<>();
            while (searches.hasNext()) {
                out.add(search(all, searches.next()));
            }
            return out.iterator();
        }

        private Row search(PnlMatrix all, PortfolioSearchTask task) {
            try {
                PnlMatrix universe = universe(all, task.universe());
                PortfolioProblem problem = setup.problem(universe);
                SearchResult result = PortfolioSearch.run(problem, Optimizers.get(task.algorithm()),
                        setup.settings(task.algorithm(), task.seed()));
                int[] members = result.members();
                String[] names = new String[members.length];
                for (int i = 0; i < members.length; i++) {
                    names[i] = universe.name(members[i]);
                }
                PortfolioProblem.Evaluation e = problem.evaluate(members);
                List<SearchResult.Point> history = result.history();
                Long[] evaluations = new Long[history.size()];
                Double[] best = new Double[history.size()];
                for (int i = 0; i < evaluations.length; i++) {
                    evaluations[i] = history.get(i).evaluations();
                    best[i] = history.get(i).best();
                }
                return RowFactory.create(task.name(), result.algorithm(), task.seed(), "ok", setup.size(),
                        problem.objective().name(), names, finite(e.fitness()), finite(e.score()),
                        finite(e.roi()), finite(e.maxDrawdown()), finite(e.meanCorrelation()),
                        setup.correlationPenalty(), result.evaluations(), result.seconds(), null, evaluations,
                        best);
            } catch (RuntimeException e) {
                // one search's failure is its row; the other searches go on
                return RowFactory.create(task.name(), task.algorithm(), task.seed(), "failed", setup.size(),
                        setup.objective(), null, null, null, null, null, null, setup.correlationPenalty(), null,
                        null, e.getClass().getSimpleName() + ": " + e.getMessage(), null, null);
            }
        }

        private static PnlMatrix universe(PnlMatrix all, List<String> names) {
            if (names.isEmpty()) {
                return all;
            }
            Map<String, Integer> index = all.indexByName();
            int[] selected = new int[names.size()];
            for (int i = 0; i < selected.length; i++) {
                Integer s = index.get(names.get(i));
                if (s == null) {
                    throw new IllegalArgumentException("the universe names '" + names.get(i) + "', which is not a "
                            + "strategy of the matrix");
                }
                selected[i] = s;
            }
            return all.select(selected);
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }
}
