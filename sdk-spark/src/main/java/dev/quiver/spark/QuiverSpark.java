package dev.quiver.spark;

import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Quiver's feature plans on Spark DataFrames: the same kernels, the same values, bit for bit, as
 * {@link FeaturePlan#compute(dev.quiver.api.table.Panel)} in one JVM.
 *
 * <p>A long panel (one row per symbol and date) is repartitioned by symbol and sorted within each partition by
 * (symbol, date); each partition's rows are batched into primitive columns, a {@link dev.quiver.api.table.Panel} of
 * its symbols is built, and the plan runs on it with the SIMD kernels. Time-series operators read only their own
 * symbol's series, so a partition holding any subset of the symbols computes the same values as the whole panel.
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
     * then one double column per feature output, named and ordered as {@link FeaturePlan#columns()}, sorted by
     * (symbol, date) within each partition.
     *
     * @param longPanel one row per (symbol, date); the plan's input columns must be numeric (a null reads, and is
     *     written back, as the missing value NaN)
     * @param features a comma-separated feature specification, as {@code quiver features --features}
     * @param symbolColumn the symbol column (string)
     * @param dateColumn the date column (long, strictly increasing within a symbol)
     * @param partitions the number of partitions to spread symbols over (more than the symbols is allowed: some
     *     stay empty)
     * @return a lazy Dataset; Spark computes it when an action runs
     * @throws IllegalArgumentException if the specification is invalid, a column is missing, or the plan holds a
     *     cross-sectional operator (see docs/spark.md)
     */
    public static Dataset<Row> features(Dataset<Row> longPanel, String features, String symbolColumn,
            String dateColumn, int partitions) {
        Objects.requireNonNull(longPanel, "longPanel");
        Objects.requireNonNull(features, "features");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        List<String> specs = FeatureEngine.splitSpecs(features);
        FeaturePlan plan = PartitionPlanner.engine().plan(specs);
        List<String> crossSectional = new ArrayList<>();
        for (ExecutionPlan.Step step : plan.execution().steps()) {
            if (step.crossSectional()) {
                crossSectional.add(step.kernel().toString());
            }
        }
        if (!crossSectional.isEmpty()) {
            throw new IllegalArgumentException("features on Spark: the plan holds cross-sectional operators "
                    + crossSectional + ", which need every symbol of a date together; this version runs "
                    + "time-series plans only (compute the cross-sectional step in one JVM, see docs/spark.md)");
        }
        List<String> fieldNames = List.of(longPanel.schema().fieldNames());
        List<String> inputs = plan.inputColumns();
        for (String name : concat(List.of(symbolColumn, dateColumn), inputs)) {
            if (!fieldNames.contains(name)) {
                throw new IllegalArgumentException("features on Spark: the DataFrame has no column '" + name
                        + "' (it has " + fieldNames + ")");
            }
        }
        List<Column> select = new ArrayList<>();
        select.add(functions.col(symbolColumn).cast(DataTypes.StringType));
        select.add(functions.col(dateColumn).cast(DataTypes.LongType));
        for (String input : inputs) {
            select.add(functions.col(input).cast(DataTypes.DoubleType));
        }
        StructType outSchema = new StructType()
                .add(symbolColumn, DataTypes.StringType, false)
                .add(dateColumn, DataTypes.LongType, false);
        for (String input : inputs) {
            outSchema = outSchema.add(new StructField(input, DataTypes.DoubleType, true,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        for (String column : plan.columns()) {
            outSchema = outSchema.add(column, DataTypes.DoubleType, false);
        }
        MapPartitionsFunction<Row, Row> compute = new PartitionPlanner(specs, inputs.size());
        return longPanel.select(select.toArray(Column[]::new))
                .repartition(partitions, functions.col(symbolColumn))
                .sortWithinPartitions(symbolColumn, dateColumn)
                .mapPartitions(compute, Encoders.row(outSchema));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
