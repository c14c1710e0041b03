package dev.quiver.spark;

import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The task of {@link QuiverSpark#features}: batches one partition's rows (sorted by symbol and date) into primitive
 * columns, runs the feature plan on them and hands the rows back with the features appended.
 *
 * <p>Thread-safety: Spark calls one instance per task; the engine it shares is thread-safe.
 */
final class PartitionPlanner implements MapPartitionsFunction<Row, Row> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> specs;
    private final int inputCount;

    PartitionPlanner(List<String> specs, int inputCount) {
        this.specs = List.copyOf(specs);
        this.inputCount = inputCount;
    }

    /** One engine per JVM (driver or executor): its providers and column pool are built once. */
    static FeatureEngine engine() {
        return EngineHolder.ENGINE;
    }

    private static final class EngineHolder {
        static final FeatureEngine ENGINE = FeatureEngine.create();
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        // batch the partition into primitive columns: the rows are read once, in order, and dropped
        int capacity = 1024;
        String[] symbols = new String[capacity];
        long[] dates = new long[capacity];
        double[][] inputs = new double[inputCount][capacity];
        int n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (n == capacity) {
                capacity = Math.multiplyExact(capacity, 2);
                symbols = Arrays.copyOf(symbols, capacity);
                dates = Arrays.copyOf(dates, capacity);
                for (int c = 0; c < inputCount; c++) {
                    inputs[c] = Arrays.copyOf(inputs[c], capacity);
                }
            }
            if (row.isNullAt(0) || row.isNullAt(1)) {
                throw new IllegalArgumentException("features on Spark: a row has a null symbol or date: " + row);
            }
            symbols[n] = row.getString(0);
            dates[n] = row.getLong(1);
            for (int c = 0; c < inputCount; c++) {
                inputs[c][n] = row.isNullAt(2 + c) ? Double.NaN : row.getDouble(2 + c);
            }
            n++;
        }
        if (n == 0) {
            return Collections.emptyIterator();
        }
        FeaturePlan plan = engine().plan(specs);
        List<String> inputNames = plan.inputColumns();
        TableBuilder builder = TableBuilder.onHeap()
                .string(QuiverSpark.SYMBOL, Arrays.copyOf(symbols, n))
                .int64(QuiverSpark.DATE, Arrays.copyOf(dates, n));
        for (int c = 0; c < inputCount; c++) {
            builder.float64(inputNames.get(c), Arrays.copyOf(inputs[c], n));
        }
        int outputs = plan.columns().size();
        double[][] features = new double[outputs][];
        try (Table table = builder.build(); Table computed = plan.compute(Panel.of(table, QuiverSpark.SYMBOL,
                QuiverSpark.DATE))) {
            for (int j = 0; j < outputs; j++) {
                features[j] = ((Float64Column) computed.column(j)).toArray();
            }
        }
        List<Row> out = new ArrayList<>(n);
        int width = 2 + inputCount + outputs;
        for (int r = 0; r < n; r++) {
            Object[] values = new Object[width];
            values[0] = symbols[r];
            values[1] = dates[r];
            for (int c = 0; c < inputCount; c++) {
                values[2 + c] = inputs[c][r];
            }
            for (int j = 0; j < outputs; j++) {
                values[2 + inputCount + j] = features[j][r];
            }
            out.add(RowFactory.create(values));
        }
        return out.iterator();
    }
}
