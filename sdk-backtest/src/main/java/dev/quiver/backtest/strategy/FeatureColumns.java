package dev.quiver.backtest.strategy;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.features.FeaturePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The columns of a feature plan computed over a backtest's panel, for strategies to read bar by bar:
 * {@code value(column, bar)} is the plan's value at the bar's row ({@link Bar#row()}). The plan runs once, before the
 * backtest, on the whole panel (sdk-features' batch kernels, each causal: a value at row {@code r} depends on rows up
 * to {@code r} of its symbol only, or for cross-sectional operators on the symbols' rows of that date), and its
 * columns are copied to the heap, so the off-heap result is freed at once and any number of runs share the arrays.
 *
 * <pre>{@code
 * FeatureColumns f = FeatureColumns.compute(engine.plan("sma(20)", "xs_rank(roc(close,20))"), panel);
 * int rank = f.column("xs_rank(roc(close,20))");
 * // in onBar: double r = f.value(rank, bar);
 * }</pre>
 *
 * <p>Thread-safety: immutable after {@link #compute}; safe to read from any number of runs at once.
 */
public final class FeatureColumns {
    private final List<String> names;
    private final double[][] values;
    private final int rows;

    private FeatureColumns(List<String> names, double[][] values, int rows) {
        this.names = List.copyOf(names);
        this.values = values;
        this.rows = rows;
    }

    /**
     * Computes the plan over the panel and keeps its {@code FLOAT64} columns.
     *
     * @throws IllegalArgumentException if the plan cannot run on the panel (a missing input column)
     */
    public static FeatureColumns compute(FeaturePlan plan, Panel panel) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(panel, "panel");
        try (Table t = plan.compute(panel)) {
            List<String> names = new ArrayList<>();
            List<double[]> columns = new ArrayList<>();
            for (Column c : t.columns()) {
                if (c instanceof Float64Column f) {
                    names.add(c.name());
                    columns.add(f.toArray());
                }
            }
            return new FeatureColumns(names, columns.toArray(double[][]::new), panel.rowCount());
        }
    }

    /** The column names, in the plan's order. */
    public List<String> names() {
        return names;
    }

    /**
     * The index of a column, for {@link #value}.
     *
     * @throws IllegalArgumentException if there is no such column (the message lists them)
     */
    public int column(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no feature column '" + name + "'; the plan computes " + names);
        }
        return i;
    }

    /**
     * Column {@code column}'s value at the bar's row.
     *
     * @throws IllegalStateException if the bar has no row (a live feed) or is not a row of the panel computed
     */
    public double value(int column, Bar bar) {
        int r = bar.row();
        if (r < 0 || r >= rows) {
            throw new IllegalStateException("bar " + bar + " has row " + r + "; features from a plan need the bars of"
                    + " the panel they were computed on (" + rows + " rows)");
        }
        return values[column][r];
    }
}
