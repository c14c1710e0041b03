package dev.quiver.portfolio.search;

import java.util.Map;
import java.util.Objects;

/**
 * How one search runs: the seed, parameter overrides (by {@link OptimizerParameter#name()}), the budget, the
 * listener and the number of threads.
 *
 * <p>Thread-safety: immutable.
 *
 * @param seed the seed; the same seed gives the same portfolio whatever the thread count
 * @param parameters values that replace the algorithm's defaults
 * @param budget the evaluation and time limits
 * @param listener who hears the progress
 * @param threads the threads a parallel algorithm may use, ≥ 1
 */
public record SearchSettings(long seed, Map<String, Double> parameters, SearchBudget budget, SearchListener listener,
        int threads) {

    /** @throws IllegalArgumentException if {@code threads} is below 1 */
    public SearchSettings {
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(listener, "listener");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** Seed {@code seed}, the defaults, no budget, no listener, every core. */
    public static SearchSettings seed(long seed) {
        return new SearchSettings(seed, Map.of(), SearchBudget.UNLIMITED, SearchListener.NONE,
                Runtime.getRuntime().availableProcessors());
    }

    /** These settings with parameter overrides. */
    public SearchSettings withParameters(Map<String, Double> overrides) {
        return new SearchSettings(seed, overrides, budget, listener, threads);
    }

    /** These settings with a budget. */
    public SearchSettings withBudget(SearchBudget b) {
        return new SearchSettings(seed, parameters, b, listener, threads);
    }

    /** These settings with a listener. */
    public SearchSettings withListener(SearchListener l) {
        return new SearchSettings(seed, parameters, budget, l, threads);
    }

    /** These settings with a thread count. */
    public SearchSettings withThreads(int n) {
        return new SearchSettings(seed, parameters, budget, listener, n);
    }
}
