package dev.quiver.portfolio.search;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a search may run: a maximum number of fitness evaluations and a wall-clock limit, whichever comes first.
 * Algorithms check the budget between their steps (a generation, an iteration), so a search stops within one step
 * of it. An evaluation budget keeps a search reproducible; a time limit, by its nature, does not.
 *
 * <p>Thread-safety: immutable.
 *
 * @param maxEvaluations the most evaluations, or {@link Long#MAX_VALUE} for no limit
 * @param timeLimit the longest wall-clock time, or {@code null} for no limit
 */
public record SearchBudget(long maxEvaluations, Duration timeLimit) {
    /** No limit: each algorithm runs its configured number of steps. */
    public static final SearchBudget UNLIMITED = new SearchBudget(Long.MAX_VALUE, null);

    /** @throws IllegalArgumentException if a limit is not positive */
    public SearchBudget {
        if (maxEvaluations <= 0) {
            throw new IllegalArgumentException("the evaluation budget must be positive, not " + maxEvaluations);
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("the time limit must be positive, not " + timeLimit);
        }
    }

    /** This budget with at most {@code evaluations} evaluations. */
    public SearchBudget withMaxEvaluations(long evaluations) {
        return new SearchBudget(evaluations, timeLimit);
    }

    /** This budget with a time limit. */
    public SearchBudget withTimeLimit(Duration limit) {
        return new SearchBudget(maxEvaluations, Objects.requireNonNull(limit, "limit"));
    }
}
