package dev.quiver.portfolio.search.algorithms;

import dev.quiver.portfolio.search.Candidate;
import dev.quiver.portfolio.search.OptimizerParameter;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchContext;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code pso}: particle swarm optimisation over random keys. Each particle holds a position and a velocity with one
 * real number per strategy (positions start uniform in [0, 1], except particle 0's, which start at the strategies' own
 * scores scaled into [0.01, 1.01], the heuristic of {@link AntColony}, so the swarm knows from the start which
 * strategies are good alone; velocities start uniform in ±{@value #VMAX}); its portfolio is the problem's {@link
 * PortfolioProblem#decode decoding} of the strategies with the largest positions (the top {@code 2 × size}, best first,
 * so that the next best fill in where zones or the correlation cap reject one; the top {@code size} make the portfolio
 * when nothing is rejected). Each iteration scores every particle, updates the particles' own bests and the swarm's
 * best, and moves every particle:
 * <pre>
 *   v ← w v + c1 r1 (personal best − x) + c2 r2 (swarm best − x),   v clamped to ±{@value #VMAX},   x ← x + v
 * </pre>
 * with {@code r1, r2} uniform in [0, 1) drawn per strategy, and the inertia {@code w} falling linearly from
 * {@code inertia_start} at the first iteration to {@code inertia_end} at the last. Positions are not clamped (only
 * their order matters), so keys never pile up at a bound where ties would decide the order.
 *
 * <p>Parameters (defaults): {@code particles} (25), {@code iterations} (50), {@code inertia_start} (0.9),
 * {@code inertia_end} (0.4), {@code c1} (2, the pull of the particle's own best), {@code c2} (2, the pull of the
 * swarm's best). Each iteration costs O(particles × strategies) arithmetic and {@code particles} evaluations:
 * 25 × 25,544 keys is 0.6 M updates an iteration.
 *
 * <p>Particles are scored and moved in parallel; particle {@code p} draws from random stream
 * {@code iteration × particles + p} and the swarm's best is chosen in particle order (the first of equals), so the
 * result does not depend on the thread count. An iteration is one step.
 *
 * <p>Thread-safety: stateless and thread-safe; one instance serves concurrent searches.
 */
public final class ParticleSwarm implements PortfolioOptimizer {
    /** The velocity clamp, half the positions' initial range. */
    static final double VMAX = 0.5;

    /** The provider (ServiceLoader's constructor). */
    public ParticleSwarm() {
    }

    @Override
    public String name() {
        return "pso";
    }

    @Override
    public String description() {
        return "particle swarm: one key per strategy, the top keys decoded into a portfolio";
    }

    @Override
    public List<OptimizerParameter> parameters() {
        return List.of(
                new OptimizerParameter("particles", 25, "particles in the swarm"),
                new OptimizerParameter("iterations", 50, "iterations (each scores every particle)"),
                new OptimizerParameter("inertia_start", 0.9, "inertia weight at the first iteration"),
                new OptimizerParameter("inertia_end", 0.4, "inertia weight at the last iteration"),
                new OptimizerParameter("c1", 2, "pull towards the particle's own best"),
                new OptimizerParameter("c2", 2, "pull towards the swarm's best"));
    }

    @Override
    public long expectedEvaluations(SearchContext context) {
        return (long) context.intParameter("particles", 1) * context.intParameter("iterations", 1);
    }

    @Override
    public void search(SearchContext context) {
        int particles = context.intParameter("particles", 1);
        int iterations = context.intParameter("iterations", 1);
        double w0 = context.parameter("inertia_start", -10, 10);
        double w1 = context.parameter("inertia_end", -10, 10);
        double c1 = context.parameter("c1", 0, 100);
        double c2 = context.parameter("c2", 0, 100);
        PortfolioProblem problem = context.problem();
        int n = problem.strategies();
        double[][] x = new double[particles][n];
        double[][] v = new double[particles][n];
        double[][] personal = new double[particles][n];
        double[] personalFitness = new double[particles];
        double[] fitness = new double[particles];
        Candidate[] candidates = new Candidate[particles];
        java.util.Arrays.fill(personalFitness, Double.NEGATIVE_INFINITY);
        double[] heuristic = AntColony.heuristic(problem);
        context.parallel(particles, p -> {
            SplittableRandom random = context.random(p);
            for (int j = 0; j < n; j++) {
                x[p][j] = p == 0 ? heuristic[j] : random.nextDouble();
                v[p][j] = (2 * random.nextDouble() - 1) * VMAX;
            }
            candidates[p] = context.newCandidate();
        });
        int swarm = -1; // the particle whose personal best is the swarm's best
        for (int it = 0; it < iterations && !context.exhausted(); it++) {
            long base = (long) (it + 1) * particles;
            context.parallel(particles, p -> {
                SplittableRandom random = context.random(base + p);
                fitness[p] = RandomKeys.score(problem, x[p], candidates[p], random);
                if (fitness[p] > personalFitness[p]) {
                    personalFitness[p] = fitness[p];
                    System.arraycopy(x[p], 0, personal[p], 0, n);
                }
            });
            for (int p = 0; p < particles; p++) {
                if (swarm < 0 || personalFitness[p] > personalFitness[swarm]) {
                    swarm = p;
                }
            }
            context.step();
            if (it == iterations - 1) {
                break; // the last positions' scores are in; moving again would be wasted work
            }
            double inertia = iterations == 1 ? w0 : w0 + (w1 - w0) * it / (iterations - 1);
            double[] global = personal[swarm];
            context.parallel(particles, p -> {
                SplittableRandom random = context.random(base + particles * (long) iterations + p);
                double[] xp = x[p];
                double[] vp = v[p];
                double[] pp = personal[p];
                for (int j = 0; j < n; j++) {
                    double vj = inertia * vp[j] + c1 * random.nextDouble() * (pp[j] - xp[j])
                            + c2 * random.nextDouble() * (global[j] - xp[j]);
                    vj = Math.max(-VMAX, Math.min(VMAX, vj));
                    vp[j] = vj;
                    xp[j] += vj;
                }
            });
        }
    }
}
