package dev.quiver.features;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Series for the tests: the reference CSV's columns, synthetic series, and helpers that run a kernel. */
public final class TestSeries {
    private static final String ORACLE = "/oracle/ttr_aapl_2013_2018.csv";
    private static volatile Map<String, double[]> oracle;

    private TestSeries() {
    }

    /** A column of the TTR reference file; empty fields are {@code NaN}. */
    public static double[] oracle(String column) {
        double[] values = oracleColumns().get(column);
        if (values == null) {
            throw new IllegalArgumentException("no column '" + column + "' in " + ORACLE);
        }
        return values.clone();
    }

    /** AAPL's daily closes, 2013-05-13..2018-05-11 (1260 values). */
    public static double[] aaplClose() {
        return oracle("Close");
    }

    private static Map<String, double[]> oracleColumns() {
        Map<String, double[]> columns = oracle;
        if (columns == null) {
            columns = readCsv(ORACLE);
            oracle = columns;
        }
        return columns;
    }

    private static Map<String, double[]> readCsv(String resource) {
        try (InputStream in = TestSeries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split(",", -1);
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    String[] fields = line.split(",", -1);
                    if (fields.length != header.length) {
                        throw new IllegalStateException(resource + " row " + (rows.size() + 2) + ": " + fields.length
                                + " fields, the header has " + header.length);
                    }
                    rows.add(fields);
                }
            }
            Map<String, double[]> columns = new HashMap<>();
            for (int c = 1; c < header.length; c++) { // column 0 is the date
                double[] values = new double[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    String f = rows.get(i)[c];
                    values[i] = f.isEmpty() ? Double.NaN : Double.parseDouble(f);
                }
                columns.put(header[c], values);
            }
            return Map.copyOf(columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A geometric random walk from 100 with 2% daily volatility (fixed seed). */
    public static double[] randomWalk(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[length];
        double price = 100;
        for (int i = 0; i < length; i++) {
            price *= Math.exp(0.02 * gaussian(random));
            x[i] = price;
        }
        return x;
    }

    /**
     * A random walk with missing values: leading NaNs, isolated NaNs, a run of NaNs, infinities, and flat stretches
     * (repeated values), so every branch of every kernel runs.
     */
    public static double[] randomWithGaps(long seed, int length) {
        double[] x = randomWalk(seed, length);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < Math.min(7, length); i++) {
            x[i] = Double.NaN;
        }
        for (int i = 7; i < length; i++) {
            double u = random.nextDouble();
            if (u < 0.04) {
                x[i] = Double.NaN;
            } else if (u < 0.045) {
                x[i] = random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            } else if (u < 0.10 && i > 0 && Double.isFinite(x[i - 1])) {
                x[i] = x[i - 1];
            }
        }
        if (length > 400) {
            Arrays.fill(x, 300, 340, Double.NaN);
            Arrays.fill(x, 360, 380, 42.0);
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, so the series does not depend on the JDK's nextGaussian algorithm
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Runs a one-input, one-output kernel's batch form over a whole array. */
    public static double[] batch(FeatureKernel kernel, double[] input) {
        MemorySegment in = MemorySegment.ofArray(input.clone());
        double[] out = new double[input.length];
        Arrays.fill(out, 12345.0); // the kernel must overwrite every row
        kernel.computeSeries(new MemorySegment[] {in}, new MemorySegment[] {MemorySegment.ofArray(out)}, 0,
                input.length);
        return out;
    }

    /** Runs a one-input, one-output kernel's batch form over an off-heap copy of the array. */
    public static double[] batchOffHeap(FeatureKernel kernel, double[] input) {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment in = arena.allocate((long) input.length * Double.BYTES, Double.BYTES);
            MemorySegment.copy(input, 0, in, ValueLayout.JAVA_DOUBLE, 0, input.length);
            MemorySegment out = arena.allocate((long) input.length * Double.BYTES, Double.BYTES);
            kernel.computeSeries(new MemorySegment[] {in}, new MemorySegment[] {out}, 0, input.length);
            return out.toArray(ValueLayout.JAVA_DOUBLE);
        }
    }

    /** Feeds an array bar by bar to a fresh incremental state of a one-input, one-output kernel. */
    public static double[] incremental(FeatureKernel kernel, double[] input) {
        IncrementalKernel state = kernel.incremental();
        double[] out = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = state.update(input[i]);
        }
        return out;
    }

