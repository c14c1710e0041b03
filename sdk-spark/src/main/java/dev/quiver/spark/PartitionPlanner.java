package dev.quiver.spark;

import dev.quiver.api.feature.ExecutionContext;
import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.feature.ScratchMemory;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.features.execution.CpuExecutor;
import java.io.Serial;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The task of one {@link PlanPhases phase} of {@link QuiverSpark#features}: batches a partition's rows (sorted by
 * symbol and date; all rows of each of its symbols, or of each of its dates) into primitive columns, runs the phase's
 * kernels on them and hands the rows back with the phase's outputs appended.
 *
 * <p>A plan of one phase (time series only) runs through {@link FeaturePlan#compute(Panel)}, so the engine's device
 * choice applies; the phases of a plan with cross-sectional steps run on the {@link CpuExecutor}, the executor
 * {@code FeaturePlan.compute} uses on a host without a GPU, whose values do not depend on how the rows are grouped
 * as long as each group holds whole series (time series) or whole dates (cross-sections).
 *
 * <p>Thread-safety: Spark calls one instance per task; the engine and the compiled plans it shares are thread-safe.
 */
final class PartitionPlanner implements MapPartitionsFunction<Row, Row> {
    @Serial
    private static final long serialVersionUID = 2L;
    private static final CpuExecutor CPU = new CpuExecutor();
    /** The compiled plans of this JVM, by specs: an executor compiles each plan once, not once per task. */
    private static final Map<List<String>, Compiled> COMPILED = new ConcurrentHashMap<>();

    private final List<String> specs;
    private final int phase;
    private final List<String> rowColumns;

    /**
     * @param specs the plan's specs
     * @param phase the phase this task runs
     * @param rowColumns the names of the value columns that follow symbol and date in the incoming rows
     */
    PartitionPlanner(List<String> specs, int phase, List<String> rowColumns) {
        this.specs = List.copyOf(specs);
        this.phase = phase;
        this.rowColumns = List.copyOf(rowColumns);
    }

    /** One engine per JVM (driver or executor): its providers and column pool are built once. */
    static FeatureEngine engine() {
        return EngineHolder.ENGINE;
    }

    /** The plan of these specs and its phases, compiled once per JVM. */
    static Compiled compiled(List<String> specs) {
        return COMPILED.computeIfAbsent(List.copyOf(specs), s -> {
            FeaturePlan plan = engine().plan(s);
            return new Compiled(plan, PlanPhases.of(plan));
        });
    }

    /** A plan and its phases. */
    record Compiled(FeaturePlan plan, List<PlanPhases.Phase> phases) {
    }

    private static final class EngineHolder {
        static final FeatureEngine ENGINE = FeatureEngine.create();
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        // batch the partition into primitive columns: the rows are read once, in order, and dropped
        int width = rowColumns.size();
        int capacity = 1024;
        String[] symbols = new String[capacity];
        long[] dates = new long[capacity];
        double[][] values = new double[width][capacity];
        int n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (n == capacity) {
                capacity = Math.multiplyExact(capacity, 2);
                symbols = Arrays.copyOf(symbols, capacity);
                dates = Arrays.copyOf(dates, capacity);
                for (int c = 0; c < width; c++) {
                    values[c] = Arrays.copyOf(values[c], capacity);
                }
            }
            if (row.isNullAt(0) || row.isNullAt(1)) {
                throw new IllegalArgumentException("features on Spark: a row has a null symbol or date: " + row);
            }
            symbols[n] = row.getString(0);
            dates[n] = row.getLong(1);
            for (int c = 0; c < width; c++) {
                values[c][n] = row.isNullAt(2 + c) ? Double.NaN : row.getDouble(2 + c);
            }
            n++;
        }
        if (n == 0) {
            return Collections.emptyIterator();
        }
        Compiled compiled = compiled(specs);
        PlanPhases.Phase current = compiled.phases().get(phase);
        List<String> inputNames = current.plan().inputColumns();
        TableBuilder builder = TableBuilder.onHeap()
                .string(QuiverSpark.SYMBOL, Arrays.copyOf(symbols, n))
                .int64(QuiverSpark.DATE, Arrays.copyOf(dates, n));
        for (String name : inputNames) {
            builder.float64(name, Arrays.copyOf(values[rowColumns.indexOf(name)], n));
        }
        double[][] computed;
        try (Table table = builder.build()) {
            Panel panel = Panel.of(table, QuiverSpark.SYMBOL, QuiverSpark.DATE);
            computed = compiled.phases().size() == 1 ? compute(compiled.plan(), panel)
                    : compute(current.plan(), panel, table);
        }
        if (n < symbols.length) {
            // the arrays grew by doubling: keep only the rows, so the spare capacity can go
            symbols = Arrays.copyOf(symbols, n);
            dates = Arrays.copyOf(dates, n);
            for (int c = 0; c < width; c++) {
                values[c] = Arrays.copyOf(values[c], n);
            }
        }
        // the rows go back one at a time, made as Spark takes them: a partition's rows are never all objects at once
        int rowCount = n;
        String[] symbolColumn = symbols;
        long[] dateColumn = dates;
        double[][] valueColumns = values;
        return new Iterator<>() {
            private int r;

            @Override
            public boolean hasNext() {
                return r < rowCount;
            }

            @Override
            public Row next() {
                if (r >= rowCount) {
                    throw new java.util.NoSuchElementException();
                }
                Object[] cells = new Object[2 + width + computed.length];
                cells[0] = symbolColumn[r];
                cells[1] = dateColumn[r];
                for (int c = 0; c < width; c++) {
                    cells[2 + c] = valueColumns[c][r];
                }
                for (int j = 0; j < computed.length; j++) {
                    cells[2 + width + j] = computed[j][r];
                }
                r++;
                return RowFactory.create(cells);
            }
        };
    }

    /** A whole plan, through the engine (its device choice included). */
    private static double[][] compute(FeaturePlan plan, Panel panel) {
        int outputs = plan.columns().size();
        double[][] features = new double[outputs][];
        try (Table computed = plan.compute(panel)) {
            for (int j = 0; j < outputs; j++) {
                features[j] = ((Float64Column) computed.column(j)).toArray();
            }
        }
        return features;
    }

    /** One phase of a plan, on the CPU executor, with the engine's column pool as scratch memory. */
    private static double[][] compute(ExecutionPlan plan, Panel panel, Table table) {
        List<String> names = plan.inputColumns();
        MemorySegment[] inputs = new MemorySegment[names.size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = table.float64(names.get(i)).data();
        }
        long bytes = (long) panel.rowCount() * Double.BYTES;
        ScratchMemory memory = engine().memory();
        List<ScratchMemory.Lease> leases = new ArrayList<>();
        try {
            MemorySegment[] outputs = new MemorySegment[plan.outputs().size()];
            for (int j = 0; j < outputs.length; j++) {
                ScratchMemory.Lease lease = memory.lend(bytes);
                leases.add(lease);
                outputs[j] = lease.segment();
            }
            CPU.execute(plan, panel, inputs, outputs, new ExecutionContext(ForkJoinPool.commonPool(), memory));
            double[][] result = new double[outputs.length][];
            for (int j = 0; j < outputs.length; j++) {
                result[j] = outputs[j].toArray(ValueLayout.JAVA_DOUBLE);
            }
            return result;
        } finally {
            for (ScratchMemory.Lease lease : leases) {
                lease.close();
            }
        }
    }
}
