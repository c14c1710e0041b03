package dev.quiver.spark;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import java.io.Serial;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * How the runs of a {@link QuiverSpark#sweep Spark sweep} are backtested: the backtester (commission, slippage), the
 * configuration (cash, fills, periods per year) and the position sizer. It travels to the executors, which build the
 * backtester from it there (neither {@link EventBacktester} nor {@link BacktestConfig} is serializable), so an
 * implementation holds what it needs as serializable fields: option text, numbers.
 *
 * <p>Thread-safety: implementations must be immutable; each method may be called from any thread.
 */
public interface BacktestSetup extends Serializable {
    /** The backtester every run of the sweep uses. */
    EventBacktester backtester();

    /** The configuration every run uses (its parallelism is ignored: each Spark task runs its runs in turn). */
    BacktestConfig config();

    /** The factory of each run's position sizer. */
    Supplier<? extends PositionSizer> sizer();

    /** The defaults of {@code quiver backtest}: no costs, {@link BacktestConfig#defaults()}, all equity per entry. */
    static BacktestSetup defaults() {
        return new Defaults();
    }

    /** {@link #defaults()}. */
    record Defaults() implements BacktestSetup {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public EventBacktester backtester() {
            return EventBacktester.create();
        }

        @Override
        public BacktestConfig config() {
            return BacktestConfig.defaults();
        }

        @Override
        public Supplier<? extends PositionSizer> sizer() {
            return () -> PositionSizer.percentOfEquity(1);
        }
    }
}
