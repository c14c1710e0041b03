package dev.quiver.backtest;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Panels for tests: hand-written bars and the bundled real series. */
public final class TestBars {
    /** The first test date; bar i is on this date plus i days. */
    public static final LocalDate START = LocalDate.of(2020, 1, 1);

    private TestBars() {
    }

    /** The timestamp of bar {@code i}. */
    public static long day(int i) {
        return Timestamps.ofDate(START.plusDays(i));
    }

    /** A one-symbol panel of rows {open, high, low, close, volume}. */
    public static Panel one(String symbol, double[][] ohlcv) {
        return panel(Map.of(symbol, ohlcv));
    }

    /** A panel of several symbols, each with rows {open, high, low, close, volume} on consecutive days. */
    public static Panel panel(Map<String, double[][]> bySymbol) {
        Map<String, double[][]> sorted = new TreeMap<>(bySymbol);
        Map<String, long[]> times = new TreeMap<>();
        sorted.forEach((s, rows) -> {
            long[] t = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                t[i] = day(i);
            }
            times.put(s, t);
        });
        return panel(sorted, times);
    }

    /** A panel of several symbols with explicit times per symbol. */
    public static Panel panel(Map<String, double[][]> bySymbol, Map<String, long[]> times) {
        Map<String, double[][]> sorted = new TreeMap<>(bySymbol);
        int n = 0;
        for (double[][] rows : sorted.values()) {
            n += rows.length;
        }
        String[] symbols = new String[n];
        long[] time = new long[n];
        double[][] cols = new double[5][n];
        int at = 0;
        for (Map.Entry<String, double[][]> e : sorted.entrySet()) {
            long[] t = times.get(e.getKey());
            for (int i = 0; i < e.getValue().length; i++) {
                symbols[at] = e.getKey();
                time[at] = t[i];
                for (int c = 0; c < 5; c++) {
                    cols[c][at] = e.getValue()[i][c];
                }
                at++;
            }
        }
        Table table = TableBuilder.onHeap().string("symbol", symbols).int64("time", time)
                .float64("open", cols[0]).float64("high", cols[1]).float64("low", cols[2])
                .float64("close", cols[3]).float64("volume", cols[4]).build();
        return Panel.of(table, "symbol", "time");
    }

    /** Rows {open, high, low, close, volume} of a bundled CSV (Date,Open,High,Low,Close,AdjClose,Volume). */
    public static double[][] csvRows(String resource) {
        return readCsv(resource).rows;
    }

    /** The dates of a bundled CSV. */
    public static long[] csvTimes(String resource) {
        return readCsv(resource).times;
    }

    /** A one-symbol panel of a bundled CSV. */
    public static Panel csv(String symbol, String resource) {
        Csv csv = readCsv(resource);
        return panel(Map.of(symbol, csv.rows), Map.of(symbol, csv.times));
    }

    /** A panel of several bundled CSVs, each under its symbol (their dates need not agree). */
    public static Panel csvPanel(Map<String, String> resources) {
        Map<String, double[][]> rows = new HashMap<>();
        Map<String, long[]> times = new HashMap<>();
        resources.forEach((symbol, resource) -> {
            Csv csv = readCsv(resource);
            rows.put(symbol, csv.rows);
            times.put(symbol, csv.times);
        });
        return panel(rows, times);
    }

    private record Csv(long[] times, double[][] rows) {
    }

    private static final Map<String, Csv> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static Csv readCsv(String resource) {
        return CACHE.computeIfAbsent(resource, r -> {
            try (InputStream in = TestBars.class.getResourceAsStream("/market/" + r)) {
                if (in == null) {
                    throw new IllegalArgumentException("no test resource /market/" + r);
                }
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                List<long[]> ts = new ArrayList<>();
                List<double[]> rows = new ArrayList<>();
                for (int i = 1; i < lines.length; i++) {
                    String line = lines[i].strip();
                    if (line.isEmpty()) {
                        continue;
                    }
                    String[] f = line.split(",");
                    ts.add(new long[] {Timestamps.parse(f[0])});
                    rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[6])});
                }
                long[] times = new long[ts.size()];
                for (int i = 0; i < times.length; i++) {
                    times[i] = ts.get(i)[0];
                }
                return new Csv(times, rows.toArray(double[][]::new));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What a scripted strategy does on one bar; {@code index} counts this symbol's bars from 0. */
    @FunctionalInterface
    public interface Script {
        /** Acts on one bar. */
        void onBar(Bar bar, StrategyContext context, int index);
    }

    /** A strategy that runs a script. */
    public static Strategy scripted(Script script) {
        return new Strategy() {
            private final Map<Integer, Integer> counts = new HashMap<>();

            @Override
            public void onBar(Bar bar, StrategyContext context) {
                int index = counts.merge(bar.symbolIndex(), 1, Integer::sum) - 1;
                script.onBar(bar, context, index);
            }
        };
    }
}
