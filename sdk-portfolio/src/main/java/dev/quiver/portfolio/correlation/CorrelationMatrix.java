package dev.quiver.portfolio.correlation;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The N × N Pearson correlation matrix of some strategies: row-major values, the strategies' indices in their
 * matrix and their names. The diagonal is 1, or 0 for a strategy with zero variance (whose correlation with every
 * other is 0 too); values are clamped to [−1, 1] against rounding.
 *
 * <p>Thread-safety: immutable (the values array is not exposed).
 */
public final class CorrelationMatrix {
    private final int[] strategies;
    private final List<String> names;
    private final double[] values;

    CorrelationMatrix(int[] strategies, List<String> names, double[] values) {
        this.strategies = strategies.clone();
        this.names = List.copyOf(names);
        this.values = values;
    }

    /** The number of strategies, N. */
    public int size() {
        return strategies.length;
    }

    /** Strategy {@code i}'s index in the matrix it came from. */
    public int strategy(int i) {
        return strategies[i];
    }

    /** The strategies' names, in order. */
    public List<String> names() {
        return names;
    }

    /** The correlation of strategies {@code i} and {@code j} (positions in this matrix). */
    public double get(int i, int j) {
        Objects.checkIndex(i, strategies.length);
        return values[i * strategies.length + Objects.checkIndex(j, strategies.length)];
    }

    /** The values, row-major, a copy. */
    public double[] values() {
        return values.clone();
    }

    /**
     * The matrix as a table: a first column {@code strategy} (the names) and one float64 column per strategy, named
     * by it; what {@code quiver correlate} writes (CSV quotes names that need it).
     */
    public Table toTable() {
        int n = strategies.length;
        String first = names.contains("strategy") ? "strategy_name" : "strategy";
        List<Column> columns = new ArrayList<>(n + 1);
        columns.add(StringColumn.encode(first, names.toArray(String[]::new)));
        for (int j = 0; j < n; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = values[i * n + j];
            }
            columns.add(Float64Column.wrap(names.get(j), col));
        }
        return Table.of(columns);
    }
}
