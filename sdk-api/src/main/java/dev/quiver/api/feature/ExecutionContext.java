package dev.quiver.api.feature;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * What the planner lends a {@link PlanExecutor} for one call: threads for host-side work and reusable host scratch
 * memory.
 *
 * <p>Thread-safety: immutable; both parts are safe to use from any thread.
 *
 * @param pool the pool to run host-side tasks on; its parallelism is the thread budget (1: compute on the calling
 *     thread)
 * @param scratch host scratch columns, recycled across calls
 */
public record ExecutionContext(ForkJoinPool pool, ScratchMemory scratch) {
    /** Checks the parts. */
    public ExecutionContext {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(scratch, "scratch");
    }
}
