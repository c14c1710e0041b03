package dev.quiver.portfolio.search.algorithms;

import dev.quiver.portfolio.search.Candidate;
import dev.quiver.portfolio.search.OptimizerParameter;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchContext;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code differential_evolution}: differential evolution, strategy best/1/bin, over random keys. Each individual is one
 * real number per strategy (uniform in [0, 1] at the start, except individual 0's: the strategies' own scores scaled
 * into [0.01, 1.01], the heuristic of {@link AntColony}, so the population knows from the start which strategies are
 * good alone) and its portfolio is decoded from the largest keys as in {@link ParticleSwarm} (the top {@code 2 × size}
 * offered to {@link PortfolioProblem#decode}, best first). Each generation builds, for every individual {@code i}, a
 * trial vector
 * <pre>
 *   u_j = best_j + f × (x_r1,j − x_r2,j)   where a uniform draw is below cr, or j = j_rand;   u_j = x_i,j otherwise
 * </pre>
 * with {@code best} the fittest individual at the start of the generation (the first of equals), {@code r1 ≠ r2}
 * drawn from the others and {@code j_rand} one strategy that always takes the mutant's key; the trial replaces
 * {@code i} if its fitness is at least {@code i}'s (greedy one-to-one selection, synchronous: the generation's trials
 * all see the same population).
 *
 * <p>Parameters (defaults): {@code population} (30), {@code f} (0.8, the differential weight), {@code cr} (0.7,
 * the crossover rate per key), {@code generations} (50). Memory: two populations of {@code strategies} keys each
 * (2 × 30 × 25,544 doubles ≈ 12 MB); each generation costs O(population × strategies) and {@code population}
 * evaluations.
 *
 * <p>Trials are built and scored in parallel, trial {@code i} of generation {@code g} from random stream
 * {@code g × population + i}; selection runs in index order, so the result does not depend on the thread count. A
 * generation is one step.
 *
 * <p>Thread-safety: stateless and thread-safe; one instance serves concurrent searches.
 */
public final class DifferentialEvolution implements PortfolioOptimizer {
    /** The provider (ServiceLoader's constructor). */
    public DifferentialEvolution() {
    }

    @Override
    public String name() {
        return "differential_evolution";
    }

    @Override
    public String description() {
        return "differential evolution (best/1/bin) over one key per strategy, the top keys decoded";
    }

    @Override
    public List<OptimizerParameter> parameters() {
        return List.of(
                new OptimizerParameter("population", 30, "individuals (key vectors)"),
                new OptimizerParameter("f", 0.8, "differential weight"),
                new OptimizerParameter("cr", 0.7, "crossover rate: the chance a key comes from the mutant"),
                new OptimizerParameter("generations", 50, "generations after the first"));
    }

    @Override
    public long expectedEvaluations(SearchContext context) {
        int population = context.intParameter("population", 4);
        return (long) population * (1 + context.intParameter("generations", 0));
    }

    @Override
    public void search(SearchContext context) {
        int population = context.intParameter("population", 4);
        int generations = context.intParameter("generations", 0);
        double f = context.parameter("f", 0, 2);
        double cr = context.parameter("cr", 0, 1);
        PortfolioProblem problem = context.problem();
        int n = problem.strategies();
        double[][] keys = new double[population][n];
        double[][] trials = new double[population][n];
        double[] fitness = new double[population];
        double[] trialFitness = new double[population];
        Candidate[] candidates = new Candidate[population];
        double[] heuristic = AntColony.heuristic(problem);
        context.parallel(population, i -> {
            SplittableRandom random = context.random(i);
            for (int j = 0; j < n; j++) {
                keys[i][j] = i == 0 ? heuristic[j] : random.nextDouble();
            }
            candidates[i] = context.newCandidate();
            fitness[i] = RandomKeys.score(problem, keys[i], candidates[i], random);
        });
        context.step();
        for (int g = 1; g <= generations && !context.exhausted(); g++) {
            int best = RandomKeys.argmax(fitness);
            double[] b = keys[best];
            long base = (long) g * population;
            context.parallel(population, i -> {
                SplittableRandom random = context.random(base + i);
                int r1 = other(random, population, i, -1);
                int r2 = other(random, population, i, r1);
                double[] x = keys[i];
                double[] a1 = keys[r1];
                double[] a2 = keys[r2];
                double[] u = trials[i];
                int jr = random.nextInt(n);
                for (int j = 0; j < n; j++) {
                    u[j] = j == jr || random.nextDouble() < cr ? b[j] + f * (a1[j] - a2[j]) : x[j];
                }
                trialFitness[i] = RandomKeys.score(problem, u, candidates[i], random);
            });
            for (int i = 0; i < population; i++) {
                if (trialFitness[i] >= fitness[i]) {
                    double[] t = keys[i];
                    keys[i] = trials[i];
                    trials[i] = t;
                    fitness[i] = trialFitness[i];
                }
            }
            context.step();
        }
    }

    /** A random index other than {@code i} and {@code j}. */
    private static int other(SplittableRandom random, int population, int i, int j) {
        while (true) {
            int r = random.nextInt(population);
            if (r != i && r != j) {
                return r;
            }
        }
    }
}
