package dev.quiver.api.backtest;

import dev.quiver.api.table.Panel;
import java.util.List;

/**
 * The Backtester SPI: runs strategies bar by bar over a panel of bars.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Bars.</b> The panel's table has {@code FLOAT64} columns {@code open}, {@code high}, {@code low},
 *       {@code close}, {@code volume}; bars are visited in time order, and within one timestamp in symbol order.</li>
 *   <li><b>No look-ahead.</b> A strategy sees a bar only after every earlier bar; orders submitted on a bar fill no
 *       earlier than the configured {@link FillTiming}.</li>
 *   <li><b>Shared data.</b> The panel is read, never written or copied per run; many runs share it.</li>
 *   <li><b>Sweeps.</b> Runs are independent: one failure becomes a {@link RunOutcome.Failed} and the others go on;
 *       outcomes come back in the order of the runs given, and do not depend on the thread count.</li>
 * </ul>
 *
 * <p>Thread-safety: implementations are safe for concurrent use.
 */
public interface Backtester {

    /**
     * Runs one strategy.
     *
     * @throws IllegalArgumentException if the panel lacks a bar column
     */
    BacktestResult run(Strategy strategy, Panel bars, BacktestConfig config);

    /**
     * Runs many strategies over the same bars on {@link BacktestConfig#parallelism()} threads, reporting to a
     * listener.
     *
     * @return one outcome per run, in the order given
     */
    List<RunOutcome> sweep(List<StrategyRun> runs, Panel bars, BacktestConfig config, ProgressListener listener);
}
