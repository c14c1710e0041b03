package dev.quiver.portfolio.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * What one run of a {@link PortfolioOptimizer} works with: the problem, its parameters, its random streams, its
 * budget, a pool of threads, and the record of the best valid portfolio met so far (every {@link Candidate} offers
 * the portfolios it settles on). Made by {@link PortfolioSearch#run}.
 *
 * <p>Thread-safety: thread-safe; the tasks of a parallel step share it. Ties between equally fit portfolios are
 * broken by their sorted members, so the best does not depend on the order threads offer them.
 */
public final class SearchContext {
    private final PortfolioProblem problem;
    private final PortfolioOptimizer optimizer;
    private final SearchSettings settings;
    private final Map<String, Double> parameters;
    private final AtomicLong evaluations = new AtomicLong();
    private final long start = System.nanoTime();
    private final long deadline;
    private final ForkJoinPool pool;
    private final List<SearchResult.Point> history = new ArrayList<>();
    private int[] best;
    private double bestFitness = Double.NEGATIVE_INFINITY;

    SearchContext(PortfolioProblem problem, PortfolioOptimizer optimizer, SearchSettings settings, ForkJoinPool pool) {
        this.problem = problem;
        this.optimizer = optimizer;
        this.settings = settings;
        this.pool = pool;
        this.parameters = new HashMap<>();
        for (OptimizerParameter p : optimizer.parameters()) {
            parameters.put(p.name(), p.defaultValue());
        }
        for (Map.Entry<String, Double> e : settings.parameters().entrySet()) {
            if (!parameters.containsKey(e.getKey())) {
                throw new IllegalArgumentException("'" + optimizer.name() + "' has no parameter '" + e.getKey()
                        + "'; its parameters: " + optimizer.parameters().stream().map(OptimizerParameter::name)
                        .toList());
            }
            if (!Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' of '" + optimizer.name()
                        + "' must be a finite number, not " + e.getValue());
            }
            parameters.put(e.getKey(), e.getValue());
        }
        this.deadline = settings.budget().timeLimit() == null ? Long.MAX_VALUE
                : start + settings.budget().timeLimit().toNanos();
    }

    /** The problem. */
    public PortfolioProblem problem() {
        return problem;
    }

    /** The algorithm's name. */
    public String algorithm() {
        return optimizer.name();
    }

    /** The seed of the search. */
    public long seed() {
        return settings.seed();
    }

    /** The threads a parallel step may use. */
    public int threads() {
        return settings.threads();
    }

    /**
     * Random stream number {@code stream} of this search: the same seed and stream give the same numbers whatever
     * thread draws them. Number the streams by task (for example {@code generation * population + individual}).
     */
    public SplittableRandom random(long stream) {
        return new SplittableRandom(mix(settings.seed() * 0x9E3779B97F4A7C15L + mix(stream + 0x632BE59BD9B4E019L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The value of parameter {@code name}: the override, else the default.
     *
     * @throws IllegalArgumentException if the algorithm declares no such parameter
     */
    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("'" + optimizer.name() + "' declares no parameter '" + name + "'");
        }
        return v;
    }

    /**
     * An integer parameter ({@link #parameter} rounded), at least {@code min}.
     *
     * @throws IllegalArgumentException if it is below {@code min} or not a whole number
     */
    public int intParameter(String name, int min) {
        double v = parameter(name);
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter '" + name + "' of '" + optimizer.name()
                    + "' must be a whole number ≥ " + min + ", not " + v);
        }
        return (int) v;
    }

    /**
     * A parameter that must lie in {@code [min, max]}.
     *
     * @throws IllegalArgumentException if it does not
     */
    public double parameter(String name, double min, double max) {
        double v = parameter(name);
        if (v < min || v > max) {
            throw new IllegalArgumentException("parameter '" + name + "' of '" + optimizer.name()
                    + "' must be in [" + min + ", " + max + "], not " + v);
        }
        return v;
    }

    /** A new candidate of this search (empty until {@link Candidate#set}). */
    public Candidate newCandidate() {
        return new Candidate(this);
    }

    /** The evaluations made so far. */
    public long evaluations() {
        return evaluations.get();
    }

    void evaluated(int n) {
        evaluations.addAndGet(n);
    }

    /** Whether the budget is spent: check between steps, and stop when it is. */
    public boolean exhausted() {
        return evaluations.get() >= settings.budget().maxEvaluations() || System.nanoTime() >= deadline;
    }

    /** Reports one step's end to the listener. */
    public void step() {
        settings.listener().onProgress(optimizer.name(), evaluations.get(), bestFitness());
    }

    /**
     * Runs {@code task} for {@code 0 ≤ i < n} on the search's threads and waits for all of them. Tasks must not share
     * mutable state other than this context.
     */
    public void parallel(int n, IntConsumer task) {
        if (settings.threads() == 1 || n < 2) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(task)).join();
    }

    /** The best fitness offered so far ({@code -∞} before any). */
    public synchronized double bestFitness() {
        return bestFitness;
    }

    /** The best portfolio offered so far, sorted, or {@code null} before any. */
    public synchronized int[] best() {
        return best == null ? null : best.clone();
    }

    synchronized void offer(int[] members, double fitness) {
        if (Double.isNaN(fitness) || fitness < bestFitness) {
            return;
        }
        int[] sorted = members.clone();
        Arrays.sort(sorted);
        if (fitness == bestFitness && Arrays.compare(sorted, best) >= 0) {
            return;
        }
        boolean improved = fitness > bestFitness;
        best = sorted;
        bestFitness = fitness;
        if (improved) {
            history.add(new SearchResult.Point(evaluations.get(), fitness));
        }
    }

    synchronized List<SearchResult.Point> history() {
        return List.copyOf(history);
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
