package dev.quiver.features.momentum;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A moving average fed one finite value at a time, with TA-Lib's arithmetic, shared by the composite indicators
 * (MACD, TRIX, APO, PPO, the stochastics): {@link Sma} keeps TA-Lib's running sum ({@code TA_INT_SMA}), {@link Ema}
 * TA-Lib's seeding with the mean of the first {@code n} values ({@code TA_INT_EMA}). The callers handle missing
 * values; these see only finite ones.
 *
 * <p>Thread-safety: not thread-safe; each instance belongs to one state object.
 */
abstract sealed class MovingAverage permits MovingAverage.Sma, MovingAverage.Ema {
    /** The averaging methods a {@code ma} parameter may choose. */
    static final java.util.List<String> METHODS = java.util.List.of("sma", "ema");

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    final int n;

    MovingAverage(int n) {
        this.n = n;
    }

    /** A fresh average of method {@code method} ({@code sma} or {@code ema}) over {@code n} values. */
    static MovingAverage of(String method, int n) {
        return switch (method) {
            case "sma" -> new Sma(n);
            case "ema" -> new Ema(n);
            default -> throw new IllegalArgumentException("unknown moving average '" + method + "'; "
                    + String.join(", ", METHODS));
        };
    }

    /** Consumes the next value; returns the average, or {@code NaN} while fewer than {@code n} values were seen. */
    abstract double next(double x);

    /** Forgets every value. */
    abstract void clear();

    /**
     * The batch form of {@link Sma#next} over rows {@code [from, to)} of a column, with a restart at every
     * {@code NaN}: row {@code i} of {@code out} gets the mean of the last {@code n} values of {@code in} when none of
     * them is {@code NaN}, else {@code NaN}. The same running sum as {@link Sma}, so the same bits. {@code out} must
     * not be {@code in}: the value leaving the window is read back from {@code in}, as TA-Lib's {@code TA_INT_SMA}
     * does. A loop of its own rather than {@code Sma}'s {@code next} per row, the seed apart from the steady loop:
     * on {@code AllIndicatorsBenchmark} that took {@code stoch} from 0.7x TA-Lib's speed to about parity.
     */
    static void sma(MemorySegment in, MemorySegment out, int from, int to, int n) {
        int i = from;
        while (i < to) {
            double partial = 0.0; // the sum of the window's values but the newest
            int seen = 0;
            for (; i < to; i++) { // the seed: n values since the start or the last NaN
                double x = in.getAtIndex(D, i);
                if (Double.isNaN(x)) {
                    seen = 0;
                    partial = 0.0;
                    out.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                double total = partial + x;
                if (++seen == n) {
                    out.setAtIndex(D, i, total / n);
                    partial = total - in.getAtIndex(D, i - n + 1);
                    i++;
                    break;
                }
                partial = total;
                out.setAtIndex(D, i, Double.NaN);
            }
            for (; i < to; i++) { // the steady loop, until a NaN
                double x = in.getAtIndex(D, i);
                if (Double.isNaN(x)) {
                    out.setAtIndex(D, i, Double.NaN);
                    i++;
                    break;
                }
                double total = partial + x;
                out.setAtIndex(D, i, total / n);
                partial = total - in.getAtIndex(D, i - n + 1);
            }
        }
    }

    /** Sets row {@code i} of {@code column} to {@code NaN} wherever that of {@code mask} is. */
    static void maskNaN(MemorySegment column, MemorySegment mask, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Double.isNaN(mask.getAtIndex(D, i))) {
                column.setAtIndex(D, i, Double.NaN);
            }
        }
    }

    /** TA-Lib's smoothing factor {@code 2/(n+1)} ({@code PER_TO_K}). */
    static double emaAlpha(int n) {
        return 2.0 / ((double) (n + 1));
    }

    /**
     * Simple average with TA-Lib's running sum: add the new value, divide, subtract the value leaving the window.
     */
    static final class Sma extends MovingAverage {
        private final double[] ring;
        private int next;
        private int seen;
        private double partial;

        Sma(int n) {
            super(n);
            this.ring = new double[n];
        }

        @Override
        double next(double x) {
            double total = partial + x;
            ring[next] = x;
            next = next + 1 == n ? 0 : next + 1;
            if (seen < n) {
                seen++;
            }
            if (seen == n) {
                partial = total - ring[next]; // the oldest value, which leaves the window next
                return total / n;
            }
            partial = total;
            return Double.NaN;
        }

        @Override
        void clear() {
            next = 0;
            seen = 0;
            partial = 0.0;
        }
    }

    /** Exponential average seeded with the mean of the first {@code n} values, stepped as TA-Lib does. */
    static final class Ema extends MovingAverage {
        private final double alpha;
        private double value;
        private int seen;

        Ema(int n) {
            super(n);
            this.alpha = emaAlpha(n);
        }

        @Override
        double next(double x) {
            if (seen == n) {
                value = ((x - value) * alpha) + value;
                return value;
            }
            value += x;
            seen++;
            if (seen == n) {
                value = value / n;
                return value;
            }
            return Double.NaN;
        }

        @Override
        void clear() {
            value = 0.0;
            seen = 0;
        }
    }
}
