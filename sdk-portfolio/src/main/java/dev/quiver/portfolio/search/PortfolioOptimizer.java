package dev.quiver.portfolio.search;

import dev.quiver.api.provider.QuiverProvider;
import java.util.List;

/**
 * A portfolio search algorithm: the SPI a plugin author implements to add one. Register the class with
 * {@code provides dev.quiver.portfolio.search.PortfolioOptimizer with ...} in {@code module-info.java} and in
 * {@code META-INF/services/dev.quiver.portfolio.search.PortfolioOptimizer}; {@link Optimizers} finds it and
 * {@code quiver portfolio --algorithm NAME} runs it.
 *
 * <p>An algorithm works through its {@link SearchContext}: it reads its parameters there
 * ({@link SearchContext#parameter}), draws its randomness from {@link SearchContext#random(long)} streams,
 * builds portfolios with {@link PortfolioProblem#decode} or {@link PortfolioProblem#random} and scores them with
 * {@link Candidate}s (incrementally where it swaps one strategy), checks {@link SearchContext#exhausted()} between
 * its steps and reports each step with {@link SearchContext#step()}. It returns nothing: the context keeps the best
 * valid portfolio any candidate reached, so an algorithm cannot report a portfolio it did not score.
 *
 * <p>Reproducibility: the same seed must give the same answer whatever {@link SearchContext#threads()} is. Draw
 * the randomness of each parallel task from a stream numbered by the task (generation and individual), never from
 * one generator shared by threads, and combine parallel results in task order.
 *
 * <p>Thread-safety: implementations must be stateless or immutable (one instance serves every search, possibly
 * several at once); a search's state lives in its own locals.
 */
public interface PortfolioOptimizer extends QuiverProvider {
    /** The algorithm's tuning parameters with their defaults, in the order the docs list them. */
    List<OptimizerParameter> parameters();

    /**
     * About how many evaluations a search at these parameters makes (for the progress bar); the budget may stop
     * it earlier.
     */
    long expectedEvaluations(SearchContext context);

    /** Runs the search until its own end or the context's budget. */
    void search(SearchContext context);

    /** Built-in algorithms share one priority; names, not priorities, choose among optimizers. */
    @Override
    default int priority() {
        return 0;
    }
}
