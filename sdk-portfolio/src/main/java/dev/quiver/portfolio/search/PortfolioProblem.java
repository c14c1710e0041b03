package dev.quiver.portfolio.search;

import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.correlation.StandardizedRows;
import dev.quiver.portfolio.objective.Objective;
import dev.quiver.portfolio.objective.PnlStatistics;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One portfolio search problem: choose {@link #size()} distinct strategies of a {@link PnlMatrix} that maximise
 * <pre>
 *   fitness = objective(portfolio P&amp;L) × (1 − w × mean pairwise correlation of the chosen strategies)
 * </pre>
 * where the portfolio's daily P&amp;L is the sum of its strategies' daily P&amp;L, {@code w} is
 * {@link #correlationPenalty()} (0.1 by default) and the correlation is Pearson's over the days (a strategy with zero
 * variance has correlation 0 with every other). A valid portfolio also satisfies the {@link #zones()}, if any, and no
 * two of its strategies correlate above {@link #maxCorrelation()}, if set.
 *
 * <p>The problem holds each strategy's standardised series (mean 0, norm 1; zeros for a constant series) so that a
 * correlation is a dot product and the mean pairwise correlation of a set is
 * {@code (|Σ z|² − Σ |z|²) / (k (k − 1))}: one strategy swapped changes it in O(days), which is what makes
 * {@link Candidate} incremental.
 *
 * <p>Thread-safety: immutable; shared by every thread of a search.
 */
public final class PortfolioProblem {
    private final PnlMatrix matrix;
    private final int size;
    private final Objective objective;
    private final double penalty;
    private final Zones zones;
    private final double maxCorrelation;
    private final double[] pnl;
    private final StandardizedRows rows;
    private final double[] strategyScores;
    private final int days;
    private final int strategies;

    private PortfolioProblem(Builder b) {
        this.matrix = b.matrix;
        this.size = b.size;
        this.objective = b.objective;
        this.penalty = b.penalty;
        this.zones = b.zones;
        this.maxCorrelation = b.maxCorrelation;
        this.pnl = matrix.values();
        this.days = matrix.days();
        this.strategies = matrix.strategies();
        if (size < 1 || size > strategies) {
            throw new IllegalArgumentException("the portfolio size " + size + " must be between 1 and the "
                    + strategies + " strategies of the universe");
        }
        if (zones != null) {
            if (zones.strategies() != strategies) {
                throw new IllegalArgumentException("the zones map " + zones.strategies() + " strategies, the matrix "
                        + "holds " + strategies);
            }
            zones.checkSatisfiable(size);
        }
        this.rows = StandardizedRows.of(matrix);
        this.strategyScores = new double[strategies];
        for (int s = 0; s < strategies; s++) {
            strategyScores[s] = objective.score(matrix.row(s));
        }
    }

    /** A builder over {@code matrix}, with the defaults: size 35 (or the universe if smaller), ratio, w = 0.1. */
    public static Builder builder(PnlMatrix matrix) {
        return new Builder(matrix);
    }

    /** The universe. */
    public PnlMatrix matrix() {
        return matrix;
    }

    /** The number of strategies in the universe. */
    public int strategies() {
        return strategies;
    }

    /** The number of days. */
    public int days() {
        return days;
    }

    /** How many strategies a portfolio holds. */
    public int size() {
        return size;
    }

    /** The objective whose score the fitness penalises. */
    public Objective objective() {
        return objective;
    }

    /** {@code w} of the fitness. */
    public double correlationPenalty() {
        return penalty;
    }

    /** The zones a portfolio must satisfy, if any. */
    public Optional<Zones> zones() {
        return Optional.ofNullable(zones);
    }

    /** The largest correlation allowed between two chosen strategies; {@code NaN} when there is no cap. */
    public double maxCorrelation() {
        return maxCorrelation;
    }

    /** Each strategy's own objective score (the strategy alone as a portfolio): a heuristic for searches. */
    public double strategyScore(int s) {
        return strategyScores[s];
    }

    /** Pearson's correlation of strategies {@code a} and {@code b} over the days (0 if either is constant). */
    public double correlation(int a, int b) {
        return dot(a, b);
    }

    double dot(int a, int b) {
        return rows.dot(a, b);
    }

    double[] pnl() {
        return pnl;
    }

    double[] standardised() {
        return rows.values();
    }

    double normSquared(int s) {
        return rows.normSquared(s);
    }

    /** {@code score × (1 − w × mean correlation)}. */
    double fitness(double score, double meanCorrelation) {
        return score * (1 - penalty * meanCorrelation);
    }

    /**
     * Scores a portfolio from scratch: for reporting and for checking incremental results (a search uses
     * {@link Candidate}).
     *
     * @throws IllegalArgumentException if {@code members} is not a valid portfolio of this problem
     */
    public Evaluation evaluate(int[] members) {
        String why = invalidity(members);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        double[] sum = new double[days];
        double[] zsum = new double[days];
        double[] z = rows.values();
        double norms = 0;
        for (int s : members) {
            for (int d = 0; d < days; d++) {
                sum[d] += pnl[s * days + d];
                zsum[d] += z[s * days + d];
            }
            norms += rows.normSquared(s);
        }
        double mean = meanCorrelation(zsum, norms, members.length);
        double score = objective.score(sum);
        return new Evaluation(fitness(score, mean), score, PnlStatistics.roi(sum), PnlStatistics.maxDrawdown(sum),
                mean, sum);
    }

    /** {@code (|Σz|² − Σ|z|²) / (k (k − 1))}, 0 for fewer than two strategies. */
    static double meanCorrelation(double[] zsum, double norms, int k) {
        double s2 = 0;
        for (double v : zsum) {
            s2 += v * v;
        }
        return meanCorrelation(s2, norms, k);
    }

    /** The same from {@code |Σz|²} already summed. */
    static double meanCorrelation(double sumSquared, double norms, int k) {
        return k < 2 ? 0 : (sumSquared - norms) / ((double) k * (k - 1));
    }

    /** Whether {@code members} is a valid portfolio: the size, distinct strategies in range, zones, the cap. */
    public boolean isValid(int[] members) {
        return invalidity(members) == null;
    }

    private String invalidity(int[] members) {
        if (members.length != size) {
            return "a portfolio of this problem holds " + size + " strategies, not " + members.length;
        }
        boolean[] seen = new boolean[strategies];
        int[] counts = zones == null ? null : new int[zones.count()];
        for (int s : members) {
            if (s < 0 || s >= strategies) {
                return "strategy " + s + " is not in the universe of " + strategies;
            }
            if (seen[s]) {
                return "strategy '" + matrix.name(s) + "' is chosen twice";
            }
            seen[s] = true;
            if (counts != null) {
                counts[zones.zoneOf(s)]++;
            }
        }
        if (counts != null) {
            for (int z = 0; z < counts.length; z++) {
                if (counts[z] < zones.min(z) || counts[z] > zones.max(z)) {
                    return "zone '" + zones.names().get(z) + "' holds " + counts[z] + " strategies, outside "
                            + zones.min(z) + ".." + zones.max(z);
                }
            }
        }
        if (!Double.isNaN(maxCorrelation)) {
            for (int i = 0; i < members.length; i++) {
                for (int j = i + 1; j < members.length; j++) {
                    if (dot(members[i], members[j]) > maxCorrelation) {
                        return "'" + matrix.name(members[i]) + "' and '" + matrix.name(members[j])
                                + "' correlate above " + maxCorrelation;
                    }
                }
            }
        }
        return null;
    }

    /**
     * A valid portfolio built from a preference order: strategies are taken from {@code preferred} (the first
     * {@code length} entries, best first; duplicates and out-of-range entries skipped) while they keep the portfolio
     * valid, zone minimums first, and the rest is filled at random. This is how algorithms that work on rankings,
     * positions or recombined parents turn them into portfolios.
     *
     * @throws IllegalStateException if no valid portfolio can be completed (a correlation cap too tight)
     */
    public int[] decode(int[] preferred, int length, SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        int[] out = new int[size];
        boolean[] chosen = new boolean[strategies];
        int[] counts = zones == null ? null : new int[zones.count()];
        int n = 0;
        if (zones != null) {
            // zone minimums, from the preferred strategies first
            for (int i = 0; i < length && n < size; i++) {
                int s = preferred[i];
                if (s >= 0 && s < strategies && !chosen[s] && counts[zones.zoneOf(s)] < zones.min(zones.zoneOf(s))
                        && fitsCap(out, n, s)) {
                    out[n++] = s;
                    chosen[s] = true;
                    counts[zones.zoneOf(s)]++;
                }
            }
            n = fillMinimums(out, n, chosen, counts, random);
        }
        for (int i = 0; i < length && n < size; i++) {
            int s = preferred[i];
            if (s >= 0 && s < strategies && !chosen[s] && allowed(s, counts, size - n) && fitsCap(out, n, s)) {
                out[n++] = s;
                chosen[s] = true;
                if (counts != null) {
                    counts[zones.zoneOf(s)]++;
                }
            }
        }
        int attempts = 0;
        while (n < size) {
            int s = random.nextInt(strategies);
            if (!chosen[s] && allowed(s, counts, size - n) && fitsCap(out, n, s)) {
                out[n++] = s;
                chosen[s] = true;
                if (counts != null) {
                    counts[zones.zoneOf(s)]++;
                }
                attempts = 0;
            } else if (++attempts > 50 * strategies) {
                throw new IllegalStateException("no valid portfolio of " + size + " could be completed: the "
                        + "correlation cap " + maxCorrelation + " leaves too few compatible strategies");
            }
        }
        return out;
    }

    /** A valid portfolio drawn at random. */
    public int[] random(SplittableRandom random) {
        return decode(new int[0], 0, random);
    }

    private int fillMinimums(int[] out, int n, boolean[] chosen, int[] counts, SplittableRandom random) {
        for (int z = 0; z < zones.count(); z++) {
            int attempts = 0;
            while (counts[z] < zones.min(z)) {
                int s = random.nextInt(strategies);
                if (zones.zoneOf(s) == z && !chosen[s] && fitsCap(out, n, s)) {
                    out[n++] = s;
                    chosen[s] = true;
                    counts[z]++;
                } else if (++attempts > 50 * strategies) {
                    throw new IllegalStateException("zone '" + zones.names().get(z) + "' cannot reach its "
                            + "minimum under the correlation cap " + maxCorrelation);
                }
            }
        }
        return n;
    }

    /**
     * Whether {@code s} may join given the zone counts, leaving {@code slots} places to fill (one of them for
     * {@code s}): its zone is below its maximum, and the places left after it still cover the other zones'
     * unmet minimums.
     */
    private boolean allowed(int s, int[] counts, int slots) {
        if (counts == null) {
            return true;
        }
        int z = zones.zoneOf(s);
        if (counts[z] >= zones.max(z)) {
            return false;
        }
        int unmet = 0;
        for (int y = 0; y < counts.length; y++) {
            if (y != z) {
                unmet += Math.max(0, zones.min(y) - counts[y]);
            }
        }
        return unmet <= slots - 1;
    }

    private boolean fitsCap(int[] members, int n, int s) {
        if (Double.isNaN(maxCorrelation)) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (dot(members[i], s) > maxCorrelation) {
                return false;
            }
        }
        return true;
    }

    /**
     * A portfolio's figures.
     *
     * <p>Thread-safety: immutable (the P&amp;L array is a fresh copy the caller owns).
     *
     * @param fitness the search's fitness
     * @param score the objective's score before the penalty
     * @param roi the total P&amp;L
     * @param maxDrawdown the maximum drawdown (≥ 0)
     * @param meanCorrelation the mean pairwise correlation of the strategies
     * @param pnl the portfolio's daily P&amp;L
     */
    public record Evaluation(double fitness, double score, double roi, double maxDrawdown, double meanCorrelation,
            double[] pnl) {
        @Override
        public String toString() {
            return "Evaluation[fitness=" + fitness + ", score=" + score + ", roi=" + roi + ", maxDrawdown="
                    + maxDrawdown + ", meanCorrelation=" + meanCorrelation + ", days=" + pnl.length + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Evaluation e && e.fitness == fitness && e.score == score && e.roi == roi
                    && e.maxDrawdown == maxDrawdown && e.meanCorrelation == meanCorrelation
                    && Arrays.equals(e.pnl, pnl);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(fitness) * 31 + Arrays.hashCode(pnl);
        }
    }

    /**
     * Builds a {@link PortfolioProblem}.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private final PnlMatrix matrix;
        private int size;
        private Objective objective = Objective.Standard.ratio;
        private double penalty = 0.1;
        private Zones zones;
        private double maxCorrelation = Double.NaN;

        private Builder(PnlMatrix matrix) {
            this.matrix = Objects.requireNonNull(matrix, "matrix");
            this.size = Math.min(35, matrix.strategies());
        }

        /** How many strategies a portfolio holds (default 35). */
        public Builder size(int size) {
            this.size = size;
            return this;
        }

        /** The objective (default {@code ratio}: ROI over maximum drawdown). */
        public Builder objective(Objective objective) {
            this.objective = Objects.requireNonNull(objective, "objective");
            return this;
        }

        /** {@code w}, the weight of the mean pairwise correlation in the fitness (default 0.1). */
        public Builder correlationPenalty(double w) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("the correlation penalty must be a finite number, not " + w);
            }
            this.penalty = w;
            return this;
        }

        /** Zones a portfolio must satisfy ({@code null}: none). */
        public Builder zones(Zones zones) {
            this.zones = zones;
            return this;
        }

        /** The largest pairwise correlation allowed, in [−1, 1] ({@code NaN}: no cap, the default). */
        public Builder maxCorrelation(double cap) {
            if (!Double.isNaN(cap) && (cap < -1 || cap > 1)) {
                throw new IllegalArgumentException("the maximum correlation must be in [-1, 1], not " + cap);
            }
            this.maxCorrelation = cap;
            return this;
        }

        /** The problem. @throws IllegalArgumentException if the size or the zones cannot be satisfied */
        public PortfolioProblem build() {
            return new PortfolioProblem(this);
        }
    }
}
