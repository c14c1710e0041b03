package dev.quiver.backtest.internal;

import dev.quiver.api.backtest.EquityCurve;

/**
 * The equity-curve arrays of one thread, reused run after run: a historical run (of the event engine or the
 * vectorised path) records its curve here, and its result copies it once (an
 * {@link dev.quiver.api.backtest.EquityCurve} copies what it is given), so a sweep of 10,000 runs or a run per symbol
 * of a 4,000-symbol panel does not allocate and zero two arrays per run only to drop them after the copy.
 *
 * <p>A run {@link #claim claims} its thread's scratch and {@link #release releases} it when done; a run started
 * while another is in progress on the same thread (a strategy that backtests inside {@code onBar}) gets arrays of
 * its own.
 *
 * <p>Thread-safety: not thread-safe; one per thread.
 */
public final class CurveScratch {
    /** The curve of a result that keeps its metrics only (a summary run). */
    public static final EquityCurve NO_CURVE = new EquityCurve(new long[0], new double[0]);
    /** Curves up to this length are kept per thread; a longer one gets fresh arrays, dropped after its run. */
    private static final int MAX_KEPT = 1 << 20;
    private static final ThreadLocal<CurveScratch> THREAD = ThreadLocal.withInitial(CurveScratch::new);

    /** The times of the curve's points. */
    public long[] times = new long[0];
    /** The equity of the curve's points. */
    public double[] equity = new double[0];
    private boolean claimed;

    /** The calling thread's scratch, claimed, with arrays of exactly {@code points} values. */
    public static CurveScratch claim(int points) {
        CurveScratch scratch = THREAD.get();
        if (scratch.claimed || points > MAX_KEPT) {
            scratch = new CurveScratch();
        }
        scratch.claimed = true;
        if (scratch.times.length != points) {
            scratch.times = new long[points];
            scratch.equity = new double[points];
        }
        return scratch;
    }

    /** Gives the scratch back to its thread. */
    public void release() {
        claimed = false;
    }
}
