package dev.quiver.portfolio.search.algorithms;

import dev.quiver.portfolio.search.Candidate;
import dev.quiver.portfolio.search.OptimizerParameter;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchContext;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code annealing}: simulated annealing over single swaps with geometric cooling. From a random valid portfolio, each
 * move gives a random slot a random strategy that keeps the portfolio valid ({@link Candidate#canSwap}), scores it
 * incrementally ({@link Candidate#fitnessIfSwapped}) and accepts it by Metropolis' rule: always if the fitness does
 * not fall, otherwise with probability
 * <pre>
 *   exp(1000 × Δ / (|f*| × T))        Δ = f_new − f_current &lt; 0, f* the best fitness this chain has reached
 * </pre>
 * that is, fitness differences are measured in thousandths of the best fitness's magnitude (1 when it is 0), so one
 * temperature schedule suits every objective and every P&amp;L unit: at {@code T = 1000} a fall of the whole
 * {@code |f*|} is accepted with probability 1/e, at {@code T = 1} a fall of 0.1 %, at {@code T = 0.01} a fall of
 * 0.001 %.
 *
 * <p>Parameters (defaults): {@code t0} (1000) the starting temperature; {@code tf} (0.01) the temperature at which
 * the chain stops; {@code cooling} (0.95) the factor applied to the temperature after each level; {@code iterations}
 * (1000) the moves <em>per temperature level</em>. The defaults make ⌈ln(tf/t0)/ln(cooling)⌉ = 225 levels, 225,000
 * moves, each O(days) (plus O(size × days) for the correlation cap): well under a second on 25,544 × 82, size 35.
 * An accepted move costs a second evaluation ({@link Candidate#swap} rescores).
 *
 * <p>The chain is sequential, so the thread count plays no part; the budget is checked before every move and a
 * level is one step.
 *
 * <p>Thread-safety: stateless and thread-safe; one instance serves concurrent searches.
 */
public final class SimulatedAnnealing implements PortfolioOptimizer {
    /** The unit of fitness differences: thousandths of the best fitness's magnitude. */
    static final double SCALE = 1000;

    /** The provider (ServiceLoader's constructor). */
    public SimulatedAnnealing() {
    }

    @Override
    public String name() {
        return "annealing";
    }

    @Override
    public String description() {
        return "simulated annealing: single swaps, Metropolis acceptance, geometric cooling";
    }

    @Override
    public List<OptimizerParameter> parameters() {
        return List.of(
                new OptimizerParameter("t0", 1000, "starting temperature (fitness differences in thousandths of "
                        + "|best fitness|)"),
                new OptimizerParameter("tf", 0.01, "final temperature: the chain stops below it"),
                new OptimizerParameter("cooling", 0.95, "factor applied to the temperature after each level"),
                new OptimizerParameter("iterations", 1000, "moves per temperature level"));
    }

    private static int levels(SearchContext context) {
        double t0 = context.parameter("t0", Double.MIN_NORMAL, Double.MAX_VALUE);
        double tf = context.parameter("tf", Double.MIN_NORMAL, t0);
        double cooling = context.parameter("cooling", 1e-9, 1 - 1e-9);
        return (int) Math.max(1, Math.ceil(Math.log(tf / t0) / Math.log(cooling) - 1e-9));
    }

    @Override
    public long expectedEvaluations(SearchContext context) {
        // one evaluation a move, and about one accepted move in five rescored
        long moves = (long) levels(context) * context.intParameter("iterations", 1);
        return 1 + moves + moves / 5;
    }

    @Override
    public void search(SearchContext context) {
        double t = context.parameter("t0", Double.MIN_NORMAL, Double.MAX_VALUE);
        double cooling = context.parameter("cooling", 1e-9, 1 - 1e-9);
        int levels = levels(context);
        int iterations = context.intParameter("iterations", 1);
        PortfolioProblem problem = context.problem();
        SplittableRandom random = context.random(0);
        Candidate current = context.newCandidate().set(problem.random(random));
        double best = current.fitness();
        for (int level = 0; level < levels && !context.exhausted(); level++) {
            for (int m = 0; m < iterations && !context.exhausted(); m++) {
                int slot = random.nextInt(problem.size());
                int incoming = HillClimbing.drawIncoming(current, slot, random, problem.strategies());
                if (incoming < 0) {
                    continue;
                }
                double f = current.fitnessIfSwapped(slot, incoming);
                double delta = f - current.fitness();
                double u = random.nextDouble();
                if (delta >= 0 || u < Math.exp(SCALE * delta / (magnitude(best) * t))) {
                    current.swap(slot, incoming);
                    best = Math.max(best, current.fitness());
                }
            }
            t *= cooling;
            context.step();
        }
    }

    private static double magnitude(double best) {
        double m = Math.abs(best);
        return m > 0 && Double.isFinite(m) ? m : 1;
    }
}
