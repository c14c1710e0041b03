package dev.quiver.portfolio.search;

import java.util.Arrays;

/**
 * One portfolio under search, scored incrementally: it keeps the portfolio's daily P&amp;L and the sum of its
 * strategies' standardised series, so the fitness after swapping one strategy for another costs O(days) (plus
 * O(size × days) for the correlation cap, when one is set) instead of a full recomputation. Every fitness it computes
 * counts as one evaluation of its {@link SearchContext}, and every portfolio it settles on is offered to the context
 * as a possible best.
 *
 * <p>Thread-safety: not thread-safe; each thread of a search works on its own candidates.
 */
public final class Candidate {
    private final PortfolioProblem problem;
    private final SearchContext context;
    private final int days;
    private final int[] members;
    private final boolean[] chosen;
    private final int[] zoneCounts;
    private final double[] pnl;
    private final double[] zsum;
    private final double[] scratch;
    private double norms;
    private double fitness = Double.NaN;
    private double score;
    private double meanCorrelation;

    Candidate(SearchContext context) {
        this.context = context;
        this.problem = context.problem();
        this.days = problem.days();
        this.members = new int[problem.size()];
        this.chosen = new boolean[problem.strategies()];
        this.zoneCounts = problem.zones().map(z -> new int[z.count()]).orElse(null);
        this.pnl = new double[days];
        this.zsum = new double[days];
        this.scratch = new double[days];
    }

    /**
     * Sets the portfolio (a valid one, as {@link PortfolioProblem#decode} makes) and scores it from scratch.
     *
     * @throws IllegalArgumentException if {@code portfolio} is not valid
     */
    public Candidate set(int[] portfolio) {
        if (!problem.isValid(portfolio)) {
            problem.evaluate(portfolio); // throws, saying why
        }
        Arrays.fill(chosen, false);
        if (zoneCounts != null) {
            Arrays.fill(zoneCounts, 0);
        }
        Arrays.fill(pnl, 0);
        Arrays.fill(zsum, 0);
        norms = 0;
        double[] values = problem.pnl();
        double[] z = problem.standardised();
        for (int i = 0; i < portfolio.length; i++) {
            int s = portfolio[i];
            members[i] = s;
            chosen[s] = true;
            if (zoneCounts != null) {
                zoneCounts[problem.zones().orElseThrow().zoneOf(s)]++;
            }
            int base = s * days;
            for (int d = 0; d < days; d++) {
                pnl[d] += values[base + d];
                zsum[d] += z[base + d];
            }
            norms += problem.normSquared(s);
        }
        rescore();
        return this;
    }

    /** Copies another candidate of the same search (no evaluation is counted). */
    public Candidate copyFrom(Candidate other) {
        System.arraycopy(other.members, 0, members, 0, members.length);
        System.arraycopy(other.chosen, 0, chosen, 0, chosen.length);
        if (zoneCounts != null) {
            System.arraycopy(other.zoneCounts, 0, zoneCounts, 0, zoneCounts.length);
        }
        System.arraycopy(other.pnl, 0, pnl, 0, days);
        System.arraycopy(other.zsum, 0, zsum, 0, days);
        norms = other.norms;
        fitness = other.fitness;
        score = other.score;
        meanCorrelation = other.meanCorrelation;
        return this;
    }

    private void rescore() {
        meanCorrelation = PortfolioProblem.meanCorrelation(zsum, norms, members.length);
        score = problem.objective().score(pnl);
        fitness = problem.fitness(score, meanCorrelation);
        context.evaluated(1);
        context.offer(members, fitness);
    }

    /** The number of strategies (the problem's size). */
    public int size() {
        return members.length;
    }

    /** The strategy in {@code slot}. */
    public int member(int slot) {
        return members[slot];
    }

    /** The strategies, a copy, in slot order. */
    public int[] members() {
        return members.clone();
    }

    /** Whether strategy {@code s} is in the portfolio. */
    public boolean contains(int s) {
        return chosen[s];
    }

    /** The fitness of the portfolio. */
    public double fitness() {
        return fitness;
    }

    /** The objective's score before the penalty. */
    public double score() {
        return score;
    }

    /** The mean pairwise correlation of the strategies. */
    public double meanCorrelation() {
        return meanCorrelation;
    }

    /**
     * Whether replacing the strategy in {@code slot} by {@code incoming} keeps the portfolio valid: {@code incoming}
     * is not already in it, the zones stay within bounds and no pair exceeds the correlation cap.
     */
    public boolean canSwap(int slot, int incoming) {
        if (chosen[incoming]) {
            return false;
        }
        int outgoing = members[slot];
        if (zoneCounts != null) {
            Zones zones = problem.zones().orElseThrow();
            int zo = zones.zoneOf(outgoing);
            int zi = zones.zoneOf(incoming);
            if (zo != zi && (zoneCounts[zo] - 1 < zones.min(zo) || zoneCounts[zi] + 1 > zones.max(zi))) {
                return false;
            }
        }
        double cap = problem.maxCorrelation();
        if (!Double.isNaN(cap)) {
            for (int i = 0; i < members.length; i++) {
                if (i != slot && problem.dot(members[i], incoming) > cap) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The fitness the portfolio would have with {@code incoming} in {@code slot}, in O(days); counts one evaluation.
     * The caller checks {@link #canSwap} first.
     */
    public double fitnessIfSwapped(int slot, int incoming) {
        int outgoing = members[slot];
        double[] values = problem.pnl();
        double[] z = problem.standardised();
        int bo = outgoing * days;
        int bi = incoming * days;
        double s2 = 0;
        for (int d = 0; d < days; d++) {
            scratch[d] = pnl[d] - values[bo + d] + values[bi + d];
            double zs = zsum[d] - z[bo + d] + z[bi + d];
            s2 += zs * zs;
        }
        double n2 = norms - problem.normSquared(outgoing) + problem.normSquared(incoming);
        double mean = PortfolioProblem.meanCorrelation(s2, n2, members.length);
        context.evaluated(1);
        return problem.fitness(problem.objective().score(scratch), mean);
    }

    /** Replaces the strategy in {@code slot} by {@code incoming}, in O(days); counts one evaluation. */
    public void swap(int slot, int incoming) {
        if (chosen[incoming]) {
            throw new IllegalArgumentException("strategy " + incoming + " is already in the portfolio");
        }
        int outgoing = members[slot];
        double[] values = problem.pnl();
        double[] z = problem.standardised();
        int bo = outgoing * days;
        int bi = incoming * days;
        for (int d = 0; d < days; d++) {
            pnl[d] += values[bi + d] - values[bo + d];
            zsum[d] += z[bi + d] - z[bo + d];
        }
        norms += problem.normSquared(incoming) - problem.normSquared(outgoing);
        chosen[outgoing] = false;
        chosen[incoming] = true;
        members[slot] = incoming;
        if (zoneCounts != null) {
            Zones zones = problem.zones().orElseThrow();
            zoneCounts[zones.zoneOf(outgoing)]--;
            zoneCounts[zones.zoneOf(incoming)]++;
        }
        rescore();
    }

    @Override
    public String toString() {
        return "Candidate[fitness=" + fitness + ", members=" + Arrays.toString(members) + "]";
    }
}
