package dev.quiver.features;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Bars (open, high, low, close, volume) for the tests of kernels of any shape, and helpers that run such a kernel
 * over them: a series is a {@code double[][]} of columns, one per OHLCV field; a kernel's inputs are picked from it
 * by role name ({@code high}, {@code close}, ...).
 */
public final class Bars {
    /** The column order of a series. */
    public static final List<String> FIELDS = List.of("open", "high", "low", "close", "volume");

    private Bars() {
    }

    /** AAPL's daily bars from the TTR reference file (1260 rows). */
    public static double[][] aapl() {
        return new double[][] {TestSeries.oracle("Open"), TestSeries.oracle("High"), TestSeries.oracle("Low"),
            TestSeries.oracle("Close"), TestSeries.oracle("Volume")};
    }

    /**
     * Random daily bars around a geometric random walk (2% volatility), with flat stretches (open = high = low =
     * close) of 12 bars every 1,000 bars, so that empty ranges and unchanged prices occur. No missing values. (Longer
     * flat stretches would let Wilder averages decay below TA-Lib's 1e-8 "zero", which some kernels do not
     * share: see their documentation.)
     */
    public static double[][] random(long seed, int length) {
        double[] close = TestSeries.randomWalk(seed, length);
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        double[][] bars = new double[5][length];
        for (int i = 0; i < length; i++) {
            double c = close[i];
            double o = i == 0 ? c : close[i - 1] * Math.exp(0.005 * (random.nextDouble() - 0.5));
            bars[0][i] = o;
            bars[1][i] = Math.max(o, c) * (1 + 0.01 * random.nextDouble());
            bars[2][i] = Math.min(o, c) * (1 - 0.01 * random.nextDouble());
            bars[3][i] = c;
            bars[4][i] = Math.rint(1e6 * (1 + 9 * random.nextDouble()));
        }
        for (int start = 500; start + 12 <= length; start += 1000) {
            for (int i = start; i < start + 12; i++) {
                for (int f = 0; f < 4; f++) {
                    bars[f][i] = close[start - 1];
                }
            }
        }
        return bars;
    }

