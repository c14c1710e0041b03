package dev.quiver.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a Spark sweep as it travels to an executor: a built-in strategy's name and its parameter values as text
 * (the spec's values, overridden by one grid combination), bound to the strategy only there, so that a combination
 * the strategy rejects fails its own row, not the job.
 *
 * <p>Thread-safety: immutable.
 *
 * @param strategy the strategy's name, e.g. {@code sma_cross}
 * @param names the parameter names, in the strategy's order
 * @param values the values, as text, one per name
 */
record SweepTask(String strategy, List<String> names, List<String> values) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    SweepTask {
        names = List.copyOf(names);
        values = List.copyOf(values);
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " parameter names for " + values.size() + " values");
        }
    }

    /** The values by name, in order. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), values.get(i));
        }
        return map;
    }

    /** The label of a combination the strategy rejects, as {@code SweepPlan.Skipped} writes it. */
    String rejectedLabel() {
        return strategy + values;
    }
}
