package dev.quiver.features.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic synthetic daily bars (open, high, low, close, volume) for kernel tests, reproducible from a seed.
 *
 * <p><b>Generator.</b> The close is a geometric random walk from 100 with daily log returns
 * {@code N(0.0003, 0.02²)}; the open gaps from the previous close by {@code N(0, 0.005²)} in log terms; the high and
 * low extend {@code max(open, close)} and {@code min(open, close)} by {@code |N(0, 0.01²)|} in log terms, so
 * {@code low ≤ open, close ≤ high} always; the volume is {@code round(10⁶·exp(N(0, 0.5²)))}. Normal draws use
 * Box-Muller on {@link SplittableRandom} uniforms, so the bars do not depend on the JDK's {@code nextGaussian}.
 * Any other input role (say {@code benchmark}) gets an independent close-like walk seeded from the role's name.
 *
 * <p>{@link #withGaps(long)} adds the missing values kernels must survive.
 *
 * <p>Thread-safety: immutable; the column accessors return copies.
 */
public final class SyntheticBars {
    private final long seed;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final long gapSeed; // 0: no gaps

    private SyntheticBars(long seed, double[] open, double[] high, double[] low, double[] close, double[] volume,
                          long gapSeed) {
        this.seed = seed;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.gapSeed = gapSeed;
    }

    /**
     * {@code rows} daily bars from {@code seed}.
     *
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public static SyntheticBars generate(long seed, int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows " + rows + " < 0");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] open = new double[rows];
        double[] high = new double[rows];
        double[] low = new double[rows];
        double[] close = new double[rows];
        double[] volume = new double[rows];
        double previous = 100;
        for (int i = 0; i < rows; i++) {
            double o = previous * Math.exp(0.005 * gaussian(random));
            double c = previous * Math.exp(0.0003 + 0.02 * gaussian(random));
            open[i] = o;
            close[i] = c;
            high[i] = Math.max(o, c) * Math.exp(Math.abs(0.01 * gaussian(random)));
            low[i] = Math.min(o, c) * Math.exp(-Math.abs(0.01 * gaussian(random)));
            volume[i] = Math.round(1e6 * Math.exp(0.5 * gaussian(random)));
            previous = c;
        }
        return new SyntheticBars(seed, open, high, low, close, volume, 0);
    }

    /**
     * A copy with missing values in every column: the first 7 bars missing, about 4% of bars missing ({@code NaN}
     * in every column), about 0.5% infinite in one column, 3% of single values missing in one column, about 5% of
     * bars repeating the previous bar exactly (flat stretches), and, if there are more than 400 rows, rows 300..339
     * missing and rows 360..379 all equal to 42.
     *
     * @param seed chooses where the gaps fall
     */
    public SyntheticBars withGaps(long seed) {
        double[][] cols = {open.clone(), high.clone(), low.clone(), close.clone(), volume.clone()};
        int rows = close.length;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < rows; i++) {
            double u = random.nextDouble();
            int column = random.nextInt(cols.length);
            if (i < 7 || u < 0.04) {
                setBar(cols, i, Double.NaN);
            } else if (u < 0.045) {
                cols[column][i] = random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            } else if (u < 0.075) {
                cols[column][i] = Double.NaN;
            } else if (u < 0.125 && i > 0) {
                for (double[] c : cols) {
                    c[i] = c[i - 1];
                }
            }
        }
        if (rows > 400) {
            for (int i = 300; i < 340; i++) {
                setBar(cols, i, Double.NaN);
            }
            for (int i = 360; i < 380; i++) {
                setBar(cols, i, 42.0);
            }
        }
        return new SyntheticBars(this.seed, cols[0], cols[1], cols[2], cols[3], cols[4], seed == 0 ? 1 : seed);
    }

    /** The first {@code rows} bars. */
    public SyntheticBars head(int rows) {
        int r = Math.min(rows, close.length);
        return new SyntheticBars(seed, Arrays.copyOf(open, r), Arrays.copyOf(high, r), Arrays.copyOf(low, r),
                Arrays.copyOf(close, r), Arrays.copyOf(volume, r), gapSeed);
    }

    /** The number of bars. */
    public int rows() {
        return close.length;
    }

    /**
     * The column for an input role, case-insensitive: {@code open}, {@code high}, {@code low}, {@code close},
     * {@code volume}; any other role gets an independent close-like walk, the same for the same name and seed
     * (with this copy's gaps in its close, if it has gaps).
     */
    public double[] column(String role) {
        return switch (role.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> open.clone();
            case "high" -> high.clone();
            case "low" -> low.clone();
            case "close" -> close.clone();
            case "volume" -> volume.clone();
            default -> other(role);
        };
    }

    private double[] other(String role) {
        SyntheticBars walk = generate(seed * 31 + role.trim().toLowerCase(Locale.ROOT).hashCode(), close.length);
        if (gapSeed != 0) {
            walk = walk.withGaps(gapSeed + 1);
        }
        return walk.close;
    }

    private static void setBar(double[][] cols, int i, double value) {
        for (double[] c : cols) {
            c[i] = value;
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Override
    public String toString() {
        return "SyntheticBars[seed " + seed + ", " + close.length + " rows" + (gapSeed != 0 ? ", with gaps" : "")
                + "]";
    }
}
