package dev.quiver.spark;

import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.objective.Objective;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchBudget;
import dev.quiver.portfolio.search.SearchListener;
import dev.quiver.portfolio.search.SearchSettings;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every search of {@link QuiverSpark#portfolioSearches} shares, as {@code quiver portfolio}'s options give it:
 * the portfolio size, the objective, the correlation penalty and cap, algorithm parameters and the evaluation budget.
 * Zones are not part of it (a zone file maps a whole matrix, not each universe).
 *
 * <p>Thread-safety: immutable.
 *
 * @param size the strategies in each portfolio
 * @param objective the objective's name ({@code ratio}, {@code sharpe}, ...)
 * @param correlationPenalty w in objective × (1 − w × mean pairwise correlation)
 * @param maxCorrelation no two chosen strategies may correlate above it; {@code NaN} for no cap
 * @param parameters algorithm parameter overrides, by algorithm name then parameter name
 * @param maxEvaluations each search's evaluation budget ({@link Long#MAX_VALUE}: none)
 */
public record PortfolioSetup(int size, String objective, double correlationPenalty, double maxCorrelation,
        Map<String, Map<String, Double>> parameters, long maxEvaluations) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @throws IllegalArgumentException if the size or the budget is below 1, or the objective is unknown
     */
    public PortfolioSetup {
        if (size < 1) {
            throw new IllegalArgumentException("the portfolio size must be at least 1, not " + size);
        }
        Objective.byName(Objects.requireNonNull(objective, "objective"));
        Map<String, Map<String, Double>> copy = new HashMap<>();
        parameters.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        parameters = Map.copyOf(copy);
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("the evaluation budget must be at least 1, not " + maxEvaluations);
        }
    }

    /** {@code quiver portfolio}'s defaults for portfolios of {@code size}: ratio, w = 0.1, no cap, no budget. */
    public static PortfolioSetup of(int size) {
        return new PortfolioSetup(size, "ratio", 0.1, Double.NaN, Map.of(), Long.MAX_VALUE);
    }

    /** This setup with an evaluation budget per search. */
    public PortfolioSetup withMaxEvaluations(long evaluations) {
        return new PortfolioSetup(size, objective, correlationPenalty, maxCorrelation, parameters, evaluations);
    }

    /** The problem over a universe. */
    PortfolioProblem problem(PnlMatrix universe) {
        return PortfolioProblem.builder(universe).size(size).objective(Objective.byName(objective))
                .correlationPenalty(correlationPenalty).maxCorrelation(maxCorrelation).build();
    }

    /** A search's settings: its seed, the algorithm's overrides, the budget, one thread (Spark runs tasks side by
     * side). */
    SearchSettings settings(String algorithm, long seed) {
        SearchBudget budget = maxEvaluations == Long.MAX_VALUE ? SearchBudget.UNLIMITED
                : SearchBudget.UNLIMITED.withMaxEvaluations(maxEvaluations);
        return new SearchSettings(seed, parameters.getOrDefault(algorithm, Map.of()), budget, SearchListener.NONE, 1);
    }
}
