package dev.quiver.backtest.internal;

import dev.quiver.api.feature.FeatureKernel;

/**
 * What a historical run offers its strategy besides {@link dev.quiver.api.backtest.StrategyContext}: an indicator's
 * batch column over the run's panel, computed once per panel and kernel and shared by every run over it, so that a
 * built-in strategy reads its indicator at the bar's row ({@link dev.quiver.api.backtest.Bar#row()}) instead of
 * stepping an incremental state per bar. Where a kernel's batch and incremental forms give the same bits (proven by
 * sdk-features' testkit), the strategy trades the same either way; a live session offers no columns.
 *
 * <p>Thread-safety: implementations are confined to their run's thread; the columns they return are shared between
 * runs and must not be written.
 */
public interface BatchColumns {
    /**
     * The kernel's batch output over every series of the run's panel (its input the close), indexed by table row;
     * {@code null} when there is no panel (a live session) or the panel already keeps as many columns as it may.
     */
    double[] batchColumn(FeatureKernel kernel);

    /**
     * Where {@code a}'s batch column crosses {@code b}'s ({@link Crossings#of}, each series on its own, the side
     * starting at 0 at its first row), by table row: computed once per panel and pair of kernels and shared by every
     * run over it, so that a crossover strategy reads one byte per bar; {@code null} as {@link #batchColumn} is. The
     * default has none.
     */
    default byte[] batchCrossings(FeatureKernel a, FeatureKernel b) {
        return null;
    }
}
