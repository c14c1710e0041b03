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
