package dev.quiver.backtest.strategy;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.internal.BatchColumns;
import dev.quiver.backtest.internal.Crossings;

/**
 * {@code sma_cross(fast, slow)}: long when the fast simple moving average of the close crosses above the slow one,
 * flat when it crosses below. Long only, or long-short with {@code allow_short}; each symbol of the panel is traded on
 * its own, sharing the account.
 *
 * <p>A cross at bar {@code i} means {@code fast[i] > slow[i]} (above) while at the latest earlier bar where the two
 * differed, {@code fast < slow} (below); bars where they are equal are skipped, as ta4j's {@code CrossIndicator} does.
 * The first possible cross is at bar {@code slow} (both averages defined at that bar and the one before). A missing
 * close restarts the averages' warm-up. The averages are sdk-features' scalar {@code sma} kernel: in a historical run
 * its batch columns over the panel, and their crossings (computed once per panel and pair of lengths, shared by every
 * run over the panel: a sweep computes each once), so that a bar costs one byte's read; in a live session its
 * incremental states; both give the same bits.
 *
 * <p>Thread-safety: not thread-safe; one instance per run.
 */
public final class SmaCross implements Strategy {
    private final FeatureKernel fastKernel;
    private final FeatureKernel slowKernel;
    private final SignalState signals;
    private IncrementalKernel[] fast = new IncrementalKernel[0];
    private IncrementalKernel[] slow = new IncrementalKernel[0];
    private int[] side = new int[0];
    // the crossings of a historical run's batch columns, by table row; null when stepping the incremental states
    private byte[] crossings;

    /**
     * A crossover of {@code sma(fast)} over {@code sma(slow)}.
     *
     * @throws IllegalArgumentException if {@code fast} is not below {@code slow} or either is below 1
     */
    public SmaCross(int fast, int slow, PositionSizer sizer) {
        this(fast, slow, sizer, false);
    }

    /**
     * The same strategy, long-short when {@code allowShort}: its exit signal goes short instead of flat, its entry
     * signal covers and goes long.
     *
     * @throws IllegalArgumentException as the long-only constructor
     */
    public SmaCross(int fast, int slow, PositionSizer sizer, boolean allowShort) {
        if (fast < 1 || fast >= slow) {
            throw new IllegalArgumentException("sma_cross needs 1 <= fast < slow, not fast " + fast + ", slow "
                    + slow);
        }
        this.fastKernel = Indicators.sma(fast);
        this.slowKernel = Indicators.sma(slow);
        this.signals = new SignalState(java.util.Objects.requireNonNull(sizer, "sizer"), allowShort);
    }

    /**
     * In a historical run, takes the crossings of both averages' batch columns over the panel (computed once per
     * panel and pair of lengths and shared by every run over it; the same bits as the incremental states), if the run
     * has them.
     */
    @Override
    public void onStart(StrategyContext context) {
        crossings = context instanceof BatchColumns history ? history.batchCrossings(fastKernel, slowKernel) : null;
    }

    @Override
    public void onBar(Bar bar, StrategyContext context) {
        // the per-bar path is kept small, so that the engine's loop can inline it: the first bar of a symbol and the
        // orders are methods of their own
        signals.observe(bar);
        byte[] c = crossings;
        if (c != null) {
            byte cross = c[bar.row()];
            if (cross != 0) {
                signals.act(bar, context, cross == Crossings.ABOVE, cross == Crossings.BELOW);
            }
            return;
        }
        int s = bar.symbolIndex();
        if (s >= fast.length || fast[s] == null) {
            addSymbol(s);
        }
        double close = bar.close();
        double f = fast[s].update(close);
        double sl = slow[s].update(close);
        int previous = side[s];
        int now = Crossings.side(f, sl, previous);
        side[s] = now;
        if (now != previous && previous != 0 && now != 0) {
            signals.act(bar, context, now > 0, now < 0);
        }
    }

    private void addSymbol(int s) {
        side = PerSymbol.grow(side, s);
        fast = PerSymbol.grow(fast, s);
        slow = PerSymbol.grow(slow, s);
        fast[s] = fastKernel.incremental();
        slow[s] = slowKernel.incremental();
    }
}
