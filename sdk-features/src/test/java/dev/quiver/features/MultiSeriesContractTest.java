package dev.quiver.features;

import static dev.quiver.features.Bars.batch;
import static dev.quiver.features.Bars.bits;
import static dev.quiver.features.Bars.incremental;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code FeatureKernel} contract for every operator of every available provider, whatever its number of inputs
 * and outputs, on OHLCV bars: batch equals incremental bit for bit, warm-up rows, empty and short series, ranges,
 * reset, segment checks, and panels.
 */
class MultiSeriesContractTest {
    private static final String CASES = "dev.quiver.features.Providers#kernels";

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void batchEqualsIncrementalBitForBit(String provider, FeatureKernel kernel) {
        double[][] aapl = Bars.aapl();
        assertThat(bits(incremental(kernel, aapl))).isEqualTo(bits(batch(kernel, aapl)));
        for (long seed = 1; seed <= 4; seed++) {
            double[][] bars = Bars.randomWithGaps(seed, 2_000);
            assertThat(bits(incremental(kernel, bars))).as("seed %d", seed).isEqualTo(bits(batch(kernel, bars)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void offHeapEqualsHeap(String provider, FeatureKernel kernel) {
        double[][] bars = Bars.randomWithGaps(7, 1_000);
        assertThat(bits(Bars.batchOffHeap(kernel, bars))).isEqualTo(bits(batch(kernel, bars)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void warmUpRowsAreNaNInEveryOutputAndTheRestFinite(String provider, FeatureKernel kernel) {
        double[][] out = batch(kernel, Bars.aapl());
        int w = kernel.warmUp();
        for (int o = 0; o < out.length; o++) {
            for (int i = 0; i < out[o].length; i++) {
                if (i < w) {
                    assertThat(out[o][i]).as("%s row %d of %d warm-up rows", kernel.outputs().get(o), i, w).isNaN();
                } else {
                    assertThat(out[o][i]).as("%s row %d", kernel.outputs().get(o), i).isFinite();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void emptyOneRowAndShortSeries(String provider, FeatureKernel kernel) {
        double[][] aapl = Bars.aapl();
        for (int length = 0; length <= Math.min(kernel.warmUp() + 2, 60); length++) {
            double[][] bars = Bars.slice(aapl, 0, length);
            double[][] out = batch(kernel, bars);
            assertThat(out.length).isEqualTo(kernel.outputs().size());
            assertThat(bits(incremental(kernel, bars))).isEqualTo(bits(out));
            for (double[] column : out) {
                assertThat(column).hasSize(length);
                for (int i = 0; i < length; i++) {
                    assertThat(Double.isNaN(column[i])).as("length %d, row %d", length, i)
                            .isEqualTo(i < kernel.warmUp());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void aRangeReadsAndWritesOnlyItsRows(String provider, FeatureKernel kernel) {
        double[][] in = Bars.inputs(kernel, Bars.random(3, 500));
        MemorySegment[] ins = new MemorySegment[in.length];
        for (int k = 0; k < in.length; k++) {
            ins[k] = MemorySegment.ofArray(in[k]);
        }
        double[][] out = new double[kernel.outputs().size()][500];
        MemorySegment[] outs = new MemorySegment[out.length];
        for (int o = 0; o < out.length; o++) {
            Arrays.fill(out[o], -7.0);
            outs[o] = MemorySegment.ofArray(out[o]);
        }
        kernel.computeSeries(ins, outs, 100, 400);
        double[][] alone = batch(kernel, Bars.slice(Bars.random(3, 500), 100, 400));
        for (int o = 0; o < out.length; o++) {
            assertThat(TestSeries.bits(Arrays.copyOfRange(out[o], 100, 400))).isEqualTo(TestSeries.bits(alone[o]));
            assertThat(Arrays.copyOfRange(out[o], 0, 100)).containsOnly(-7.0);
            assertThat(Arrays.copyOfRange(out[o], 400, 500)).containsOnly(-7.0);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void resetForgetsCountCountsAndShapesAreChecked(String provider, FeatureKernel kernel) {
        double[][] bars = Bars.randomWithGaps(11, 300);
        IncrementalKernel state = kernel.incremental();
        Bars.feed(state, kernel, Bars.slice(bars, 0, 123));
        assertThat(state.count()).isEqualTo(123);
        state.reset();
        assertThat(state.count()).isZero();
        assertThat(bits(Bars.feed(state, kernel, bars))).isEqualTo(bits(batch(kernel, bars)));
        assertThat(state.count()).isEqualTo(300);
        int in = kernel.inputs().size();
        int out = kernel.outputs().size();
        assertThatThrownBy(() -> state.update(new double[in + 1], new double[out]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state.update(new double[in], new double[out + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        if (in != 1 || out != 1) {
            assertThatThrownBy(() -> state.update(1.0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void segmentCountsAndSizesAreChecked(String provider, FeatureKernel kernel) {
        MemorySegment seg = MemorySegment.ofArray(new double[10]);
        MemorySegment[] ins = new MemorySegment[kernel.inputs().size()];
        MemorySegment[] outs = new MemorySegment[kernel.outputs().size()];
        Arrays.fill(ins, seg);
        Arrays.fill(outs, seg);
        MemorySegment[] oneMore = Arrays.copyOf(ins, ins.length + 1);
        oneMore[ins.length] = seg;
        assertThatThrownBy(() -> kernel.computeSeries(oneMore, outs, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(kernel.outputs().get(0));
        assertThatThrownBy(() -> kernel.computeSeries(ins, outs, 0, 11))
                .isInstanceOf(IndexOutOfBoundsException.class);
        MemorySegment[] shortOut = outs.clone();
        shortOut[shortOut.length - 1] = MemorySegment.ofArray(new double[5]);
        assertThatThrownBy(() -> kernel.computeSeries(ins, shortOut, 0, 10))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void eachSymbolOfAPanelEqualsItsSingleSeriesResult(String provider, FeatureKernel kernel) {
        double[][][] series = {
            Bars.aapl(),
            Bars.randomWithGaps(5, 900),
            Bars.random(6, 5),
            Bars.random(7, 1),
            Bars.random(8, 0),
            Bars.random(9, 300),
        };
        FeatureEngine engine = Providers.engine(Providers.available().stream()
                .filter(p -> p.name().equals(provider)).findFirst().orElseThrow());
        try (Table input = Bars.panelTable(TableBuilder.offHeap(), series)) {
            Panel panel = TestSeries.panel(input);
            try (Table features = engine.compute(panel, List.of(kernel))) {
                for (int o = 0; o < kernel.outputs().size(); o++) {
                    double[] all = features.float64(kernel.outputs().get(o)).toArray();
                    int symbol = 0;
                    for (double[][] s : series) {
                        if (s[0].length == 0) {
                            continue; // a symbol without rows is not in the panel
                        }
                        double[] mine = Arrays.copyOfRange(all, panel.seriesStart(symbol), panel.seriesEnd(symbol));
                        assertThat(TestSeries.bits(mine)).as("%s, symbol %d", kernel.outputs().get(o), symbol)
                                .isEqualTo(TestSeries.bits(batch(kernel, s)[o]));
                        symbol++;
                    }
                }
            }
        }
    }
}
