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
        int days = m.days();
        double[] values = m.values();
        double[] row = new double[days];
        double[] score = new double[strategies];
        for (int s = 0; s < strategies; s++) {
            System.arraycopy(values, s * days, row, 0, days);
            score[s] = metric.score(row);
        }
        int want = Math.min(n, strategies);
        // the want-th best score, by a primitive sort; then the strategies above it, and those equal to it by index
        double[] sorted = score.clone();
        Arrays.sort(sorted);
        double cut = sorted[strategies - want];
        int[] out = new int[want];
        int k = 0;
        for (int s = 0; s < strategies; s++) {
            if (score[s] > cut) {
                out[k++] = s;
            }
        }
        for (int s = 0; s < strategies && k < want; s++) {
            if (score[s] == cut) {
                out[k++] = s;
            }
        }
        Integer[] order = new Integer[want];
        Arrays.setAll(order, i -> out[i]);
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a])
                : Integer.compare(a, b));
        for (int i = 0; i < want; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
