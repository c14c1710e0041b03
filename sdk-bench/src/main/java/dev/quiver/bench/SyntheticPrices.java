package dev.quiver.bench;

import java.util.SplittableRandom;

/**
 * Synthetic daily closes for benchmarks: independent geometric random walks, one per symbol, reproducible from a
 * seed. Symbol {@code s} uses {@code new SplittableRandom(seed + s)}; each day's log return is normal with mean
 * 0.0003 and standard deviation 0.02 (Box-Muller on two uniforms, so the values do not depend on the JDK's
 * {@code nextGaussian}); every walk starts at 100. The benchmarks use seed 42.
 *
 * <p>Thread-safety: stateless.
 */
public final class SyntheticPrices {
    /** The seed every benchmark uses. */
    public static final long SEED = 42;

    private SyntheticPrices() {
    }

    /** One symbol's walk of {@code rows} closes. */
    public static double[] walk(long seed, int symbol, int rows) {
        SplittableRandom random = new SplittableRandom(seed + symbol);
        double[] closes = new double[rows];
        double price = 100;
        for (int i = 0; i < rows; i++) {
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
            price *= Math.exp(0.0003 + 0.02 * z);
            closes[i] = price;
        }
        return closes;
    }

    /** {@code symbols} walks of {@code rows} closes each. */
    public static double[][] walks(long seed, int symbols, int rows) {
        double[][] all = new double[symbols][];
        for (int s = 0; s < symbols; s++) {
            all[s] = walk(seed, s, rows);
        }
        return all;
    }
}
