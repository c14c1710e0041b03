package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.table.Timestamps;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link Strategy} on bars pushed as they arrive (a live or paper-trading feed), with the same account, order
 * and cost rules as {@link EventBacktester}: pushed the bars of a panel in the backtester's order (time, then
 * symbol), a session produces exactly the historical run's trades and equity curve.
 *
 * <pre>{@code
 * LiveSession session = LiveSession.builder(strategy).symbols(List.of("AAPL", "MSFT")).build();
 * feed.onBar((sym, t, o, h, l, c, v) -> session.onBar(sym, t, o, h, l, c, v));
 * ...
 * BacktestResult so_far = session.finish();
 * }</pre>
 *
 * <p>A timestamp ends when a bar of a later timestamp arrives (or at {@link #finish()}); its equity is then
 * recorded. Symbols named on the builder get the indices the backtester would give a panel of them (list them in
 * ascending order for identical results); others are added as they first appear.
 *
 * <p>Thread-safety: thread-safe; every method is synchronized, so a feed thread may push bars while another thread
 * reads the account.
 */
public final class LiveSession {
    private final ExecutionCore core;
    private long[] lastTime = new long[0];
    private boolean inTimestamp;
    private boolean finished;
    private BacktestResult result;

    private LiveSession(ExecutionCore core) {
        this.core = core;
    }

    /** A builder for a session running this strategy. */
    public static Builder builder(Strategy strategy) {
        return new Builder(strategy);
    }

    /**
     * Processes one bar.
     *
     * @throws IllegalArgumentException if the bar is older than the latest bar, or this symbol already had a bar at
     *     this time
     * @throws IllegalStateException if the session has finished
     */
    public synchronized void onBar(String symbol, long time, double open, double high, double low, double close,
                                   double volume) {
        Objects.requireNonNull(symbol, "symbol");
        if (finished) {
            throw new IllegalStateException("the live session has finished; start a new one");
        }
        if (inTimestamp && time < core.now()) {
            throw new IllegalArgumentException("bar for " + symbol + " at " + Timestamps.format(time)
                    + " is older than the latest bar (" + Timestamps.format(core.now()) + "); bars must arrive in "
                    + "time order");
        }
        int s = core.addSymbol(symbol);
        if (s >= lastTime.length) {
            int old = lastTime.length;
            lastTime = Arrays.copyOf(lastTime, Math.max(s + 1, old * 2));
            Arrays.fill(lastTime, old, lastTime.length, ExecutionCore.BEFORE_FIRST_BAR);
        }
        if (lastTime[s] == time) {
            throw new IllegalArgumentException("a second bar for " + symbol + " at " + Timestamps.format(time));
        }
        if (!inTimestamp || time > core.now()) {
            if (inTimestamp) {
                core.endTimestamp();
            }
            core.beginTimestamp(time);
            inTimestamp = true;
        }
        lastTime[s] = time;
        core.step(s, time, open, high, low, close, volume);
    }

    /** Cash in the account now. */
    public synchronized double cash() {
        return core.cash();
    }

    /** Equity now: cash plus positions at their latest close. */
    public synchronized double equity() {
        return core.equity();
    }

    /** The signed position in a symbol (0 if none). */
    public synchronized double position(String symbol) {
        return core.position(symbol);
    }

    /**
     * Ends the session: records the last timestamp's equity, calls the strategy's {@code onFinish}, and returns the
     * trades, equity curve and metrics. Later calls return the same result.
     */
    public synchronized BacktestResult finish() {
        if (!finished) {
            finished = true;
            if (inTimestamp) {
                core.endTimestamp();
            }
            result = core.finish();
        }
        return result;
    }

    /**
     * Configures a {@link LiveSession}.
     *
     * <p>Thread-safety: not thread-safe; build on one thread.
     */
    public static final class Builder {
        private final Strategy strategy;
        private BacktestConfig config = BacktestConfig.defaults();
        private List<String> symbols = List.of();
        private CommissionModel commission;
        private SlippageModel slippage;

        private Builder(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
        }

        /** The account and execution settings (defaults: {@link BacktestConfig#defaults()}). */
        public Builder config(BacktestConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The symbols known in advance, in the order that numbers them (a panel's is ascending). */
        public Builder symbols(List<String> symbols) {
            this.symbols = List.copyOf(symbols);
            return this;
        }

        /** Charges this commission instead of the config's basis points. */
        public Builder commission(CommissionModel model) {
            this.commission = Objects.requireNonNull(model, "commission");
            return this;
        }

        /** Applies this slippage instead of the config's basis points. */
        public Builder slippage(SlippageModel model) {
            this.slippage = Objects.requireNonNull(model, "slippage");
            return this;
        }

        /** The session; calls the strategy's {@code onStart}. */
        public LiveSession build() {
            ExecutionCore core = new ExecutionCore(strategy, symbols, config, commission, slippage, 256);
            core.start();
            return new LiveSession(core);
        }
    }
}
