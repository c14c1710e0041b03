package dev.quiver.portfolio.correlation;

import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.objective.Objective;
import java.util.Arrays;

/**
 * Strategies ranked by a metric of their own daily P&amp;L ({@link Objective}: {@code roi}, the total, by default for
 * {@code quiver correlate}; {@code sharpe}, {@code ratio}, {@code calmar} and the others), best first, ties broken by
 * the lower index.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class StrategyRanking {
    private StrategyRanking() {
    }

    /** The indices of the {@code n} best strategies of {@code m} by {@code metric} (all of them if fewer). */
    public static int[] top(PnlMatrix m, int n, Objective metric) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of strategies must be positive, not " + n);
        }
        int strategies = m.strategies();
        double[] score = new double[strategies];
        for (int s = 0; s < strategies; s++) {
            score[s] = metric.score(m.row(s));
        }
        Integer[] order = new Integer[strategies];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a])
                : Integer.compare(a, b));
        int[] out = new int[Math.min(n, strategies)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
