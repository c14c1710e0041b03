package dev.quiver.cli;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.spark.BacktestSetup;
import java.io.Serial;
import java.util.function.Supplier;

/**
 * {@code quiver backtest}'s options as a {@link BacktestSetup} for a sweep on Spark: the option text travels to the
 * executors, which parse it with the command's own parsers, so a run there is the run this JVM would make.
 *
 * <p>Thread-safety: immutable.
 *
 * @param commission the --commission text
 * @param slippage the --slippage text
 * @param size the --size text
 * @param cash the --cash amount
 * @param fill the --fill text
 * @param periodsPerYear the --periods-per-year value
 */
record CliBacktestSetup(String commission, String slippage, String size, double cash, String fill,
                        double periodsPerYear) implements BacktestSetup {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public EventBacktester backtester() {
        return EventBacktester.builder().commission(BacktestCommand.commission(commission))
                .slippage(BacktestCommand.slippage(slippage)).build();
    }

    @Override
    public BacktestConfig config() {
        return BacktestConfig.builder().initialCash(cash).fill(BacktestCommand.fillTiming(fill))
                .periodsPerYear(periodsPerYear).parallelism(1).build();
    }

    @Override
    public Supplier<? extends PositionSizer> sizer() {
        return BacktestCommand.sizer(size, periodsPerYear);
    }
}
