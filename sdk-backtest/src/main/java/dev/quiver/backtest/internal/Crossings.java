package dev.quiver.backtest.internal;

/**
 * The crossover rule of {@link dev.quiver.backtest.strategy.SmaCross} and {@link dev.quiver.backtest.signal.Signals}:
 * one place for it, so that a strategy stepping bar by bar, its crossings precomputed over a panel, and signal
 * columns computed from batch indicators all agree.
 *
 * <p>The side of two values is 1 when {@code a > b}, -1 when {@code a < b}, the side before when they are equal, 0
 * (a restart) when either is missing; {@code a} crosses above {@code b} where the side turns from -1 to 1, below
 * where it turns from 1 to -1.
 *
 * <p>Thread-safety: stateless.
 */
public final class Crossings {
    /** {@link #of}'s value where {@code a} crosses above {@code b}. */
    public static final byte ABOVE = 1;
    /** {@link #of}'s value where {@code a} crosses below {@code b}. */
    public static final byte BELOW = -1;

    private Crossings() {
    }

    /** The side of {@code a} against {@code b}, given the side before (see the class comment). */
    public static int side(double a, double b, int previous) {
        return a != a || b != b ? 0 : a > b ? 1 : a < b ? -1 : previous;
    }

    /**
     * The crossings of one series, rows {@code [from, to)}, the side starting at 0: {@code out[i]} is
     * {@link #ABOVE}, {@link #BELOW} or 0.
     */
    public static void of(double[] a, double[] b, int from, int to, byte[] out) {
        int side = 0;
        for (int i = from; i < to; i++) {
            int now = side(a[i], b[i], side);
            out[i] = (byte) (now != side && side != 0 && now != 0 ? now : 0);
            side = now;
        }
    }
}
