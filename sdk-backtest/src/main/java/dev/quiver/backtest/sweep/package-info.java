/**
 * Sweeps: {@link dev.quiver.backtest.sweep.ParamGrid parameter grids}, the {@link dev.quiver.backtest.sweep.SweepPlan
 * plan} of strategies times a grid, a {@link dev.quiver.backtest.sweep.ConsoleProgress console progress bar}, and the
 * {@link dev.quiver.backtest.sweep.SweepTable result table} (CSV and Arrow IPC, sortable by any metric).
 */
package dev.quiver.backtest.sweep;
