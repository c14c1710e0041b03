package dev.quiver.backtest.strategy;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.backtest.engine.PositionSizer;

/**
 * {@code breakout(n)}: a Donchian channel breakout: long when the close rises above the highest high of the {@code n}
 * bars before this one, flat when it falls below their lowest low. Long only, or long-short with {@code allow_short}
 * (short where it would go flat). The channel excludes the current bar (otherwise the close could never exceed it);
 * the first signal is possible at bar {@code n}. Bars with a missing high or low are left out of the channel.
 *
 * <p>Thread-safety: not thread-safe; one instance per run.
 */
public final class Breakout implements Strategy {
    private final int n;
    private final SignalState signals;
    private RollingExtreme[] highs = new RollingExtreme[0];
    private RollingExtreme[] lows = new RollingExtreme[0];

    /**
     * A breakout of the prior {@code n}-bar channel.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Breakout(int n, PositionSizer sizer) {
        this(n, sizer, false);
    }

    /**
     * The same strategy, long-short when {@code allowShort}: its exit signal goes short instead of flat, its entry
     * signal covers and goes long.
     *
     * @throws IllegalArgumentException as the long-only constructor
     */
    public Breakout(int n, PositionSizer sizer, boolean allowShort) {
        if (n < 1) {
            throw new IllegalArgumentException("breakout needs n >= 1, not " + n);
        }
        this.n = n;
        this.signals = new SignalState(java.util.Objects.requireNonNull(sizer, "sizer"), allowShort);
    }

    @Override
    public void onBar(Bar bar, StrategyContext context) {
        int s = bar.symbolIndex();
        if (s >= highs.length || highs[s] == null) {
            highs = PerSymbol.grow(highs, s);
            lows = PerSymbol.grow(lows, s);
            highs[s] = new RollingExtreme(n, true);
            lows[s] = new RollingExtreme(n, false);
        }
        signals.observe(bar);
        RollingExtreme hh = highs[s];
        RollingExtreme ll = lows[s];
        double close = bar.close();
        if (hh.full() && ll.full() && close == close) {
            signals.act(bar, context, close > hh.value(), close < ll.value());
        }
        double high = bar.high();
        double low = bar.low();
        if (high == high && low == low) {
            hh.push(high);
            ll.push(low);
        }
    }
}
