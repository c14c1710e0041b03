package dev.quiver.backtest.engine;

/**
 * The equity-curve arrays of one sweep thread, reused by each summary run it does, so that a 10,000-run sweep does
 * not allocate (and zero) two arrays per run only to drop them after the metrics.
 *
 * <p>Thread-safety: not thread-safe; one per thread.
 */
final class RunScratch {
    long[] times = new long[0];
    double[] equity = new double[0];
}
