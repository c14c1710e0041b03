package dev.quiver.spark;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.sweep.ParamGrid;
import dev.quiver.features.FeaturePlan;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.search.SearchResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark engine of the {@code quiver} application ({@code --engine spark}): a Spark session and the three
 * workloads of {@link QuiverSpark}, with Quiver types in and out, so that the application reads and writes its files
 * with Quiver's own readers and writers (CSV, Parquet, Arrow) and compiles without Spark. The data pass through the
 * driver: this is for a panel that one machine can read, computed on a Spark master; a cluster-sized panel is read
 * by Spark itself ({@code spark.read().parquet(...)}) and given to {@link QuiverSpark}.
 *
 * <p>Thread-safety: one engine serves one command; not for concurrent use.
 */
public final class SparkEngine implements AutoCloseable {
    private final SparkSession spark;

    private SparkEngine(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Starts (or joins) a Spark session on a master ({@code local[2]}, {@code spark://host:7077}, {@code yarn}).
     *
     * @throws NoClassDefFoundError if Spark's jars are not on the class path
     */
    public static SparkEngine start(String master, String appName) {
        SparkSession session = SparkSession.builder().master(Objects.requireNonNull(master, "master"))
                .appName(appName).config("spark.ui.enabled", "false").getOrCreate();
        return new SparkEngine(session);
    }

    /**
     * The partitions a command uses by default: twice the master's task slots ({@code defaultParallelism}), enough
     * to balance the work and far fewer than Spark's 200 shuffle partitions, which suit large data, not a panel
     * that one machine reads.
     */
    public int defaultPartitions() {
        return Math.max(1, 2 * spark.sparkContext().defaultParallelism());
    }

    /**
     * Computes a feature plan on Spark over a panel: one array per {@link FeaturePlan#columns() output column},
     * row {@code r} of the panel at index {@code r}, equal bit for bit to {@link FeaturePlan#compute(Panel)}.
     *
     * @param panel the panel (its symbol column, or one series); the plan's inputs must be numeric columns of it
     * @throws IllegalArgumentException if the specs are invalid or an input column is missing or not numeric
     */
    public double[][] features(Panel panel, List<String> specs, int partitions) {
        FeaturePlan plan = PartitionPlanner.compiled(specs).plan();
        Table table = panel.table();
        List<String> inputs = plan.inputColumns();
        double[][] in = new double[inputs.size()][];
        for (int c = 0; c < in.length; c++) {
            in[c] = numeric(table, inputs.get(c));
        }
        Int64Column time = table.int64(panel.timeColumn());
        int rows = panel.rowCount();
        List<Row> data = new ArrayList<>(rows);
        for (int s = 0; s < panel.symbolCount(); s++) {
            String symbol = panel.symbol(s);
            for (int r = panel.seriesStart(s); r < panel.seriesEnd(s); r++) {
                Object[] cells = new Object[2 + in.length];
                cells[0] = symbol;
                cells[1] = time.get(r);
                for (int c = 0; c < in.length; c++) {
                    cells[2 + c] = in[c][r];
                }
                data.add(RowFactory.create(cells));
            }
        }
        StructType schema = new StructType().add(QuiverSpark.SYMBOL, DataTypes.StringType, false)
                .add(QuiverSpark.DATE, DataTypes.LongType, false);
        for (String input : inputs) {
            schema = schema.add(input, DataTypes.DoubleType, true);
        }
        Dataset<Row> frame = spark.createDataFrame(data, schema);
        Dataset<Row> out = QuiverSpark.features(frame, String.join(", ", specs), QuiverSpark.SYMBOL,
                QuiverSpark.DATE, partitions);
        Map<String, Integer> symbolIndex = new HashMap<>();
        for (int s = 0; s < panel.symbolCount(); s++) {
            symbolIndex.put(panel.symbol(s), s);
        }
        int outputs = plan.columns().size();
        double[][] features = new double[outputs][rows];
        int first = 2 + inputs.size();
        long seen = 0;
        // one job for all partitions (toLocalIterator would run one per partition, in turn)
        for (Row row : out.collectAsList()) {
            int s = symbolIndex.get(row.getString(0));
            int r = rowOf(panel, time, s, row.getLong(1));
            for (int j = 0; j < outputs; j++) {
                features[j][r] = row.getDouble(first + j);
            }
            seen++;
        }
        if (seen != rows) {
            throw new IllegalStateException("Spark returned " + seen + " rows for a panel of " + rows);
        }
        return features;
    }

    private static double[] numeric(Table table, String name) {
        Column column = table.schema().contains(name) ? table.column(name) : null;
        if (column == null) {
            for (Column c : table.columns()) {
                if (c.name().equalsIgnoreCase(name)) {
                    column = c;
                }
            }
        }
        if (column == null) {
            throw new IllegalArgumentException("no input column '" + name + "' in the panel; its columns are "
                    + table.schema().names());
        }
        return switch (column) {
            case Float64Column f -> f.toArray();
            case Int64Column i -> {
                double[] values = new double[i.size()];
                for (int r = 0; r < values.length; r++) {
                    long v = i.get(r);
                    values[r] = v == Int64Column.MISSING ? Double.NaN : (double) v;
                }
                yield values;
            }
            default -> throw new IllegalArgumentException("input column '" + column.name() + "' is "
                    + column.type() + "; features on Spark read numeric columns");
        };
    }

    private static int rowOf(Panel panel, Int64Column time, int s, long t) {
        int lo = panel.seriesStart(s);
        int hi = panel.seriesEnd(s) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = time.get(mid);
            if (v < t) {
                lo = mid + 1;
            } else if (v > t) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("Spark returned a row of " + panel.symbol(s) + " at " + t
                + " that the panel does not have");
    }

    /**
     * Runs a sweep on Spark ({@link QuiverSpark#sweep}) and hands its rows back as a Quiver table with the columns
     * of {@code sweep.csv}, sorted by a metric (rows without a value last), ready to write with Quiver's writers.
     */
    public Table sweep(Panel bars, List<String> strategies, ParamGrid grid, BacktestSetup setup, int partitions,
                       String sortMetric, boolean descending) {
        Dataset<Row> rows = QuiverSpark.sweep(spark, bars, strategies, grid, setup, partitions);
        org.apache.spark.sql.Column key = QuiverSpark.column(sortMetric);
        return toTable(rows.orderBy(descending ? key.desc_nulls_last() : key.asc_nulls_last()));
    }

    /**
     * Runs portfolio searches on Spark ({@link QuiverSpark#portfolioSearches}), each over the whole matrix, and
     * hands their results back as the single-JVM search gives them (members index the matrix).
     *
     * @throws IllegalArgumentException naming the search and its error if one failed
     */
    public List<SearchResult> portfolioSearches(PnlMatrix matrix, List<PortfolioSearchTask> searches,
                                                PortfolioSetup setup, int partitions) {
        List<Row> rows = QuiverSpark.portfolioSearches(spark, matrix, searches, setup, partitions).collectAsList();
        Map<String, Integer> index = matrix.indexByName();
        List<SearchResult> results = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (!"ok".equals(row.getAs("status"))) {
                throw new IllegalArgumentException("portfolio search " + row.getAs("search") + ": "
                        + row.getAs("error"));
            }
            List<String> names = row.getList(row.fieldIndex("strategies"));
            int[] members = new int[names.size()];
            for (int i = 0; i < members.length; i++) {
                members[i] = index.get(names.get(i));
            }
            List<Long> evaluations = row.getList(row.fieldIndex("history_evaluations"));
            List<Double> best = row.getList(row.fieldIndex("history_best"));
            List<SearchResult.Point> history = new ArrayList<>(evaluations.size());
            for (int i = 0; i < evaluations.size(); i++) {
                history.add(new SearchResult.Point(evaluations.get(i), best.get(i)));
            }
            Double fitness = row.getAs("fitness");
            results.add(new SearchResult(row.getAs("algorithm"), row.<Long>getAs("seed"), members,
                    fitness == null ? Double.NaN : fitness, row.<Long>getAs("evaluations"),
                    row.<Double>getAs("seconds"), history));
        }
        return results;
    }

    /** Rows of strings and doubles as a Quiver table: a null is a missing value (NaN, or a missing string). */
    static Table toTable(Dataset<Row> rows) {
        StructType schema = rows.schema();
        List<Row> all = rows.collectAsList();
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < schema.fields().length; c++) {
            StructField field = schema.fields()[c];
            DataType type = field.dataType();
            if (type.equals(DataTypes.DoubleType)) {
                double[] values = new double[all.size()];
                Arrays.fill(values, Double.NaN);
                for (int r = 0; r < values.length; r++) {
                    if (!all.get(r).isNullAt(c)) {
                        values[r] = all.get(r).getDouble(c);
                    }
                }
                columns.add(Float64Column.wrap(field.name(), values));
            } else if (type.equals(DataTypes.StringType)) {
                String[] values = new String[all.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = all.get(r).isNullAt(c) ? null : all.get(r).getString(c);
                }
                columns.add(StringColumn.encode(field.name(), values));
            } else {
                throw new IllegalArgumentException("column '" + field.name() + "' is " + type
                        + "; a table takes strings and doubles here");
            }
        }
        return Table.of(columns);
    }

    /** Stops the session. */
    @Override
    public void close() {
        spark.stop();
    }
}
