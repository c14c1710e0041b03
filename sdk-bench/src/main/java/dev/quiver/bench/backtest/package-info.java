/**
 * Benchmarks of sdk-backtest: bar-steps per second of an SMA crossover in the event engine and the vectorised path
 * against ta4j and a bare loop ({@link dev.quiver.bench.backtest.SmaCrossBenchmark}), the same crossover run per
 * symbol of a 4,000 × 1,260 panel ({@link dev.quiver.bench.backtest.PanelBenchmark}), and a 10,000-run sweep on one
 * and two threads ({@link dev.quiver.bench.backtest.SweepBenchmark}).
 */
package dev.quiver.bench.backtest;
