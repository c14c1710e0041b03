package dev.quiver.backtest.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.TestBars;
import dev.quiver.backtest.engine.CommissionModel;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.SlippageModel;
import dev.quiver.backtest.strategy.SignalStrategy;
import dev.quiver.backtest.strategy.SmaCross;
import dev.quiver.features.FeatureEngine;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The vectorised path gives the event engine's results, bit for bit. */
class SignalBacktesterTest {
    static final Panel SPX = TestBars.csv("SPX", "sp500_2000_2020.csv");

    private static void assertIdentical(BacktestResult vectorised, BacktestResult event) {
        assertThat(vectorised.trades()).isEqualTo(event.trades());
        assertThat(vectorised.equity()).isEqualTo(event.equity());
        assertThat(vectorised.metrics()).isEqualTo(event.metrics());
    }

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void smaCrossoverFromBatchIndicatorsEqualsTheEventEngine(FillTiming fill) {
        FeatureEngine features = FeatureEngine.create();
        BacktestConfig config = BacktestConfig.defaults().withFill(fill).withCosts(5, 2);
        for (int[] p : new int[][] {{10, 50}, {5, 20}, {50, 200}}) {
            double[] fast;
            double[] slow;
            try (Table t = features.compute(SPX, features.kernels("sma(" + p[0] + ")", "sma(" + p[1] + ")"))) {
                fast = t.float64("sma(" + p[0] + ")").toArray();
                slow = t.float64("sma(" + p[1] + ")").toArray();
            }
            BacktestResult vectorised = SignalBacktester.create().run(SPX, Signals.crossAbove(fast, slow),
                    Signals.crossBelow(fast, slow), SignalSizing.percentOfEquity(1), config);
            BacktestResult event = EventBacktester.create().run(
                    new SmaCross(p[0], p[1], SignalSizing.percentOfEquity(1).toPositionSizer()), SPX, config);

            assertThat(event.trades()).as("sma_cross(%d,%d)", p[0], p[1]).hasSizeGreaterThan(5);
            assertIdentical(vectorised, event);
        }
    }

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void randomSignalsWithMissingPricesAndCostModelsMatchTheEventEngine(FillTiming fill) {
        double[][] rows = TestBars.csvRows("sp500_2000_2020.csv").clone();
        Random random = new Random(11);
        for (int i = 0; i < rows.length; i++) {
            if (random.nextInt(40) == 0) {
                rows[i] = new double[] {Double.NaN, rows[i][1], rows[i][2], Double.NaN, rows[i][4]};
            }
        }
        Panel panel = TestBars.panel(Map.of("SPX", rows), Map.of("SPX", TestBars.csvTimes("sp500_2000_2020.csv")));
        boolean[] entries = new boolean[rows.length];
        boolean[] exits = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            entries[i] = random.nextInt(10) == 0;
            exits[i] = random.nextInt(10) == 0;
        }
        CommissionModel commission = CommissionModel.perShare(0.01, 1).plus(CommissionModel.bps(2, 0));
        SlippageModel slippage = SlippageModel.volumeShare(0.1);
        BacktestConfig config = BacktestConfig.defaults().withFill(fill);
        for (SignalSizing sizing : new SignalSizing[] {SignalSizing.fixed(3), SignalSizing.percentOfEquity(0.8)}) {
            BacktestResult vectorised = SignalBacktester.builder().commission(commission).slippage(slippage).build()
                    .run(panel, entries, exits, sizing, config);
            BacktestResult event = EventBacktester.builder().commission(commission).slippage(slippage).build()
                    .run(new SignalStrategy(entries, exits, sizing.toPositionSizer()), panel, config);

            assertThat(event.trades()).hasSizeGreaterThan(100);
            assertIdentical(vectorised, event);
        }
    }

    @ParameterizedTest
    @EnumSource(FillTiming.class)
    void leveragedLongsLiquidatedInCrashesMatchTheEventEngine(FillTiming fill) {
        // 1.9 times the equity on a Reg T account: a fall of about 30 % from the entry puts equity below the 25 %
        // maintenance margin, so stretches between signals end in forced liquidations; missing closes and opens too
        Random random = new Random(5);
        int n = 3_000;
        double[][] rows = new double[n][];
        double price = 100;
        for (int i = 0; i < n; i++) {
            double move = random.nextInt(150) == 0 ? -0.35 : 0.03 * (random.nextDouble() - 0.48);
            double open = price;
            price *= 1 + move;
            double close = random.nextInt(30) == 0 ? Double.NaN : price;
            rows[i] = new double[] {random.nextInt(30) == 0 ? Double.NaN : open, Math.max(open, price) * 1.01,
                Math.min(open, price) * 0.99, close, 1e6};
        }
        Panel panel = TestBars.one("X", rows);
        boolean[] entries = new boolean[n];
        boolean[] exits = new boolean[n];
        for (int i = 0; i < n; i++) {
            entries[i] = random.nextInt(25) == 0;
            exits[i] = random.nextInt(60) == 0;
        }
        BacktestConfig config = BacktestConfig.defaults().withFill(fill).withCosts(3, 1);
        SignalSizing sizing = SignalSizing.percentOfEquity(1.9);
        BacktestResult vectorised = SignalBacktester.create().run(panel, entries, exits, sizing, config);
        BacktestResult event = EventBacktester.create()
                .run(new SignalStrategy(entries, exits, sizing.toPositionSizer()), panel, config);

        assertThat(event.metrics().liquidations()).isGreaterThan(3);
        assertThat(event.trades()).filteredOn(t -> !t.liquidation()).hasSizeGreaterThan(10);
        assertIdentical(vectorised, event);
    }

    @Test
    void signalsFromDoubleColumnsAndCrosses() {
        assertThat(Signals.of(new double[] {0, 1, Double.NaN, -2})).containsExactly(false, true, false, true);
        double[] a = {1, 2, 2, 3, 1, Double.NaN, 3, 1};
        double[] b = {2, 2, 2, 2, 2, 2, 2, 2};
        assertThat(Signals.crossAbove(a, b)).containsExactly(false, false, false, true, false, false, false, false);
        assertThat(Signals.crossBelow(a, b)).containsExactly(false, false, false, false, true, false, false, true);
    }

    /** The cross rule written out on its own: the side at the latest earlier bar where the two differed. */
    private static boolean[] referenceCross(double[] a, double[] b, boolean above) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i]) || a[i] == b[i]) {
                continue;
            }
            int j = i - 1;
            while (j >= 0 && !Double.isNaN(a[j]) && !Double.isNaN(b[j]) && a[j] == b[j]) {
                j--;
            }
            if (j >= 0 && !Double.isNaN(a[j]) && !Double.isNaN(b[j])) {
                out[i] = above ? a[i] > b[i] && a[j] < b[j] : a[i] < b[i] && a[j] > b[j];
            }
        }
        return out;
    }

    @Test
    void bothCrossesInOnePassEqualTheRule() {
        java.util.Random random = new java.util.Random(7);
        int n = 2000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            // few distinct values, so equal bars are common; some missing
            a[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(4);
            b[i] = random.nextInt(25) == 0 ? Double.NaN : random.nextInt(4);
        }
        boolean[] above = new boolean[n];
        boolean[] below = new boolean[n];
        java.util.Arrays.fill(below, true);
        Signals.crosses(a, b, above, below);
        assertThat(above).containsExactly(referenceCross(a, b, true));
        assertThat(below).containsExactly(referenceCross(a, b, false));
        assertThat(Signals.crossAbove(a, b)).containsExactly(above);
        assertThat(Signals.crossBelow(a, b)).containsExactly(below);
        assertThat(above).contains(true);
        assertThat(below).contains(true);
        assertThatThrownBy(() -> Signals.crosses(a, b, above, new boolean[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signals of 2000 and 3");
    }

    @Test
    void badInputsAreClearErrors() {
        Panel two = TestBars.panel(Map.of("A", new double[][] {{1, 1, 1, 1, 1}}, "B",
                new double[][] {{1, 1, 1, 1, 1}}));
        boolean[] one = {false};
        assertThatThrownBy(() -> SignalBacktester.create().run(two, one, one, SignalSizing.fixed(1),
                BacktestConfig.defaults())).hasMessageContaining("one symbol");
        assertThatThrownBy(() -> SignalBacktester.create().run(SPX, one, one, SignalSizing.fixed(1),
                BacktestConfig.defaults())).hasMessageContaining("1 entries and 1 exits for 5105 bars");
        assertThatThrownBy(() -> new SignalSizing(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
