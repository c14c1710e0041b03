package dev.quiver.portfolio.search.algorithms;

import dev.quiver.portfolio.search.Candidate;
import dev.quiver.portfolio.search.OptimizerParameter;
import dev.quiver.portfolio.search.PortfolioOptimizer;
import dev.quiver.portfolio.search.PortfolioProblem;
import dev.quiver.portfolio.search.SearchContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code bayesian}: Bayesian optimisation with a Gaussian-process surrogate, for when the objective is costly and
 * only a few dozen calls may be made. After {@code initial_points} random valid portfolios, each call fits a GP to
 * every portfolio scored so far and scores the one of a fresh pool of candidates with the largest expected
 * improvement; {@code calls} objective calls are made in all (the initial points included).
 *
 * <p><b>Distance.</b> A portfolio is embedded as the mean, over its members, of four per-strategy features, each
 * standardised over the universe: the strategy's own objective score, its mean daily P&amp;L, the standard deviation
 * of its daily P&amp;L and its maximum drawdown; each embedding coordinate is standardised again over the points
 * observed, and the distance is the Euclidean distance between embeddings. A distance between member sets (Jaccard,
 * Hamming) was rejected: with tens of thousands of strategies and 50 calls almost every candidate shares no member
 * with any portfolio scored, so it would be equally far from all of them and the surrogate could not tell a promising
 * candidate from a poor one; the embedding carries what was learnt to strategies never scored. The mean pairwise
 * correlation (the fitness's penalty, weight 0.1 by default) is left out of the embedding.
 *
 * <p><b>Surrogate.</b> Zero-mean GP on the standardised fitnesses with the Matérn 5/2 kernel
 * {@code k(r) = (1 + √5 r/ℓ + 5r²/(3ℓ²)) exp(−√5 r/ℓ)} (unit signal variance) plus noise {@code σ²} on the diagonal.
 * The length scale {@code ℓ} (0.1, 0.2, 0.5, 1, 2 or 5 times the median distance between observed points) and the
 * noise (1e-6, 1e-4, 1e-2 or 0.1) are the pair of that grid with the largest log marginal likelihood
 * {@code −½ yᵀK⁻¹y − Σ log L_ii − (n/2) log 2π}, refitted at every call; the Cholesky factorisation and the solves are
 * written out here (n ≤ {@code calls}, so O(calls³) per fit is negligible).
 *
 * <p><b>Acquisition.</b> Expected improvement over the best observed value with margin ξ = {@value #XI}:
 * {@code EI = (μ − y* − ξ) Φ(z) + σ φ(z)}, {@code z = (μ − y* − ξ)/σ}, maximised over a pool of {@code pool}
 * candidates drawn for the call: half random valid portfolios, half mutations of the five best portfolios scored (one
 * or two members replaced at random, completed by {@link PortfolioProblem#decode}); portfolios already scored are left
 * out, and the first of equal EIs wins.
 *
 * <p>Parameters (defaults): {@code initial_points} (10), {@code calls} (50), {@code pool} (500).
 *
 * <p>The initial points are scored in parallel, point {@code i} from random stream {@code i}; the pool of call
 * {@code c} comes from stream {@code calls + c}. Each call is one step; the budget is checked before each.
 *
 * <p>Thread-safety: stateless and thread-safe; one instance serves concurrent searches.
 */
public final class BayesianOptimization implements PortfolioOptimizer {
    static final double XI = 0.01;
    private static final int FEATURES = 4;
    private static final double[] LENGTH_FACTORS = {0.1, 0.2, 0.5, 1, 2, 5};
    private static final double[] NOISES = {1e-6, 1e-4, 1e-2, 1e-1};
    private static final int PARENTS = 5;

    /** The provider (ServiceLoader's constructor). */
    public BayesianOptimization() {
    }

    @Override
    public String name() {
        return "bayesian";
    }

    @Override
    public String description() {
        return "Bayesian optimisation: Gaussian process (Matérn 5/2) over portfolio embeddings, expected improvement";
    }

    @Override
    public List<OptimizerParameter> parameters() {
        return List.of(
                new OptimizerParameter("initial_points", 10, "random portfolios scored before the surrogate is used"),
                new OptimizerParameter("calls", 50, "objective calls in all, the initial points included"),
                new OptimizerParameter("pool", 500, "candidates per call over which expected improvement is "
                        + "maximised"));
    }

    @Override
    public long expectedEvaluations(SearchContext context) {
        return context.intParameter("calls", 1);
    }

    @Override
    public void search(SearchContext context) {
        int calls = context.intParameter("calls", 1);
        int initial = Math.min(calls, context.intParameter("initial_points", 1));
        int poolSize = context.intParameter("pool", 1);
        PortfolioProblem problem = context.problem();
        double[][] features = strategyFeatures(problem);
        List<int[]> portfolios = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Candidate[] starts = new Candidate[initial];
        context.parallel(initial, i -> {
            starts[i] = context.newCandidate();
            starts[i].set(problem.random(context.random(i)));
        });
        for (Candidate c : starts) {
            if (seen.add(key(c.members()))) {
                portfolios.add(c.members());
                values.add(c.fitness());
            }
        }
        context.step();
        Candidate candidate = context.newCandidate();
        for (int call = initial; call < calls && !context.exhausted(); call++) {
            SplittableRandom random = context.random(calls + call);
            List<int[]> pool = pool(problem, portfolios, values, seen, poolSize, random);
            int[] next = pool.isEmpty() ? problem.random(random) : pool.get(choose(features, portfolios, values,
                    pool));
            candidate.set(next);
            if (seen.add(key(next))) {
                portfolios.add(next.clone());
                values.add(candidate.fitness());
            }
            context.step();
        }
    }

    private static String key(int[] members) {
        int[] sorted = members.clone();
        Arrays.sort(sorted);
        return Arrays.toString(sorted);
    }

    /** Per strategy: score, mean, sd, drawdown, each standardised over the universe. */
    static double[][] strategyFeatures(PortfolioProblem problem) {
        int n = problem.strategies();
        int days = problem.days();
        double[] pnl = problem.matrix().values();
        double[][] f = new double[FEATURES][n];
        for (int s = 0; s < n; s++) {
            int base = s * days;
            double sum = 0;
            for (int d = 0; d < days; d++) {
                sum += pnl[base + d];
            }
            double mean = sum / days;
            double ss = 0;
            double equity = 0;
            double peak = 0;
            double drawdown = 0;
            for (int d = 0; d < days; d++) {
                double v = pnl[base + d];
                ss += (v - mean) * (v - mean);
                equity += v;
                peak = Math.max(peak, equity);
                drawdown = Math.max(drawdown, peak - equity);
            }
            f[0][s] = problem.strategyScore(s);
            f[1][s] = mean;
            f[2][s] = Math.sqrt(ss / days);
            f[3][s] = drawdown;
        }
        for (double[] column : f) {
            standardise(column);
        }
        return f;
    }

    private static void standardise(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] = sd > 0 ? (x[i] - mean) / sd : 0;
        }
    }

    private static double[] embed(double[][] features, int[] members) {
        double[] e = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            double sum = 0;
            for (int s : members) {
                sum += features[f][s];
            }
            e[f] = sum / members.length;
        }
        return e;
    }

    /** Half random portfolios, half mutations of the best scored ones; none already scored, none twice. */
    private static List<int[]> pool(PortfolioProblem problem, List<int[]> portfolios, List<Double> values,
            Set<String> seen, int poolSize, SplittableRandom random) {
        Integer[] ranked = new Integer[portfolios.size()];
        for (int i = 0; i < ranked.length; i++) {
            ranked[i] = i;
        }
        Arrays.sort(ranked, (a, b) -> {
            int c = Double.compare(values.get(b), values.get(a));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int parents = Math.min(PARENTS, ranked.length);
        List<int[]> pool = new ArrayList<>(poolSize);
        Set<String> inPool = new HashSet<>();
        int size = problem.size();
        // a small universe may hold fewer new portfolios than the pool asks for: give up after a few misses each
        for (int k = 0, misses = 0; pool.size() < poolSize && misses < 4 * poolSize; k++) {
            int[] p;
            if (k % 2 == 0 || parents == 0) {
                p = problem.random(random);
            } else {
                int[] parent = portfolios.get(ranked[random.nextInt(parents)]).clone();
                int changes = 1 + random.nextInt(Math.min(2, size));
                for (int c = 0; c < changes; c++) {
                    parent[random.nextInt(size)] = random.nextInt(problem.strategies());
                }
                p = problem.decode(parent, size, random);
            }
            String key = key(p);
            if (!seen.contains(key) && inPool.add(key)) {
                pool.add(p);
            } else {
                misses++;
            }
        }
        return pool;
    }

    /** The pool index with the largest expected improvement under the GP fitted to the observations. */
    private static int choose(double[][] features, List<int[]> portfolios, List<Double> values, List<int[]> pool) {
        int n = portfolios.size();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = embed(features, portfolios.get(i));
        }
        double[][] z = new double[pool.size()][];
        for (int i = 0; i < z.length; i++) {
            z[i] = embed(features, pool.get(i));
        }
        // standardise each coordinate over the observed points, and the fitnesses
        for (int f = 0; f < FEATURES; f++) {
            double mean = 0;
            for (double[] xi : x) {
                mean += xi[f];
            }
            mean /= n;
            double ss = 0;
            for (double[] xi : x) {
                ss += (xi[f] - mean) * (xi[f] - mean);
            }
            double sd = Math.sqrt(ss / n);
            double scale = sd > 0 ? 1 / sd : 1;
            for (double[] xi : x) {
                xi[f] = (xi[f] - mean) * scale;
            }
            for (double[] zi : z) {
                zi[f] = (zi[f] - mean) * scale;
            }
        }
        double[] y = new double[n];
        double ym = 0;
        for (int i = 0; i < n; i++) {
            y[i] = values.get(i);
            ym += y[i];
        }
        ym /= n;
        double yss = 0;
        for (double v : y) {
            yss += (v - ym) * (v - ym);
        }
        double ysd = Math.sqrt(yss / n);
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            y[i] = ysd > 0 ? (y[i] - ym) / ysd : 0;
            best = Math.max(best, y[i]);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y);
        int chosen = 0;
        double bestEi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < z.length; i++) {
            double ei = gp.expectedImprovement(z[i], best, XI);
            if (ei > bestEi) {
                bestEi = ei;
                chosen = i;
            }
        }
        return chosen;
    }

    /** A fitted GP: Matérn 5/2, unit signal variance, hyperparameters by grid search on the marginal likelihood. */
    static final class GaussianProcess {
        private final double[][] x;
        private final double[][] chol;
        private final double[] alpha;
        private final double lengthScale;

        private GaussianProcess(double[][] x, double[][] chol, double[] alpha, double lengthScale) {
            this.x = x;
            this.chol = chol;
            this.alpha = alpha;
            this.lengthScale = lengthScale;
        }

        static GaussianProcess fit(double[][] x, double[] y) {
            int n = x.length;
            double[][] distance = new double[n][n];
            double[] upper = new double[n * (n - 1) / 2];
            int u = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    distance[i][j] = distance[j][i] = euclidean(x[i], x[j]);
                    upper[u++] = distance[i][j];
                }
            }
            Arrays.sort(upper);
            double median = upper.length == 0 ? 1 : upper[upper.length / 2];
            if (!(median > 0)) {
                median = 1;
            }
            GaussianProcess best = null;
            double bestLml = Double.NEGATIVE_INFINITY;
            for (double factor : LENGTH_FACTORS) {
                double l = factor * median;
                for (double noise : NOISES) {
                    double[][] k = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            k[i][j] = matern52(distance[i][j], l) + (i == j ? noise : 0);
                        }
                    }
                    if (!cholesky(k)) {
                        continue;
                    }
                    double[] a = solve(k, y);
                    double lml = 0;
                    for (int i = 0; i < n; i++) {
                        lml -= 0.5 * y[i] * a[i] + Math.log(k[i][i]);
                    }
                    lml -= 0.5 * n * Math.log(2 * Math.PI);
                    if (best == null || lml > bestLml) {
                        bestLml = lml;
                        best = new GaussianProcess(x, k, a, l);
                    }
                }
            }
            if (best == null) {
                throw new IllegalStateException("no Gaussian-process fit: the kernel matrix is not positive definite "
                        + "at any noise of the grid");
            }
            return best;
        }

        double lengthScale() {
            return lengthScale;
        }

        /** The posterior mean and standard deviation at {@code z}. */
        double[] predict(double[] z) {
            int n = x.length;
            double[] ks = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                ks[i] = matern52(euclidean(x[i], z), lengthScale);
                mean += ks[i] * alpha[i];
            }
            double[] v = forward(chol, ks);
            double var = 1;
            for (double vi : v) {
                var -= vi * vi;
            }
            return new double[] {mean, Math.sqrt(Math.max(var, 0))};
        }

        double expectedImprovement(double[] z, double best, double xi) {
            double[] p = predict(z);
            double gain = p[0] - best - xi;
            double sd = p[1];
            if (sd < 1e-12) {
                return Math.max(gain, 0);
            }
            double t = gain / sd;
            return gain * normalCdf(t) + sd * Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
        }
    }

    static double matern52(double r, double l) {
        double s = Math.sqrt(5) * r / l;
        return (1 + s + s * s / 3) * Math.exp(-s);
    }

    private static double euclidean(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** In place: the lower triangle of {@code a} becomes L with L Lᵀ = a; false if a is not positive definite. */
    static boolean cholesky(double[][] a) {
        int n = a.length;
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= a[j][k] * a[j][k];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / ljj;
            }
            for (int i = 0; i < j; i++) {
                a[i][j] = 0;
            }
        }
        return true;
    }

    /** Solves L v = b. */
    static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * v[k];
            }
            v[i] = s / l[i][i];
        }
        return v;
    }

    /** Solves L Lᵀ a = b. */
    static double[] solve(double[][] l, double[] b) {
        double[] v = forward(l, b);
        int n = v.length;
        double[] a = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = v[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * a[k];
            }
            a[i] = s / l[i][i];
        }
        return a;
    }

    /** Φ(t), the standard normal distribution function, through {@link #erfc}. */
    static double normalCdf(double t) {
        return 0.5 * erfc(-t / Math.sqrt(2));
    }

    /** erfc by the Chebyshev fit of Numerical Recipes (fractional error below 1.2e-7 everywhere). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
