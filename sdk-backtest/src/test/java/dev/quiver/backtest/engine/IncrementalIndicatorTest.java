package dev.quiver.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.TestBars;
import dev.quiver.features.FeatureEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a strategy sees from incremental indicators, bar by bar inside the engine, equals what the batch kernels
 * compute over the whole panel, bit for bit, on two real series with different calendars.
 */
class IncrementalIndicatorTest {

    @Test
    void valuesAStrategySeesEqualTheBatchKernels() {
        Panel panel = TestBars.csvPanel(Map.of("SPX", "sp500_2000_2020.csv", "AAPL", "aapl_2013_2018.csv"));
        FeatureEngine engine = FeatureEngine.create();
        List<FeatureKernel> kernels = engine.kernels("sma(20)", "ema(10)", "rsi(14)", "sma(high,5)");
        int rows = panel.rowCount();
        double[][] seen = new double[kernels.size()][rows];

        Strategy recorder = new Strategy() {
            private final IncrementalKernel[][] states = new IncrementalKernel[panel.symbolCount()][];
            private final int[] counts = new int[panel.symbolCount()];
            private final double[] in = new double[1];
            private final double[] out = new double[1];

            @Override
            public void onBar(Bar bar, StrategyContext context) {
                int s = bar.symbolIndex();
                if (states[s] == null) {
                    states[s] = new IncrementalKernel[kernels.size()];
                    for (int k = 0; k < kernels.size(); k++) {
                        states[s][k] = kernels.get(k).incremental();
                    }
                }
                int row = panel.seriesStart(s) + counts[s]++;
                for (int k = 0; k < kernels.size(); k++) {
                    in[0] = kernels.get(k).inputs().get(0).equals("high") ? bar.high() : bar.close();
                    states[s][k].update(in, out);
                    seen[k][row] = out[0];
                }
            }
        };
        EventBacktester.create().run(recorder, panel, BacktestConfig.defaults());

        try (Table batch = engine.compute(panel, kernels)) {
            for (int k = 0; k < kernels.size(); k++) {
                String name = kernels.get(k).outputs().get(0);
                double[] expected = batch.float64(name).toArray();
                // bit for bit, except where the chosen provider documents a tolerance (the vector sma's prefix sums)
                double tolerance = engine.provider(kernels.get(k).descriptor().name()).name().equals("vector")
                        && name.startsWith("sma") ? 1e-12 : 0;
                for (int r = 0; r < rows; r++) {
                    double a = seen[k][r];
                    double b = expected[r];
                    if (tolerance == 0 || Double.isNaN(a) || Double.isNaN(b)) {
                        assertThat(Double.doubleToLongBits(a)).as("%s row %d", name, r)
                                .isEqualTo(Double.doubleToLongBits(b));
                    } else {
                        assertThat(Math.abs(a - b)).as("%s row %d", name, r)
                                .isLessThanOrEqualTo(tolerance * Math.max(Math.abs(a), Math.abs(b)));
                    }
                }
            }
        }
        assertThat(seen[0][panel.seriesStart(0) + 18]).as("sma(20) warm-up").isNaN();
        assertThat(seen[0][panel.seriesStart(0) + 19]).as("sma(20) from the 20th bar on").isNotNaN();
    }
}
