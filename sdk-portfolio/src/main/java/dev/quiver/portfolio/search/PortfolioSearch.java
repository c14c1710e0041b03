package dev.quiver.portfolio.search;

import java.util.concurrent.ForkJoinPool;

/**
 * Runs a {@link PortfolioOptimizer} on a {@link PortfolioProblem}:
 * <pre>{@code
 * PortfolioProblem problem = PortfolioProblem.builder(PnlMatrix.read(file)).size(35).build();
 * SearchResult r = PortfolioSearch.run(problem, Optimizers.get("genetic"), SearchSettings.seed(42));
 * PortfolioProblem.Evaluation e = problem.evaluate(r.members());
 * }</pre>
 * The result's portfolio is the best valid one any candidate of the search reached, checked against the problem;
 * its fitness is recomputed from scratch (incremental updates may differ from it in the last bits).
 *
 * <p>Thread-safety: stateless; searches may run at once from several threads.
 */
public final class PortfolioSearch {
    private PortfolioSearch() {
    }

    /**
     * Runs one search.
     *
     * @throws IllegalArgumentException if a parameter is unknown or out of range
     * @throws IllegalStateException if the algorithm reached no valid portfolio (a bug in it)
     */
    public static SearchResult run(PortfolioProblem problem, PortfolioOptimizer optimizer, SearchSettings settings) {
        ForkJoinPool pool = settings.threads() > 1 ? new ForkJoinPool(settings.threads()) : null;
        try {
            SearchContext context = new SearchContext(problem, optimizer, settings, pool);
            settings.listener().onStart(optimizer.name(), optimizer.expectedEvaluations(context));
            optimizer.search(context);
            int[] best = context.best();
            if (best == null || !problem.isValid(best)) {
                throw new IllegalStateException("the '" + optimizer.name() + "' search "
                        + (best == null ? "scored no portfolio" : "ended on an invalid portfolio"));
            }
            SearchResult result = new SearchResult(optimizer.name(), settings.seed(), best,
                    problem.evaluate(best).fitness(), context.evaluations(), context.seconds(), context.history());
            settings.listener().onFinish(optimizer.name(), result);
            return result;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }
}
