package dev.quiver.portfolio.search.algorithms;

import dev.quiver.portfolio.search.Candidate;
import dev.quiver.portfolio.search.OptimizerParameter;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchContext;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code ant_colony}: ant colony optimisation with pheromone on strategies. Each ant picks strategies one at a time
 * without replacement by roulette, with weight {@code τ_s^alpha × η_s^beta}, where {@code τ_s} is strategy
 * {@code s}'s pheromone (1 at the start) and {@code η_s} its heuristic: its own objective score
 * ({@link PortfolioProblem#strategyScore}) shifted and scaled into [0.01, 1.01] over the universe. The ant's picks,
 * in order, are {@link PortfolioProblem#decode decoded} into a valid portfolio ({@code 2 × size} picks, so that the
 * next ones fill in where zones or the correlation cap reject one).
 *
 * <p><b>Candidate list.</b> A roulette over 25,544 strategies for each of 70 picks would cost more than the
 * evaluations; so, as is usual for large ACO problems, the roulette of an iteration runs over a candidate list: the
 * best {@code max(300, 10 × size)} strategies by {@code η} (fixed), the {@code max(100, 3 × size)} with the most
 * pheromone (recomputed each iteration) and the members of the best portfolio so far. A strategy outside it enters
 * portfolios only through decode's random completion, and the list once its pheromone rises.
 *
 * <p><b>Pheromone update</b> after each iteration: every trail evaporates, {@code τ ← (1 − evaporation) τ}; each ant
 * deposits {@code (f − f_min) / (f_max − f_min)} (its fitness ranked within the iteration, in [0, 1]) on its members,
 * and the best portfolio so far deposits 1 on its members; trails are then bounded to [{@value #TAU_MIN},
 * {@value #TAU_MAX}] (as in MAX–MIN ant systems), so no strategy is ruled out for good and none takes over for good.
 *
 * <p>Parameters (defaults): {@code ants} (20), {@code alpha} (1, the weight of pheromone), {@code beta} (2, the weight
 * of the heuristic), {@code evaporation} (0.5), {@code iterations} (50).
 *
 * <p>Ants of an iteration walk in parallel, ant {@code a} of iteration {@code t} from random stream
 * {@code t × ants + a}; deposits are made in ant order, so the result does not depend on the thread count. An
 * iteration is one step.
 *
 * <p>Thread-safety: stateless and thread-safe; one instance serves concurrent searches.
 */
public final class AntColony implements PortfolioOptimizer {
    static final double TAU_MIN = 0.01;
    static final double TAU_MAX = 10;

    /** The provider (ServiceLoader's constructor). */
    public AntColony() {
    }

    @Override
    public String name() {
        return "ant_colony";
    }

    @Override
    public String description() {
        return "ant colony: pheromone per strategy, heuristic from each strategy's own score, candidate lists";
    }

    @Override
    public List<OptimizerParameter> parameters() {
        return List.of(
                new OptimizerParameter("ants", 20, "ants per iteration"),
                new OptimizerParameter("alpha", 1, "exponent of the pheromone"),
                new OptimizerParameter("beta", 2, "exponent of the heuristic (the strategy's own score)"),
                new OptimizerParameter("evaporation", 0.5, "share of the pheromone that evaporates per iteration"),
                new OptimizerParameter("iterations", 50, "iterations"));
    }

    @Override
    public long expectedEvaluations(SearchContext context) {
        return (long) context.intParameter("ants", 1) * context.intParameter("iterations", 1);
    }

    @Override
    public void search(SearchContext context) {
        int ants = context.intParameter("ants", 1);
        int iterations = context.intParameter("iterations", 1);
        double alpha = context.parameter("alpha", 0, 100);
        double beta = context.parameter("beta", 0, 100);
        double evaporation = context.parameter("evaporation", 0, 1);
        PortfolioProblem problem = context.problem();
        int n = problem.strategies();
        int size = problem.size();
        double[] eta = heuristic(problem);
        double[] tau = new double[n];
        Arrays.fill(tau, 1);
        int[] byHeuristic = RandomKeys.top(eta, Math.max(300, 10 * size));
        int leaders = Math.max(100, 3 * size);
        int picks = RandomKeys.preferenceLength(problem);
        Candidate[] candidates = new Candidate[ants];
        double[] fitness = new double[ants];
        for (int a = 0; a < ants; a++) {
            candidates[a] = context.newCandidate();
        }
        int[] best = null;
        double bestFitness = Double.NEGATIVE_INFINITY;
        boolean[] listed = new boolean[n];
        for (int t = 0; t < iterations && !context.exhausted(); t++) {
            int[] list = candidateList(byHeuristic, RandomKeys.top(tau, leaders), best, listed);
            double[] weights = new double[list.length];
            for (int k = 0; k < list.length; k++) {
                weights[k] = Math.pow(tau[list[k]], alpha) * Math.pow(eta[list[k]], beta);
            }
            long base = (long) t * ants;
            context.parallel(ants, a -> {
                SplittableRandom random = context.random(base + a);
                int[] order = walk(list, weights, Math.min(picks, list.length), random);
                candidates[a].set(problem.decode(order, order.length, random));
                fitness[a] = candidates[a].fitness();
            });
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < ants; a++) {
                lo = Math.min(lo, fitness[a]);
                hi = Math.max(hi, fitness[a]);
                if (fitness[a] > bestFitness) {
                    bestFitness = fitness[a];
                    best = candidates[a].members();
                }
            }
            for (int s = 0; s < n; s++) {
                tau[s] *= 1 - evaporation;
            }
            for (int a = 0; a < ants; a++) {
                double deposit = hi > lo ? (fitness[a] - lo) / (hi - lo) : 1;
                for (int slot = 0; slot < size; slot++) {
                    tau[candidates[a].member(slot)] += deposit;
                }
            }
            for (int s : best) {
                tau[s] += 1;
            }
            for (int s = 0; s < n; s++) {
                tau[s] = Math.max(TAU_MIN, Math.min(TAU_MAX, tau[s]));
            }
            context.step();
        }
    }

    /** Each strategy's own score, shifted and scaled into [0.01, 1.01]; all 1 when every score is equal. */
    static double[] heuristic(PortfolioProblem problem) {
        int n = problem.strategies();
        double[] eta = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            eta[s] = problem.strategyScore(s);
            lo = Math.min(lo, eta[s]);
            hi = Math.max(hi, eta[s]);
        }
        for (int s = 0; s < n; s++) {
            eta[s] = hi > lo ? 0.01 + (eta[s] - lo) / (hi - lo) : 1;
        }
        return eta;
    }

    /** The union, in this order and without repeats, of the heuristic leaders, the pheromone leaders, the best. */
    private static int[] candidateList(int[] byHeuristic, int[] byPheromone, int[] best, boolean[] listed) {
        int[] list = new int[byHeuristic.length + byPheromone.length + (best == null ? 0 : best.length)];
        int n = 0;
        for (int[] part : new int[][] {byHeuristic, byPheromone, best == null ? new int[0] : best}) {
            for (int s : part) {
                if (!listed[s]) {
                    listed[s] = true;
                    list[n++] = s;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            listed[list[k]] = false;
        }
        return Arrays.copyOf(list, n);
    }

    /** {@code picks} strategies of {@code list} drawn by roulette without replacement, in the order drawn. */
    private static int[] walk(int[] list, double[] weights, int picks, SplittableRandom random) {
        double[] w = weights.clone();
        double total = 0;
        for (double x : w) {
            total += x;
        }
        int[] order = new int[picks];
        for (int p = 0; p < picks; p++) {
            double target = random.nextDouble() * total;
            int chosen = -1;
            double acc = 0;
            int last = -1;
            for (int k = 0; k < w.length; k++) {
                if (w[k] > 0) {
                    last = k;
                    acc += w[k];
                    if (acc > target) {
                        chosen = k;
                        break;
                    }
                }
            }
            if (chosen < 0) {
                chosen = last; // rounding left the target past the sum
            }
            if (chosen < 0) {
                return Arrays.copyOf(order, p); // every weight is 0: decode completes at random
            }
            order[p] = list[chosen];
            total -= w[chosen];
            w[chosen] = 0;
        }
        return order;
    }
}
