package dev.quiver.backtest.signal;

import dev.quiver.api.table.Float64Column;
import dev.quiver.backtest.internal.Crossings;
import java.util.Objects;

/**
 * Signal columns from indicator columns, in whole-column loops: crosses and boolean views of {@code double}
 * columns. The cross rules are those of the event-engine strategies ({@link dev.quiver.backtest.strategy.SmaCross}),
 * so a signal computed here from batch indicators equals the one a strategy computes bar by bar.
 *
 * <p>Thread-safety: stateless.
 */
public final class Signals {
    private Signals() {
    }

    /**
     * Where {@code a} crosses above {@code b}: {@code a[i] > b[i]} while at the latest earlier bar where they
     * differed (with both defined and no missing value in between) {@code a < b}. Equal bars are skipped; a
     * {@code NaN} in either restarts the comparison.
     *
     * @throws IllegalArgumentException if the columns differ in length
     */
    public static boolean[] crossAbove(double[] a, double[] b) {
        return cross(a, b, true);
    }

    /**
     * Where {@code a} crosses below {@code b} (see {@link #crossAbove}).
     *
     * @throws IllegalArgumentException if the columns differ in length
     */
    public static boolean[] crossBelow(double[] a, double[] b) {
        return cross(a, b, false);
    }

    /**
     * Both crosses in one pass, into the caller's arrays: {@code above[i]} is {@link #crossAbove}'s value at
     * {@code i}, {@code below[i]} {@link #crossBelow}'s. For runs that reuse their signal arrays (a sweep), or that
     * need both signals, without the second pass and the two fresh arrays.
     *
     * @throws IllegalArgumentException if the four arrays differ in length
     */
    public static void crosses(double[] a, double[] b, boolean[] above, boolean[] below) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(above, "above");
        Objects.requireNonNull(below, "below");
        if (a.length != b.length || above.length != a.length || below.length != a.length) {
            throw new IllegalArgumentException("crosses: columns of " + a.length + " and " + b.length
                    + " values, signals of " + above.length + " and " + below.length);
        }
        int side = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            double y = b[i];
            int now = Crossings.side(x, y, side);
            above[i] = now > 0 && side < 0;
            below[i] = now < 0 && side > 0;
            side = now;
        }
    }

    private static boolean[] cross(double[] a, double[] b, boolean above) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length != b.length) {
            throw new IllegalArgumentException("cross: columns of " + a.length + " and " + b.length + " values");
        }
        boolean[] up = new boolean[a.length];
        boolean[] down = new boolean[a.length];
        crosses(a, b, up, down);
        return above ? up : down;
    }

    /** A signal that is true where the column is a number other than 0. */
    public static boolean[] of(Float64Column column) {
        boolean[] out = new boolean[column.size()];
        for (int i = 0; i < out.length; i++) {
            double v = column.get(i);
            out[i] = v == v && v != 0;
        }
        return out;
    }

    /** A signal that is true where the value is a number other than 0. */
    public static boolean[] of(double[] values) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < out.length; i++) {
            double v = values[i];
            out[i] = v == v && v != 0;
        }
        return out;
    }
}
