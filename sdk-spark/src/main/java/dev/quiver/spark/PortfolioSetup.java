package dev.quiver.spark;

import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.objective.Objective;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchBudget;
import dev.quiver.portfolio.search.SearchListener;
import dev.quiver.portfolio.search.SearchSettings;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every search of {@link QuiverSpark#portfolioSearches} shares, as {@code quiver portfolio}'s options give it:
 * the portfolio size, the objective, the correlation penalty and cap, algorithm parameters, the evaluation budget,
 * and optionally zones (by strategy name: each search takes the zones of its universe, {@link ZoneSetup}) and a time
 * limit per search.
 *
 * <p>With an evaluation budget a search's portfolio depends only on its universe, algorithm and seed; with a time
 * limit it also depends on how fast the executor that runs it is (the search stops wherever the clock finds it), so
 * the same seed may give another portfolio on another run: use a time limit to bound a cluster's time, an evaluation
 * budget to reproduce a result.
 *
 * <p>Thread-safety: immutable.
 *
 * @param size the strategies in each portfolio
 * @param objective the objective's name ({@code ratio}, {@code sharpe}, ...)
 * @param correlationPenalty w in objective × (1 − w × mean pairwise correlation)
 * @param maxCorrelation no two chosen strategies may correlate above it; {@code NaN} for no cap
 * @param parameters algorithm parameter overrides, by algorithm name then parameter name
 * @param maxEvaluations each search's evaluation budget ({@link Long#MAX_VALUE}: none)
 * @param zones the zones, or null for none
 * @param timeLimit each search's wall-clock limit, or null for none
 */
public record PortfolioSetup(int size, String objective, double correlationPenalty, double maxCorrelation,
        Map<String, Map<String, Double>> parameters, long maxEvaluations, ZoneSetup zones, Duration timeLimit)
        implements Serializable {
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
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("the time limit must be positive, not " + timeLimit);
        }
    }

    /** A setup without zones or time limit. */
    public PortfolioSetup(int size, String objective, double correlationPenalty, double maxCorrelation,
                          Map<String, Map<String, Double>> parameters, long maxEvaluations) {
        this(size, objective, correlationPenalty, maxCorrelation, parameters, maxEvaluations, null, null);
    }

    /** {@code quiver portfolio}'s defaults for portfolios of {@code size}: ratio, w = 0.1, no cap, no budget. */
    public static PortfolioSetup of(int size) {
        return new PortfolioSetup(size, "ratio", 0.1, Double.NaN, Map.of(), Long.MAX_VALUE);
    }

    /** This setup with an evaluation budget per search. */
    public PortfolioSetup withMaxEvaluations(long evaluations) {
        return new PortfolioSetup(size, objective, correlationPenalty, maxCorrelation, parameters, evaluations, zones,
                timeLimit);
    }

    /** This setup with zones ({@code null}: none). */
    public PortfolioSetup withZones(ZoneSetup zones) {
        return new PortfolioSetup(size, objective, correlationPenalty, maxCorrelation, parameters, maxEvaluations,
                zones, timeLimit);
    }

    /** This setup with a wall-clock limit per search ({@code null}: none); see the class comment on reproducibility. */
    public PortfolioSetup withTimeLimit(Duration limit) {
        return new PortfolioSetup(size, objective, correlationPenalty, maxCorrelation, parameters, maxEvaluations,
                zones, limit);
    }

    /**
     * The problem over a universe: its zones cut from {@link #zones()}, if any.
     *
     * @throws IllegalArgumentException if the zones cannot be satisfied in this universe
     */
    PortfolioProblem problem(PnlMatrix universe) {
        return PortfolioProblem.builder(universe).size(size).objective(Objective.byName(objective))
                .correlationPenalty(correlationPenalty).maxCorrelation(maxCorrelation)
                .zones(zones == null ? null : zones.forUniverse(universe.names())).build();
    }

    /** A search's settings: its seed, the algorithm's overrides, the budget, one thread (Spark runs tasks side by
     * side). */
    SearchSettings settings(String algorithm, long seed) {
        SearchBudget budget = maxEvaluations == Long.MAX_VALUE ? SearchBudget.UNLIMITED
                : SearchBudget.UNLIMITED.withMaxEvaluations(maxEvaluations);
        if (timeLimit != null) {
            budget = budget.withTimeLimit(timeLimit);
        }
        return new SearchSettings(seed, parameters.getOrDefault(algorithm, Map.of()), budget, SearchListener.NONE, 1);
    }
}
