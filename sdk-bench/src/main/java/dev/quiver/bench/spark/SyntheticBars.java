package dev.quiver.bench.spark;

import dev.quiver.bench.SyntheticPrices;
import java.util.SplittableRandom;

/**
 * The bars of one synthetic symbol, as {@code FeatureSetBenchmark} makes them: closes from {@link SyntheticPrices}
 * (seed 42), the open the previous close, high and low beyond the open-close range by a half-normal fraction (sd 1 %)
 * of the close, a log-normal volume around 1 M shares. The single JVM and the Spark tasks build the same values.
 *
 * <p>Thread-safety: stateless.
 */
final class SyntheticBars {
    /** The columns after symbol and time. */
    static final String[] FIELDS = {"open", "high", "low", "close", "volume"};

    private SyntheticBars() {
    }

    /** The symbol's name. */
    static String name(int symbol) {
        return String.format("S%06d", symbol);
    }

    /** The symbol's time of day {@code r}: epoch milliseconds of consecutive days. */
    static long time(int r) {
        return 86_400_000L * (10_000 + r);
    }

    /** The symbol's bars: {@code [field][day]} in the order of {@link #FIELDS}. */
    static double[][] of(int symbol, int days) {
        double[] closes = SyntheticPrices.walk(SyntheticPrices.SEED, symbol, days);
        SplittableRandom random = new SplittableRandom(SyntheticPrices.SEED + symbol + 1_000_000);
        double[][] bars = new double[FIELDS.length][days];
        double previous = 100;
        for (int r = 0; r < days; r++) {
            double c = closes[r];
            double top = Math.max(previous, c);
            double bottom = Math.min(previous, c);
            bars[0][r] = previous;
            bars[1][r] = top + Math.abs(gaussian(random)) * 0.01 * c;
            bars[2][r] = bottom - Math.abs(gaussian(random)) * 0.01 * c;
            bars[3][r] = c;
            bars[4][r] = Math.rint(1e6 * Math.exp(0.5 * gaussian(random)));
            previous = c;
        }
        return bars;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
