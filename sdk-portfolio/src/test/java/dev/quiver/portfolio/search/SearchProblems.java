package dev.quiver.portfolio.search;

import dev.quiver.portfolio.PnlMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic problems for the search tests. Thread-safety: stateless. */
public final class SearchProblems {
    private SearchProblems() {
    }

    /**
     * {@code strategies × days} P&amp;L where strategies {@code 0 … planted − 1} earn a steady 0.4 a day plus
     * independent unit noise and the others lose 0.2 a day with independent noise of sd 1.5.
     */
    public static PnlMatrix planted(int strategies, int planted, int days, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[strategies * days];
        for (int s = 0; s < strategies; s++) {
            double drift = s < planted ? 0.4 : -0.2;
            double sd = s < planted ? 1 : 1.5;
            for (int d = 0; d < days; d++) {
                v[s * days + d] = drift + sd * gaussian(r);
            }
        }
        return matrix(strategies, days, v);
    }

    /**
     * Ten clusters of strongly correlated strategies ({@code s % 10} is the cluster, within-cluster correlation about
     * 0.8), mildly positive drifts that vary by strategy.
     */
    public static PnlMatrix clustered(int strategies, int days, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] factor = new double[10][days];
        for (double[] f : factor) {
            for (int d = 0; d < days; d++) {
                f[d] = gaussian(r);
            }
        }
        double[] v = new double[strategies * days];
        for (int s = 0; s < strategies; s++) {
            double drift = 0.2 * r.nextDouble() - 0.05;
            for (int d = 0; d < days; d++) {
                v[s * days + d] = drift + 0.9 * factor[s % 10][d] + 0.45 * gaussian(r);
            }
        }
        return matrix(strategies, days, v);
    }

    /** Zones by {@code s % zones}, each holding between {@code min} and {@code max} members. */
    public static Zones zones(int strategies, int zones, int min, int max) {
        List<String> labels = new ArrayList<>();
        for (int s = 0; s < strategies; s++) {
            labels.add("z" + (s % zones));
        }
        return Zones.of(labels, min, max);
    }

    static PnlMatrix matrix(int strategies, int days, double[] v) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < strategies; s++) {
            names.add("S" + s);
        }
        long[] dates = new long[days];
        for (int d = 0; d < days; d++) {
            dates[d] = 19000 + d;
        }
        return PnlMatrix.of(names, dates, v);
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller; SplittableRandom has no nextGaussian on every JDK this tests on
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The best portfolio by enumeration of every subset of {@code problem.size()} strategies (sorted members). */
    public static int[] bruteForce(PortfolioProblem problem) {
        int n = problem.strategies();
        int k = problem.size();
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        int[] best = null;
        double bestFitness = Double.NEGATIVE_INFINITY;
        while (true) {
            if (problem.isValid(idx)) {
                double f = problem.evaluate(idx).fitness();
                if (f > bestFitness) {
                    bestFitness = f;
                    best = idx.clone();
                }
            }
            int i = k - 1;
            while (i >= 0 && idx[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return best;
            }
            idx[i]++;
            for (int j = i + 1; j < k; j++) {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }
}