    /** A long-format panel (symbol, time, close) of several series, symbols named s0, s1, ... in order. */
    public static Table panelTable(TableBuilder builder, double[]... series) {
        int rows = 0;
        for (double[] s : series) {
            rows += s.length;
        }
        String[] symbols = new String[rows];
        long[] times = new long[rows];
        double[] close = new double[rows];
        int r = 0;
        for (int s = 0; s < series.length; s++) {
            for (int i = 0; i < series[s].length; i++) {
                symbols[r] = String.format("s%03d", s);
                times[r] = 86_400_000L * (16_000 + i);
                close[r] = series[s][i];
                r++;
            }
        }
        return builder.string("symbol", symbols).int64("time", times).float64("Close", close).build();
    }

    /**
     * One series of bars: open, high, low, close and volume columns of equal length.
     *
     * @param open opening prices
     * @param high highs
     * @param low lows
     * @param close closes
     * @param volume volumes
     */
    public record Bars(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        /** The number of bars. */
        public int length() {
            return close.length;
        }

        /** The column for an input role ({@code open}, {@code high}, {@code low}, {@code volume}; else close). */
        public double[] column(String role) {
            return switch (role.toLowerCase(java.util.Locale.ROOT)) {
                case "open" -> open;
                case "high" -> high;
                case "low" -> low;
                case "volume" -> volume;
                default -> close;
            };
        }

        /** The first {@code length} bars. */
        public Bars head(int length) {
            return new Bars(Arrays.copyOf(open, length), Arrays.copyOf(high, length), Arrays.copyOf(low, length),
                    Arrays.copyOf(close, length), Arrays.copyOf(volume, length));
        }

        /** Bars {@code [from, to)}. */
        public Bars range(int from, int to) {
            return new Bars(Arrays.copyOfRange(open, from, to), Arrays.copyOfRange(high, from, to),
                    Arrays.copyOfRange(low, from, to), Arrays.copyOfRange(close, from, to),
                    Arrays.copyOfRange(volume, from, to));
        }
    }

    /** AAPL's daily bars, 2013-05-13..2018-05-11 (1260 bars). */
    public static Bars aaplBars() {
        return new Bars(oracle("Open"), oracle("High"), oracle("Low"), oracle("Close"), oracle("Volume"));
    }

