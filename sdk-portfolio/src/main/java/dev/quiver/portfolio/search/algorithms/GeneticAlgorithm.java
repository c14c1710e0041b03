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
 * {@code genetic}: a generational genetic algorithm over portfolios (sets of strategies).
 * <ul>
 *   <li><b>Population</b>: {@code population} random valid portfolios.
 *   <li><b>Elitism</b>: the best {@code round(elitism × population)} pass unchanged to the next generation.
 *   <li><b>Selection</b>: each other child's parents are chosen by tournaments of {@code tournament} individuals
 *       drawn with replacement (the fittest wins; equal fitness, the lower index).
 *   <li><b>Crossover</b>, with probability {@code crossover}: the child is {@link PortfolioProblem#decode decoded}
 *       from a preference order over the union of the parents' members: the members both parents share first, then
 *       the others, each group in random order. So shared members are kept, the rest of the child comes from either
 *       parent, and decode keeps it valid (zones, cap). Otherwise the child is a copy of the first parent.
 *   <li><b>Mutation</b>: each slot of the child, with probability {@code mutation}, is given a random strategy that
 *       keeps the portfolio valid ({@link Candidate#canSwap}, then {@link Candidate#swap}: one evaluation each).
 * </ul>
 *
 * <p>Parameters (defaults): {@code population} (30), {@code generations} (50), {@code mutation} (0.1, per slot),
 * {@code crossover} (0.8), {@code tournament} (3), {@code elitism} (0.1, a fraction of the population).
 *
 * <p>The children of a generation are bred in parallel, child {@code i} of generation {@code g} from random stream
 * {@code g × population + i}, and placed by index, so the result does not depend on the thread count. A generation is
 * one step.
 *
 * <p>Thread-safety: stateless and thread-safe; one instance serves concurrent searches.
 */
public final class GeneticAlgorithm implements PortfolioOptimizer {
    /** The provider (ServiceLoader's constructor). */
    public GeneticAlgorithm() {
    }

    @Override
    public String name() {
        return "genetic";
    }

    @Override
    public String description() {
        return "genetic algorithm: tournament selection, union crossover through decode, swap mutation, elitism";
    }

    @Override
    public List<OptimizerParameter> parameters() {
        return List.of(
                new OptimizerParameter("population", 30, "portfolios per generation"),
                new OptimizerParameter("generations", 50, "generations after the first"),
                new OptimizerParameter("mutation", 0.1, "probability that a slot of a child gets a random strategy"),
                new OptimizerParameter("crossover", 0.8, "probability that a child is bred from two parents"),
                new OptimizerParameter("tournament", 3, "individuals per selection tournament"),
                new OptimizerParameter("elitism", 0.1, "fraction of the population passed on unchanged"));
    }

    @Override
    public long expectedEvaluations(SearchContext context) {
        int population = context.intParameter("population", 2);
        int generations = context.intParameter("generations", 0);
        double mutation = context.parameter("mutation", 0, 1);
        int elite = elite(context, population);
        double perChild = 1 + mutation * context.problem().size();
        return population + Math.round(generations * (population - elite) * perChild);
    }

    private static int elite(SearchContext context, int population) {
        return (int) Math.min(population - 1, Math.round(context.parameter("elitism", 0, 1) * population));
    }

    @Override
    public void search(SearchContext context) {
        int population = context.intParameter("population", 2);
        int generations = context.intParameter("generations", 0);
        double mutation = context.parameter("mutation", 0, 1);
        double crossover = context.parameter("crossover", 0, 1);
        int tournament = context.intParameter("tournament", 1);
        int elite = elite(context, population);
        PortfolioProblem problem = context.problem();
        Candidate[] current = new Candidate[population];
        Candidate[] next = new Candidate[population];
        for (int i = 0; i < population; i++) {
            current[i] = context.newCandidate();
            next[i] = context.newCandidate();
        }
        context.parallel(population, i -> current[i].set(problem.random(context.random(i))));
        context.step();
        Candidate[] parents = current;
        Candidate[] children = next;
        for (int g = 1; g <= generations && !context.exhausted(); g++) {
            Integer[] ranked = rank(parents);
            for (int e = 0; e < elite; e++) {
                children[e].copyFrom(parents[ranked[e]]);
            }
            long base = (long) g * population;
            Candidate[] from = parents;
            Candidate[] to = children;
            context.parallel(population - elite, k -> {
                int i = elite + k;
                SplittableRandom random = context.random(base + i);
                Candidate a = from[select(from, tournament, random)];
                Candidate b = from[select(from, tournament, random)];
                Candidate child = to[i];
                if (random.nextDouble() < crossover) {
                    child.set(cross(problem, a, b, random));
                } else {
                    child.set(a.members());
                }
                mutate(child, mutation, random, problem.strategies());
            });
            parents = to;
            children = from;
            context.step();
        }
    }

    /** Indices by fitness, best first; equal fitness, the lower index first. */
    private static Integer[] rank(Candidate[] population) {
        Integer[] order = new Integer[population.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(population[y].fitness(), population[x].fitness());
            return c != 0 ? c : Integer.compare(x, y);
        });
        return order;
    }

    private static int select(Candidate[] population, int tournament, SplittableRandom random) {
        int best = random.nextInt(population.length);
        for (int t = 1; t < tournament; t++) {
            int i = random.nextInt(population.length);
            double fi = population[i].fitness();
            double fb = population[best].fitness();
            if (fi > fb || (fi == fb && i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** The shared members, shuffled, then the rest of the union, shuffled, decoded into a valid portfolio. */
    static int[] cross(PortfolioProblem problem, Candidate a, Candidate b, SplittableRandom random) {
        int size = problem.size();
        int[] shared = new int[size];
        int[] other = new int[2 * size];
        int ns = 0;
        int no = 0;
        for (int i = 0; i < size; i++) {
            int s = a.member(i);
            if (b.contains(s)) {
                shared[ns++] = s;
            } else {
                other[no++] = s;
            }
        }
        for (int i = 0; i < size; i++) {
            int s = b.member(i);
            if (!a.contains(s)) {
                other[no++] = s;
            }
        }
        shuffle(shared, ns, random);
        shuffle(other, no, random);
        int[] order = new int[ns + no];
        System.arraycopy(shared, 0, order, 0, ns);
        System.arraycopy(other, 0, order, ns, no);
        return problem.decode(order, order.length, random);
    }

    static void shuffle(int[] values, int n, SplittableRandom random) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    private static void mutate(Candidate child, double mutation, SplittableRandom random, int strategies) {
        if (mutation == 0) {
            return;
        }
        for (int slot = 0; slot < child.size(); slot++) {
            if (random.nextDouble() < mutation) {
                int incoming = HillClimbing.drawIncoming(child, slot, random, strategies);
                if (incoming >= 0) {
                    child.swap(slot, incoming);
                }
            }
        }
    }
}
