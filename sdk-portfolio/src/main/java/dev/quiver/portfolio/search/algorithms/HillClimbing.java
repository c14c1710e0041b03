package dev.quiver.portfolio.search.algorithms;

import dev.quiver.portfolio.search.Candidate;
import dev.quiver.portfolio.search.OptimizerParameter;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchContext;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code hill_climbing}: steepest ascent over single swaps with random restarts. Each iteration tries
 * {@code neighbourhood} random neighbours of the current portfolio (a random slot given a random strategy that keeps
 * the portfolio valid, {@link Candidate#canSwap}), scores each incrementally ({@link Candidate#fitnessIfSwapped}) and
 * makes the best of them if it improves the fitness. After {@code restart} iterations in a row without a gain the
 * climb restarts from a new random portfolio; the best portfolio met over all climbs is the result.
 *
 * <p>Parameters (defaults): {@code iterations} (200) iterations in all, restarts included; {@code neighbourhood} (10)
 * random swap neighbours tried per iteration; {@code restart} (10) iterations without gain before a random restart.
 * A neighbour for which no valid random strategy is found in {@value #DRAWS} draws is skipped.
 *
 * <p>One climb is sequential (each move depends on the last), so the thread count plays no part; the budget is
 * checked before every neighbour.
 *
 * <p>Thread-safety: stateless and thread-safe; one instance serves concurrent searches.
 */
public final class HillClimbing implements PortfolioOptimizer {
    static final int DRAWS = 32;

    /** The provider (ServiceLoader's constructor). */
    public HillClimbing() {
    }

    @Override
    public String name() {
        return "hill_climbing";
    }

    @Override
    public String description() {
        return "hill climbing: best of random swap neighbours, random restarts after a plateau";
    }

    @Override
    public List<OptimizerParameter> parameters() {
        return List.of(
                new OptimizerParameter("iterations", 200, "iterations in all, restarts included"),
                new OptimizerParameter("neighbourhood", 10, "random swap neighbours tried per iteration"),
                new OptimizerParameter("restart", 10, "iterations without gain before a random restart"));
    }

    @Override
    public long expectedEvaluations(SearchContext context) {
        int iterations = context.intParameter("iterations", 1);
        int neighbourhood = context.intParameter("neighbourhood", 1);
        int restart = context.intParameter("restart", 1);
        // every iteration scores its neighbours; a move or a restart adds one more
        return 1 + (long) iterations * neighbourhood + iterations / 2 + iterations / restart;
    }

    @Override
    public void search(SearchContext context) {
        int iterations = context.intParameter("iterations", 1);
        int neighbourhood = context.intParameter("neighbourhood", 1);
        int restart = context.intParameter("restart", 1);
        PortfolioProblem problem = context.problem();
        SplittableRandom random = context.random(0);
        Candidate current = context.newCandidate().set(problem.random(random));
        int stall = 0;
        for (int it = 0; it < iterations && !context.exhausted(); it++) {
            if (stall >= restart) {
                current.set(problem.random(random));
                stall = 0;
            }
            int bestSlot = -1;
            int bestIncoming = -1;
            double bestFitness = current.fitness();
            for (int k = 0; k < neighbourhood && !context.exhausted(); k++) {
                int slot = random.nextInt(problem.size());
                int incoming = drawIncoming(current, slot, random, problem.strategies());
                if (incoming < 0) {
                    continue;
                }
                double f = current.fitnessIfSwapped(slot, incoming);
                if (f > bestFitness) {
                    bestFitness = f;
                    bestSlot = slot;
                    bestIncoming = incoming;
                }
            }
            if (bestSlot >= 0) {
                current.swap(bestSlot, bestIncoming);
                stall = 0;
            } else {
                stall++;
            }
            context.step();
        }
    }

    /** A random strategy that may replace the one in {@code slot}, or −1 if {@value #DRAWS} draws find none. */
    static int drawIncoming(Candidate candidate, int slot, SplittableRandom random, int strategies) {
        for (int t = 0; t < DRAWS; t++) {
            int s = random.nextInt(strategies);
            if (candidate.canSwap(slot, s)) {
                return s;
            }
        }
        return -1;
    }
}