    /**
     * Bars around a close series: the open is the previous close, high and low lie up to 1.5% beyond the larger
     * and smaller of open and close, volume is random; a missing close makes the whole bar missing.
     */
    public static Bars barsAround(long seed, double[] close) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 17);
        int n = close.length;
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            double c = close[i];
            double o = i > 0 && Double.isFinite(close[i - 1]) ? close[i - 1] : c;
            open[i] = o;
            high[i] = Math.max(o, c) * (1 + 0.015 * random.nextDouble());
            low[i] = Math.min(o, c) * (1 - 0.015 * random.nextDouble());
            volume[i] = Double.isFinite(c) ? Math.floor(1e6 * (0.5 + random.nextDouble())) : c;
            if (!Double.isFinite(c)) {
                high[i] = c;
                low[i] = c;
            }
        }
        return new Bars(open, high, low, close, volume);
    }

    /** Bars around {@link #randomWalk}. */
    public static Bars randomBars(long seed, int length) {
        return barsAround(seed, randomWalk(seed, length));
    }

    /**
     * Bars around {@link #randomWithGaps}, with in addition single missing highs, lows and volumes in bars whose
     * close is finite, so that a bar with only some inputs missing is exercised too.
     */
    public static Bars randomBarsWithGaps(long seed, int length) {
        Bars bars = barsAround(seed, randomWithGaps(seed, length));
        SplittableRandom random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        for (int i = 10; i < length; i++) {
            double u = random.nextDouble();
            if (u < 0.01) {
                bars.high()[i] = Double.NaN;
            } else if (u < 0.02) {
                bars.low()[i] = Double.NaN;
            } else if (u < 0.025) {
                bars.volume()[i] = Double.NaN;
            }
        }
        return bars;
    }

    /** The kernel's input columns taken from bars, by input role. */
    public static double[][] inputs(FeatureKernel kernel, Bars bars) {
        List<String> roles = kernel.descriptor().inputs();
        double[][] in = new double[roles.size()][];
        for (int i = 0; i < in.length; i++) {
            in[i] = bars.column(roles.get(i)).clone();
        }
        return in;
    }

    /** Runs a kernel's batch form over whole arrays, one per input; returns one array per output. */
    public static double[][] batch(FeatureKernel kernel, double[][] input) {
        int rows = input.length == 0 ? 0 : input[0].length;
        MemorySegment[] in = new MemorySegment[input.length];
        for (int i = 0; i < input.length; i++) {
            in[i] = MemorySegment.ofArray(input[i].clone());
        }
        double[][] out = new double[kernel.outputs().size()][rows];
        MemorySegment[] outSegs = new MemorySegment[out.length];
        for (int o = 0; o < out.length; o++) {
            Arrays.fill(out[o], 12345.0); // the kernel must overwrite every row
            outSegs[o] = MemorySegment.ofArray(out[o]);
        }
        kernel.computeSeries(in, outSegs, 0, rows);
        return out;
    }

    /** Runs a kernel's batch form over the bars' columns for its input roles. */
    public static double[][] batch(FeatureKernel kernel, Bars bars) {
        return batch(kernel, inputs(kernel, bars));
    }

    /** Feeds arrays, one per input, bar by bar to a fresh incremental state; returns one array per output. */
    public static double[][] incremental(FeatureKernel kernel, double[][] input) {
        int rows = input.length == 0 ? 0 : input[0].length;
        IncrementalKernel state = kernel.incremental();
        double[][] out = new double[kernel.outputs().size()][rows];
        double[] bar = new double[input.length];
        double[] values = new double[out.length];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < input.length; i++) {
                bar[i] = input[i][r];
            }
            state.update(bar, values);
            for (int o = 0; o < out.length; o++) {
                out[o][r] = values[o];
            }
        }
        return out;
    }

    /** Feeds the bars' columns for the kernel's input roles to a fresh incremental state. */
    public static double[][] incremental(FeatureKernel kernel, Bars bars) {
        return incremental(kernel, inputs(kernel, bars));
    }

    /** The bits of every value of every output, so that assertions compare values exactly. */
    public static long[][] bits(double[][] values) {
        long[][] bits = new long[values.length][];
        for (int i = 0; i < values.length; i++) {
            bits[i] = bits(values[i]);
        }
        return bits;
    }

    /** A long-format panel (symbol, time, Open, High, Low, Close, Volume) of several bar series. */
    public static Table panelTable(TableBuilder builder, Bars... series) {
        int rows = 0;
        for (Bars s : series) {
            rows += s.length();
        }
        String[] symbols = new String[rows];
        long[] times = new long[rows];
        double[][] cols = new double[5][rows];
        int r = 0;
        for (int s = 0; s < series.length; s++) {
            Bars b = series[s];
            for (int i = 0; i < b.length(); i++) {
                symbols[r] = String.format("s%03d", s);
                times[r] = 86_400_000L * (16_000 + i);
                cols[0][r] = b.open()[i];
                cols[1][r] = b.high()[i];
                cols[2][r] = b.low()[i];
                cols[3][r] = b.close()[i];
                cols[4][r] = b.volume()[i];
                r++;
            }
        }
        return builder.string("symbol", symbols).int64("time", times).float64("Open", cols[0])
                .float64("High", cols[1]).float64("Low", cols[2]).float64("Close", cols[3])
                .float64("Volume", cols[4]).build();
    }

    /** A panel over {@link #panelTable}. */
    public static Panel panel(Table table) {
        return Panel.of(table, "symbol", "time");
    }

    /** The bits of each value, so that assertions compare values exactly, NaN payloads aside. */
    public static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToLongBits(values[i]);
        }
        return bits;
    }
}
