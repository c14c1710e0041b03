package dev.quiver.portfolio.search.algorithms;

import dev.quiver.portfolio.search.Candidate;
import dev.quiver.portfolio.search.OptimizerParameter;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchContext;
import java.util.List;

/**
 * {@code random_search}: scores {@code samples} valid portfolios drawn at random
 * ({@link PortfolioProblem#random}) and keeps the best: the baseline every other algorithm must beat.
 *
 * <p>Parameters: {@code samples} (default 1000), the number of portfolios drawn. Sample {@code i} is drawn from
 * random stream {@code i}, so the portfolios do not depend on the thread count. The samples are scored in steps of
 * {@value #STEP} (in parallel within a step); the budget is checked between steps.
 *
 * <p>Thread-safety: stateless and thread-safe; one instance serves concurrent searches.
 */
public final class RandomSearch implements PortfolioOptimizer {
    static final int STEP = 64;

    /** The provider (ServiceLoader's constructor). */
    public RandomSearch() {
    }

    @Override
    public String name() {
        return "random_search";
    }

    @Override
    public String description() {
        return "random search: the best of many random valid portfolios (the baseline)";
    }

    @Override
    public List<OptimizerParameter> parameters() {
        return List.of(new OptimizerParameter("samples", 1000, "random valid portfolios scored"));
    }

    @Override
    public long expectedEvaluations(SearchContext context) {
        return context.intParameter("samples", 1);
    }

    @Override
    public void search(SearchContext context) {
        int samples = context.intParameter("samples", 1);
        PortfolioProblem problem = context.problem();
        Candidate[] candidates = new Candidate[Math.min(STEP, samples)];
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = context.newCandidate();
        }
        for (int start = 0; start < samples && !context.exhausted(); start += STEP) {
            int from = start;
            int count = Math.min(STEP, samples - start);
            context.parallel(count, i -> candidates[i].set(problem.random(context.random(from + i))));
            context.step();
        }
    }
}
