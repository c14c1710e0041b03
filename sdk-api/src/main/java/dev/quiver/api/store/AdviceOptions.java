package dev.quiver.api.store;

import java.util.List;
import java.util.Objects;

/**
 * What an advisor cannot see in the data: the devices a table will be queried on and how it will be queried.
 *
 * <p>Thread-safety: immutable.
 *
 * @param gpus the GPUs that will query the table; 0 if unknown (advisors then assume one)
 * @param gpuMemoryBytes the memory of one GPU in bytes; 0 if unknown
 * @param joinKey the column the table is joined on, or empty: a GPU store may shard by it
 * @param rangeColumns the columns range predicates filter on, most used first; empty to let the advisor take the
 *     date or timestamp column
 */
public record AdviceOptions(int gpus, long gpuMemoryBytes, String joinKey, List<String> rangeColumns) {

    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public AdviceOptions {
        if (gpus < 0 || gpuMemoryBytes < 0) {
            throw new IllegalArgumentException("gpus (" + gpus + ") and gpuMemoryBytes (" + gpuMemoryBytes
                    + ") cannot be negative");
        }
        Objects.requireNonNull(joinKey, "joinKey");
        rangeColumns = List.copyOf(rangeColumns);
    }

    /** Nothing known beyond the data. */
    public static AdviceOptions defaults() {
        return new AdviceOptions(0, 0, "", List.of());
    }

    /** These options with the GPUs and the memory of each (0 if unknown). */
    public AdviceOptions withGpus(int count, long memoryBytes) {
        return new AdviceOptions(count, memoryBytes, joinKey, rangeColumns);
    }

    /** These options with a join key. */
    public AdviceOptions withJoinKey(String column) {
        return new AdviceOptions(gpus, gpuMemoryBytes, column, rangeColumns);
    }

    /** These options with the columns range predicates use, most used first. */
    public AdviceOptions withRangeColumns(String... columns) {
        return new AdviceOptions(gpus, gpuMemoryBytes, joinKey, List.of(columns));
    }
}
