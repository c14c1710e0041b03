package dev.quiver.backtest.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Timestamps;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.engine.EventBacktester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The long-short {@code sma_cross} and {@code xs_momentum} on the 30 DJIA stocks (1990-2001, daily closes, from R's
 * fBasics) against small plain re-implementations written from the documented rules alone: one account, symbols
 * visited in name order within a date, market orders filled at the next bar's open (here the open is the close: the
 * data has closes only), 1 bp commission. The positions must be the same at every date and the equity within 1e-9.
 */
class LongShortReferenceTest {
    private static final double BPS = 1;
    private static final BacktestConfig CONFIG = BacktestConfig.builder().commissionBps(BPS).parallelism(1).build();

    /** Dates, sorted symbols and closes[date][symbol] of the DJIA-30 file. */
    private record Djia(long[] dates, String[] symbols, double[][] closes) {
    }

    private static final Djia DJIA = read();

    private static Djia read() {
        Path file = Path.of(System.getProperty("quiver.data.dir", "../data"), "market",
                "dowjones30_closes_wide.csv");
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",");
            TreeMap<String, Integer> columns = new TreeMap<>();
            for (int c = 1; c < header.length; c++) {
                columns.put(header[c], c);
            }
            String[] symbols = columns.keySet().toArray(String[]::new);
            int n = lines.size() - 1;
            long[] dates = new long[n];
            double[][] closes = new double[n][symbols.length];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",");
                dates[i] = Timestamps.parse(f[0]);
                for (int s = 0; s < symbols.length; s++) {
                    closes[i][s] = Double.parseDouble(f[columns.get(symbols[s])]);
                }
            }
            return new Djia(dates, symbols, closes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Panel panel() {
        Map<String, double[][]> rows = new TreeMap<>();
        Map<String, long[]> times = new TreeMap<>();
        for (int s = 0; s < DJIA.symbols.length; s++) {
            double[][] r = new double[DJIA.dates.length][];
            for (int i = 0; i < r.length; i++) {
                double c = DJIA.closes[i][s];
                r[i] = new double[] {c, c, c, c, 1e9};
            }
            rows.put(DJIA.symbols[s], r);
            times.put(DJIA.symbols[s], DJIA.dates);
        }
        return TestBars.panel(rows, times);
    }

    /** Runs a strategy and records every symbol's position at the end of each timestamp. */
    private static double[][] positions(Strategy strategy, Panel panel, BacktestResult[] result) {
        double[][] out = new double[DJIA.dates.length][DJIA.symbols.length];
        int[] t = new int[1];
        Strategy recorder = new Strategy() {
            @Override
            public void onBar(Bar bar, StrategyContext context) {
                strategy.onBar(bar, context);
            }

            @Override
            public void onTimestamp(long time, StrategyContext context) {
                strategy.onTimestamp(time, context);
                for (int s = 0; s < DJIA.symbols.length; s++) {
                    out[t[0]][s] = context.position(DJIA.symbols[s]);
                }
                t[0]++;
            }
        };
        result[0] = EventBacktester.create().run(recorder, panel, CONFIG);
        return out;
    }

    /** The plain books: cash, positions, marks, orders waiting for the next open. */
    private static final class Books {
        final int n = DJIA.symbols.length;
        double cash = 100_000;
        final double[] position = new double[n];
        final double[] mark = new double[n];
        final double[] pending = new double[n];

        Books() {
            java.util.Arrays.fill(mark, Double.NaN);
        }

        void fillAtOpen(int s, double open) {
            if (pending[s] != 0) {
                double q = pending[s];
                cash -= q * open + Math.abs(q * open) * BPS / 1e4;
                position[s] += q;
                pending[s] = 0;
            }
        }

        double equity() {
            double e = cash;
            for (int s = 0; s < n; s++) {
                if (position[s] != 0) {
                    e += position[s] * mark[s];
                }
            }
            return e;
        }
    }

    @Test
    void longShortSmaCrossMatchesAPlainReimplementation() {
        int fast = 10;
        int slow = 50;
        BacktestResult[] result = new BacktestResult[1];
        double[][] engine = positions(Strategies.parse("sma_cross(10,50,allow_short=true)").strategy().get(),
                panel(), result);

        Books b = new Books();
        int n = b.n;
        int[] side = new int[n];
        double[] fastSum = new double[n];
        double[] slowSum = new double[n];
        double[] equity = new double[DJIA.dates.length];
        double[][] expected = new double[DJIA.dates.length][n];
        for (int t = 0; t < DJIA.dates.length; t++) {
            for (int s = 0; s < n; s++) {
                double close = DJIA.closes[t][s];
                b.fillAtOpen(s, close);
                b.mark[s] = close;
                if (t < slow - 1) {
                    runningSma(fastSum, s, t, fast);
                    runningSma(slowSum, s, t, slow);
                    continue;
                }
                // the averages by TA-Lib's running sum, the arithmetic docs/indicators.md states for sma (add the
                // new close, divide, subtract the close leaving the window): crosses at near-ties (the DJIA has
                // fast and slow averages within 1e-15 of each other) depend on the last bit, so the arithmetic is
                // part of the rule
                double f = runningSma(fastSum, s, t, fast);
                double sl = runningSma(slowSum, s, t, slow);
                int cmp = Double.compare(f, sl) > 0 ? 1 : f < sl ? -1 : 0;
                int previous = side[s];
                if (cmp > 0) {
                    side[s] = 1;
                } else if (cmp < 0) {
                    side[s] = -1;
                }
                boolean up = side[s] == 1 && previous == -1;
                boolean down = side[s] == -1 && previous == 1;
                if (up && b.position[s] <= 0 || down && b.position[s] >= 0) {
                    double quantity = b.equity() / n / close;   // percent:1 split across the 30 symbols
                    b.pending[s] = (up ? quantity : -quantity) - b.position[s];
                }
            }
            equity[t] = b.equity();
            expected[t] = b.position.clone();
        }

        assertSame(engine, expected, result[0], equity);
        assertThat(result[0].trades()).filteredOn(tr -> tr.quantity() < 0).hasSizeGreaterThan(100);
    }

    @Test
    void xsMomentumMatchesAPlainReimplementation() {
        int lookback = 60;
        int skip = 5;
        int rebalance = 21;
        BacktestResult[] result = new BacktestResult[1];
        double[][] engine = positions(new XsMomentum(lookback, skip, 0.2, 0.2, rebalance, 1), panel(), result);

        Books b = new Books();
        int n = b.n;
        double[] equity = new double[DJIA.dates.length];
        double[][] expected = new double[DJIA.dates.length][n];
        for (int t = 0; t < DJIA.dates.length; t++) {
            for (int s = 0; s < n; s++) {
                b.fillAtOpen(s, DJIA.closes[t][s]);
                b.mark[s] = DJIA.closes[t][s];
            }
            if (t >= lookback + skip && (t - lookback - skip) % rebalance == 0) {
                double[] score = new double[n];
                List<Integer> ranked = new ArrayList<>();
                for (int s = 0; s < n; s++) {
                    score[s] = DJIA.closes[t - skip][s] / DJIA.closes[t - skip - lookback][s] - 1;
                    ranked.add(s);
                }
                ranked.sort(Comparator.<Integer>comparingDouble(s -> -score[s]).thenComparingInt(s -> s));
                int longs = (int) Math.floor(0.2 * n);
                int shorts = (int) Math.floor(0.2 * n);
                double e = b.equity();
                double[] target = new double[n];
                for (int i = 0; i < longs; i++) {
                    int s = ranked.get(i);
                    target[s] = 1.0 / (longs + shorts) * e / DJIA.closes[t][s];
                }
                for (int i = n - shorts; i < n; i++) {
                    int s = ranked.get(i);
                    target[s] = -1.0 / (longs + shorts) * e / DJIA.closes[t][s];
                }
                for (int s = 0; s < n; s++) {
                    b.pending[s] = target[s] - b.position[s];
                }
            }
            equity[t] = b.equity();
            expected[t] = b.position.clone();
        }

        assertSame(engine, expected, result[0], equity);
        // six long and six short after the first rebalance has filled
        double[] held = engine[lookback + skip + 1];
        assertThat(java.util.Arrays.stream(held).filter(p -> p > 0).count()).isEqualTo(6);
        assertThat(java.util.Arrays.stream(held).filter(p -> p < 0).count()).isEqualTo(6);
    }

    /** TA-Lib's SMA step for symbol {@code s} at date {@code t}: NaN until the window is full. */
    private static double runningSma(double[] partial, int s, int t, int n) {
        double total = partial[s] + DJIA.closes[t][s];
        if (t < n - 1) {
            partial[s] = total;
            return Double.NaN;
        }
        partial[s] = total - DJIA.closes[t - n + 1][s];
        return total / n;
    }

    private static void assertSame(double[][] engine, double[][] expected, BacktestResult result, double[] equity) {
        for (int t = 0; t < expected.length; t++) {
            for (int s = 0; s < expected[t].length; s++) {
                assertThat(engine[t][s]).as("position of %s on %s", DJIA.symbols[s],
                        Timestamps.format(DJIA.dates[t])).isCloseTo(expected[t][s], within(1e-9));
            }
            assertThat(result.equity().equity(t)).as("equity on %s", Timestamps.format(DJIA.dates[t]))
                    .isCloseTo(equity[t], within(1e-9));
        }
        assertThat(result.metrics().rejectedOrders()).isZero();
        assertThat(result.metrics().liquidations()).isZero();
    }
}
