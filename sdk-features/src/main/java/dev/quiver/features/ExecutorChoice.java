package dev.quiver.features;

import dev.quiver.api.feature.PlanExecutor;
import java.util.Objects;

/**
 * The executor a plan would run on over a panel, and why: what {@code quiver features} prints before computing.
 *
 * <p>Thread-safety: immutable.
 *
 * @param executor the executor
 * @param reason one plain sentence: why this one, and why not a preferred one ("no GPU executor is installed",
 *     "cuda: the plan's 5,000 rows are below the 2,000,000 at which the GPU pays for its transfers"); empty when the
 *     most preferred executor took the plan
 */
public record ExecutorChoice(PlanExecutor executor, String reason) {
    /** Checks the parts. */
    public ExecutorChoice {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return executor.name() + " (" + executor.device() + ")" + (reason.isEmpty() ? "" : ": " + reason);
    }
}