    /**
     * {@link #random} bars with missing values: the first 7 bars missing, single fields missing (NaN or ±∞) at random
     * (about 2% of the bars), whole bars missing (2%), a run of 40 missing bars, and a flat stretch.
     */
    public static double[][] randomWithGaps(long seed, int length) {
        double[][] bars = random(seed, length);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < length; i++) {
            double u = random.nextDouble();
            if (i < 7 || u < 0.02 || (i >= 300 && i < 340)) {
                for (double[] field : bars) {
                    field[i] = Double.NaN;
                }
            } else if (u < 0.04) {
                double bad = random.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
                bars[random.nextInt(5)][i] = random.nextBoolean() ? bad : -bad;
            }
        }
        if (length > 400) {
            for (int i = 360; i < 380; i++) {
                for (int f = 0; f < 4; f++) {
                    bars[f][i] = 42.0;
                }
            }
        }
        return bars;
    }

    /** The kernel's input columns from a series, by the descriptor's role names. */
    public static double[][] inputs(FeatureKernel kernel, double[][] bars) {
        List<String> roles = kernel.descriptor().inputs();
        double[][] in = new double[roles.size()][];
        for (int k = 0; k < in.length; k++) {
            int f = FIELDS.indexOf(roles.get(k).toLowerCase(Locale.ROOT));
            if (f < 0) {
                throw new IllegalArgumentException("no bar field for input role " + roles.get(k));
            }
            in[k] = bars[f].clone();
        }
        return in;
    }

    /** Rows {@code [from, to)} of every column. */
    public static double[][] slice(double[][] columns, int from, int to) {
        double[][] s = new double[columns.length][];
        for (int k = 0; k < s.length; k++) {
            s[k] = Arrays.copyOfRange(columns[k], from, to);
        }
        return s;
    }

    /** The kernel's batch form over a series' bars: one array per output. */
    public static double[][] batch(FeatureKernel kernel, double[][] bars) {
        double[][] in = inputs(kernel, bars);
        int rows = bars[0].length;
        MemorySegment[] ins = new MemorySegment[in.length];
        for (int k = 0; k < in.length; k++) {
            ins[k] = MemorySegment.ofArray(in[k]);
        }
        double[][] out = new double[kernel.outputs().size()][rows];
        MemorySegment[] outs = new MemorySegment[out.length];
        for (int o = 0; o < out.length; o++) {
            Arrays.fill(out[o], 12345.0); // the kernel must overwrite every row
            outs[o] = MemorySegment.ofArray(out[o]);
        }
        kernel.computeSeries(ins, outs, 0, rows);
        return out;
    }

    /** The kernel's batch form over off-heap copies of a series' bars. */
    public static double[][] batchOffHeap(FeatureKernel kernel, double[][] bars) {
        double[][] in = inputs(kernel, bars);
        int rows = bars[0].length;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] ins = new MemorySegment[in.length];
            for (int k = 0; k < in.length; k++) {
                ins[k] = arena.allocate((long) rows * Double.BYTES, Double.BYTES);
                MemorySegment.copy(in[k], 0, ins[k], ValueLayout.JAVA_DOUBLE, 0, rows);
            }
            MemorySegment[] outs = new MemorySegment[kernel.outputs().size()];
            for (int o = 0; o < outs.length; o++) {
                outs[o] = arena.allocate((long) rows * Double.BYTES, Double.BYTES);
            }
            kernel.computeSeries(ins, outs, 0, rows);
            double[][] out = new double[outs.length][];
            for (int o = 0; o < outs.length; o++) {
                out[o] = outs[o].toArray(ValueLayout.JAVA_DOUBLE);
            }
            return out;
        }
    }

    /** A fresh incremental state of the kernel fed a series' bars one by one: one array per output. */
    public static double[][] incremental(FeatureKernel kernel, double[][] bars) {
        return feed(kernel.incremental(), kernel, bars);
    }

    /** Feeds a series' bars to a state: one array per output. */
    public static double[][] feed(IncrementalKernel state, FeatureKernel kernel, double[][] bars) {
        double[][] in = inputs(kernel, bars);
        int rows = bars[0].length;
        double[][] out = new double[kernel.outputs().size()][rows];
        double[] x = new double[in.length];
        double[] y = new double[out.length];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < x.length; k++) {
                x[k] = in[k][i];
            }
            state.update(x, y);
            for (int o = 0; o < y.length; o++) {
                out[o][i] = y[o];
            }
        }
        return out;
    }

    /** The bits of every value of every column, so that assertions compare values exactly. */
    public static long[][] bits(double[][] columns) {
        long[][] bits = new long[columns.length][];
        for (int k = 0; k < columns.length; k++) {
            bits[k] = TestSeries.bits(columns[k]);
        }
        return bits;
    }

    /** A long-format panel (symbol, time, Open, High, Low, Close, Volume) of several series, symbols s000, ... */
    public static Table panelTable(TableBuilder builder, double[][]... series) {
        int rows = 0;
        for (double[][] s : series) {
            rows += s[0].length;
        }
        String[] symbols = new String[rows];
        long[] times = new long[rows];
        double[][] fields = new double[5][rows];
        int r = 0;
        for (int s = 0; s < series.length; s++) {
            for (int i = 0; i < series[s][0].length; i++) {
                symbols[r] = String.format("s%03d", s);
                times[r] = 86_400_000L * (16_000 + i);
                for (int f = 0; f < 5; f++) {
                    fields[f][r] = series[s][f][i];
                }
                r++;
            }
        }
        return builder.string("symbol", symbols).int64("time", times).float64("Open", fields[0])
                .float64("High", fields[1]).float64("Low", fields[2]).float64("Close", fields[3])
                .float64("Volume", fields[4]).build();
    }
}
