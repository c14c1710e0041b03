package dev.quiver.features.kernel;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.TestSeries;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bars for kernels with several input columns: named columns (open, high, low, close, volume, benchmark) from the
 * AAPL reference file or generated, and helpers that run a kernel's batch and incremental forms over them. A kernel's
 * inputs are looked up by their (default) column names, ignoring case.
 */
public final class MultiColumnSeries {
    /** The column names every generated set holds. */
    public static final List<String> COLUMNS = List.of("open", "high", "low", "close", "volume", "benchmark");

    private MultiColumnSeries() {
    }

    /**
     * AAPL's daily bars 2013-05-13..2018-05-11 (1260 rows) and, as {@code benchmark}, a synthetic index correlated
     * with it (AAPL's close times a fixed-seed random walk): complete, no missing values.
     */
    public static Map<String, double[]> aapl() {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String c : List.of("Open", "High", "Low", "Close", "Volume")) {
            m.put(c.toLowerCase(Locale.ROOT), TestSeries.oracle(c));
        }
        double[] close = m.get("close");
        double[] walk = TestSeries.randomWalk(42, close.length);
        double[] benchmark = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            benchmark[i] = Math.sqrt(close[i] * walk[i]);
        }
        m.put("benchmark", benchmark);
        return m;
    }

    /**
     * Generated bars without missing values or ties: a random-walk close, high and low around it, positive volume,
     * and an independent random-walk benchmark.
     */
    public static Map<String, double[]> complete(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed * 17 + 3);
        double[] close = TestSeries.randomWalk(seed, length);
        double[] open = new double[length];
        double[] high = new double[length];
        double[] low = new double[length];
        double[] volume = new double[length];
        for (int i = 0; i < length; i++) {
            high[i] = close[i] * (1 + 0.02 * random.nextDouble());
            low[i] = close[i] * (1 - 0.02 * random.nextDouble());
            open[i] = low[i] + (high[i] - low[i]) * random.nextDouble();
            volume[i] = Math.floor(1e5 + 1e7 * random.nextDouble());
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("open", open);
        m.put("high", high);
        m.put("low", low);
        m.put("close", close);
        m.put("volume", volume);
        m.put("benchmark", TestSeries.randomWalk(seed + 1000, length));
        return m;
    }

    /**
     * Generated bars with everything that can go wrong: missing values (NaN, ±∞) in each column independently,
     * leading gaps, a long gap, flat stretches, bars with high = low, zero-volume bars and a zero-volume stretch.
     */
    public static Map<String, double[]> withGaps(long seed, int length) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        double[] close = TestSeries.randomWithGaps(seed, length);
        double[] open = new double[length];
        double[] high = new double[length];
        double[] low = new double[length];
        double[] volume = new double[length];
        for (int i = 0; i < length; i++) {
            double c = close[i];
            double spread = random.nextDouble() < 0.05 ? 0.0 : 0.03 * random.nextDouble();
            high[i] = c * (1 + spread * random.nextDouble()) + (spread == 0 ? 0 : 1e-9);
            low[i] = spread == 0 ? high[i] : c * (1 - spread * random.nextDouble());
            if (spread == 0) {
                close[i] = high[i];
            }
            open[i] = low[i] + (high[i] - low[i]) * random.nextDouble();
            volume[i] = random.nextDouble() < 0.03 ? 0.0 : Math.floor(1e5 + 1e7 * random.nextDouble());
        }
        if (length > 500) {
            Arrays.fill(volume, 420, 450, 0.0);
        }
        double[] benchmark = TestSeries.randomWithGaps(seed + 1000, length);
        for (double[] column : new double[][] {high, low, volume}) {
            for (int i = 0; i < length; i++) {
                double u = random.nextDouble();
                if (u < 0.01) {
                    column[i] = Double.NaN;
                } else if (u < 0.012) {
                    column[i] = random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                }
            }
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("open", open);
        m.put("high", high);
        m.put("low", low);
        m.put("close", close);
        m.put("volume", volume);
        m.put("benchmark", benchmark);
        return m;
    }

    /** The first {@code length} rows of every column. */
    public static Map<String, double[]> head(Map<String, double[]> columns, int length) {
        Map<String, double[]> m = new LinkedHashMap<>();
        columns.forEach((k, v) -> m.put(k, Arrays.copyOf(v, length)));
        return m;
    }

    /** The kernel's input columns, in its input order. */
    public static double[][] inputs(FeatureKernel kernel, Map<String, double[]> columns) {
        double[][] in = new double[kernel.inputs().size()][];
        for (int i = 0; i < in.length; i++) {
            double[] c = columns.get(kernel.inputs().get(i).toLowerCase(Locale.ROOT));
            if (c == null) {
                throw new IllegalArgumentException(kernel + ": no test column '" + kernel.inputs().get(i) + "'");
            }
            in[i] = c.clone();
        }
        return in;
    }

    /** Runs the batch form over whole columns; returns one array per output. */
    public static double[][] batch(FeatureKernel kernel, double[][] in) {
        int rows = in.length == 0 ? 0 : in[0].length;
        MemorySegment[] ins = new MemorySegment[in.length];
        for (int i = 0; i < in.length; i++) {
            ins[i] = MemorySegment.ofArray(in[i].clone());
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

    /** Runs the batch form over off-heap copies of the columns. */
    public static double[][] batchOffHeap(FeatureKernel kernel, double[][] in) {
        int rows = in[0].length;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] ins = new MemorySegment[in.length];
            for (int i = 0; i < in.length; i++) {
                ins[i] = arena.allocate((long) rows * Double.BYTES, Double.BYTES);
                MemorySegment.copy(in[i], 0, ins[i], ValueLayout.JAVA_DOUBLE, 0, rows);
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

    /** Feeds the columns bar by bar to a fresh incremental state; returns one array per output. */
    public static double[][] incremental(FeatureKernel kernel, double[][] in) {
        return feed(kernel.incremental(), kernel.outputs().size(), in);
    }

    /** Feeds the columns bar by bar to a state; returns one array per output. */
    public static double[][] feed(IncrementalKernel state, int outputs, double[][] in) {
        int rows = in.length == 0 ? 0 : in[0].length;
        double[][] out = new double[outputs][rows];
        double[] bar = new double[in.length];
        double[] result = new double[outputs];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < in.length; i++) {
                bar[i] = in[i][r];
            }
            state.update(bar, result);
            for (int o = 0; o < outputs; o++) {
                out[o][r] = result[o];
            }
        }
        return out;
    }

    /** The bits of every value of every output. */
    public static long[][] bits(double[][] values) {
        long[][] bits = new long[values.length][];
        for (int o = 0; o < values.length; o++) {
            bits[o] = TestSeries.bits(values[o]);
        }
        return bits;
    }

    /** A long-format panel table (symbol, time, and every column of each set) of several symbols, s000, s001, ... */
    public static Table panelTable(TableBuilder builder, List<Map<String, double[]>> symbols) {
        int rows = 0;
        for (Map<String, double[]> s : symbols) {
            rows += s.get("close").length;
        }
        String[] names = new String[rows];
        long[] times = new long[rows];
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            columns.put(c, new double[rows]);
        }
        int r = 0;
        for (int s = 0; s < symbols.size(); s++) {
            Map<String, double[]> set = symbols.get(s);
            int length = set.get("close").length;
            for (int i = 0; i < length; i++) {
                names[r + i] = String.format("s%03d", s);
                times[r + i] = 86_400_000L * (16_000 + i);
            }
            for (String c : COLUMNS) {
                System.arraycopy(set.get(c), 0, columns.get(c), r, length);
            }
            r += length;
        }
        builder.string("symbol", names).int64("time", times);
        // capitalised like a price file's header: the engine matches input names ignoring case
        columns.forEach((name, values) -> builder.float64(Character.toUpperCase(name.charAt(0)) + name.substring(1),
                values));
        return builder.build();
    }
}
