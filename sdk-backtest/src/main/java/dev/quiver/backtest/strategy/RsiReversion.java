package dev.quiver.backtest.strategy;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.backtest.engine.PositionSizer;

/**
 * {@code rsi_reversion(n, low, high)}: mean reversion on Wilder's RSI of the close: long when {@code rsi(n)} closes
 * below {@code low} (oversold), flat when it closes above {@code high} (overbought). Long only, or long-short with
 * {@code allow_short} (short where it would go flat). The RSI is sdk-features' incremental {@code rsi} kernel (first
 * value at bar {@code n}).
 *
 * <p>Thread-safety: not thread-safe; one instance per run.
 */
public final class RsiReversion implements Strategy {
    private final FeatureKernel kernel;
    private final double low;
    private final double high;
    private final SignalState signals;
    private IncrementalKernel[] rsi = new IncrementalKernel[0];

    /**
     * RSI mean reversion.
     *
     * @throws IllegalArgumentException unless {@code 0 <= low < high <= 100} and {@code n >= 1}
     */
    public RsiReversion(int n, double low, double high, PositionSizer sizer) {
        this(n, low, high, sizer, false);
    }

    /**
     * The same strategy, long-short when {@code allowShort}: its exit signal goes short instead of flat, its entry
     * signal covers and goes long.
     *
     * @throws IllegalArgumentException as the long-only constructor
     */
    public RsiReversion(int n, double low, double high, PositionSizer sizer, boolean allowShort) {
        if (n < 1 || !(low >= 0 && low < high && high <= 100)) {
            throw new IllegalArgumentException("rsi_reversion needs n >= 1 and 0 <= low < high <= 100, not n " + n
                    + ", low " + low + ", high " + high);
        }
        this.kernel = Indicators.rsi(n);
        this.low = low;
        this.high = high;
        this.signals = new SignalState(java.util.Objects.requireNonNull(sizer, "sizer"), allowShort);
    }

    @Override
    public void onBar(Bar bar, StrategyContext context) {
        int s = bar.symbolIndex();
        if (s >= rsi.length || rsi[s] == null) {
            rsi = PerSymbol.grow(rsi, s);
            rsi[s] = kernel.incremental();
        }
        signals.observe(bar);
        double value = rsi[s].update(bar.close());
        if (value == value) {
            signals.act(bar, context, value < low, value > high);
        }
    }
}
