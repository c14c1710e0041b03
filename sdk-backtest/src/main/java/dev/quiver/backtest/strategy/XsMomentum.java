package dev.quiver.backtest.strategy;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.OrderRequest;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import java.util.Arrays;

/**
 * {@code xs_momentum(lookback, skip, top, bottom, rebalance, gross)}: cross-sectional momentum. Every
 * {@code rebalance} timestamps it ranks the symbols by their return over {@code lookback} bars ending {@code skip}
 * bars ago, goes long the {@code top} fraction and short the {@code bottom} fraction, equal weight, with gross
 * exposure {@code gross} (1 by default), and closes every other position. It acts in
 * {@link Strategy#onTimestamp}, once all symbols' bars of the timestamp are in.
 *
 * <h2>Rule</h2>
 * <ul>
 *   <li>A symbol's score at a timestamp is {@code c[k - skip] / c[k - skip - lookback] - 1} over its own closes
 *       {@code c} ({@code k} its latest bar); a symbol with fewer than {@code lookback + skip + 1} closes, or a
 *       missing or non-positive close among the two, has no score and is not held.</li>
 *   <li>Rebalances happen at timestamps {@code j} (counted from 0) with {@code j >= lookback + skip} and
 *       {@code (j - lookback - skip) % rebalance == 0}.</li>
 *   <li>With {@code n} scored symbols, the {@code floor(top * n)} highest scores are long and the
 *       {@code floor(bottom * n)} lowest short (ties: the lower symbol index first in the ranking, i.e. it counts as
 *       the higher score); each held symbol's target is {@code ±gross / held * equity / close} units at the
 *       timestamp's equity and the symbol's latest close; one market order per symbol moves it there (still-open
 *       orders of the last rebalance are cancelled first).</li>
 * </ul>
 *
 * <p>Thread-safety: not thread-safe; one instance per run.
 */
public final class XsMomentum implements Strategy {
    private final int lookback;
    private final int skip;
    private final double top;
    private final double bottom;
    private final int rebalance;
    private final double gross;
    private final int window;

    private double[][] closes = new double[0][];
    private long[] seen = new long[0];
    private String[] names = new String[0];
    private long[] orders = new long[0];
    private int symbols;
    private long timestamps;
    // scratch for a rebalance
    private double[] scores = new double[0];
    private int[] order = new int[0];
    private int[] buffer = new int[0];

    /**
     * Cross-sectional momentum.
     *
     * @throws IllegalArgumentException unless {@code lookback >= 1}, {@code skip >= 0}, {@code top} and
     *     {@code bottom} are in [0, 1] with {@code 0 < top + bottom <= 1}, {@code rebalance >= 1} and
     *     {@code gross > 0}
     */
    public XsMomentum(int lookback, int skip, double top, double bottom, int rebalance, double gross) {
        if (lookback < 1 || skip < 0 || !(top >= 0 && top <= 1) || !(bottom >= 0 && bottom <= 1)
                || !(top + bottom > 0 && top + bottom <= 1) || rebalance < 1 || !(gross > 0)
                || Double.isInfinite(gross)) {
            throw new IllegalArgumentException("xs_momentum needs lookback >= 1, skip >= 0, top and bottom in [0, 1]"
                    + " with 0 < top + bottom <= 1, rebalance >= 1 and gross > 0; not lookback " + lookback
                    + ", skip " + skip + ", top " + top + ", bottom " + bottom + ", rebalance " + rebalance
                    + ", gross " + gross);
        }
        this.lookback = lookback;
        this.skip = skip;
        this.top = top;
        this.bottom = bottom;
        this.rebalance = rebalance;
        this.gross = gross;
        this.window = lookback + skip + 1;
    }

    @Override
    public void onBar(Bar bar, StrategyContext context) {
        int s = bar.symbolIndex();
        if (s >= closes.length || closes[s] == null) {
            closes = PerSymbol.grow(closes, s);
            seen = PerSymbol.grow(seen, s);
            names = PerSymbol.grow(names, s);
            orders = PerSymbol.grow(orders, s);
            closes[s] = new double[window];
            names[s] = bar.symbol();
            symbols = Math.max(symbols, s + 1);
        }
        closes[s][(int) (seen[s] % window)] = bar.close();
        seen[s]++;
    }

    @Override
    public void onTimestamp(long time, StrategyContext context) {
        long j = timestamps++;
        long first = lookback + skip;
        if (j < first || (j - first) % rebalance != 0) {
            return;
        }
        int n = symbols;
        if (scores.length < n) {
            scores = new double[n];
            order = new int[n];
            buffer = new int[n];
        }
        int scored = 0;
        for (int s = 0; s < n; s++) {
            double score = score(s);
            scores[s] = score;
            if (score == score) {
                order[scored++] = s;
            }
        }
        sortByScore(scored);
        int longs = (int) Math.floor(top * scored + 1e-9);
        int shorts = (int) Math.floor(bottom * scored + 1e-9);
        int held = longs + shorts;
        double equity = context.equity();
        // targets: +1 for the first longs of the ranking, -1 for the last shorts, 0 otherwise (scores reused)
        double[] side = scores;
        Arrays.fill(side, 0, n, 0);
        for (int i = 0; i < longs; i++) {
            side[order[i]] = 1;
        }
        for (int i = scored - shorts; i < scored; i++) {
            side[order[i]] = -1;
        }
        for (int s = 0; s < n; s++) {
            if (orders[s] != 0) {
                context.cancel(orders[s]);
                orders[s] = 0;
            }
            double position = names[s] == null ? 0 : context.position(names[s]);
            double target = 0;
            if (side[s] != 0) {
                double close = latest(s);
                target = side[s] * gross / held * equity / close;
            }
            double delta = target - position;
            if (delta != 0 && Double.isFinite(delta)) {
                orders[s] = context.submit(OrderRequest.market(names[s], delta));
            }
        }
    }

    private double latest(int s) {
        return closes[s][(int) ((seen[s] - 1) % window)];
    }

    /** The symbol's momentum score, or NaN without enough closes. */
    private double score(int s) {
        double[] ring = closes[s];
        long k = seen[s] - 1;
        if (ring == null || k < lookback + skip) {
            return Double.NaN;
        }
        double recent = ring[(int) ((k - skip) % window)];
        double past = ring[(int) ((k - skip - lookback) % window)];
        if (!(recent > 0) || !(past > 0)) {
            return Double.NaN;
        }
        return recent / past - 1;
    }

    /** Sorts {@code order[0, n)} by score, highest first, ties by symbol index (a stable merge sort). */
    private void sortByScore(int n) {
        int[] a = order;
        int[] b = buffer;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int k = mid;
                int o = lo;
                while (i < mid && k < hi) {
                    b[o++] = scores[a[k]] > scores[a[i]] ? a[k++] : a[i++];
                }
                while (i < mid) {
                    b[o++] = a[i++];
                }
                while (k < hi) {
                    b[o++] = a[k++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        if (a != order) {
            System.arraycopy(a, 0, order, 0, n);
        }
    }
}
