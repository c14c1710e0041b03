package dev.quiver.features;

import static dev.quiver.features.TestSeries.batch;
import static dev.quiver.features.TestSeries.bits;
import static dev.quiver.features.TestSeries.incremental;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.TestSeries.Bars;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code FeatureKernel} contract, for every operator of every available provider, whatever its number of inputs
 * and outputs: each input role reads the matching column of the same bars ({@code high}, {@code low}, ...; any other
 * role reads the close).
 */
class KernelContractTest {
    private static final String CASES = "dev.quiver.features.Providers#kernels";

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void batchEqualsIncrementalBitForBitOnAapl(String provider, FeatureKernel kernel) {
        Bars bars = TestSeries.aaplBars();
        assertThat(bits(incremental(kernel, bars))).isEqualTo(bits(batch(kernel, bars)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void batchEqualsIncrementalBitForBitWithMissingValues(String provider, FeatureKernel kernel) {
        for (long seed = 1; seed <= 5; seed++) {
            Bars bars = TestSeries.randomBarsWithGaps(seed, 2_000);
            assertThat(bits(incremental(kernel, bars))).as("seed %d", seed).isEqualTo(bits(batch(kernel, bars)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void offHeapEqualsHeap(String provider, FeatureKernel kernel) {
        double[][] x = TestSeries.inputs(kernel, TestSeries.randomBarsWithGaps(7, 1_000));
        int rows = x[0].length;
        double[][] offHeap = new double[kernel.outputs().size()][];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] in = new MemorySegment[x.length];
            for (int i = 0; i < x.length; i++) {
                in[i] = arena.allocate((long) rows * Double.BYTES, Double.BYTES);
                MemorySegment.copy(x[i], 0, in[i], ValueLayout.JAVA_DOUBLE, 0, rows);
            }
            MemorySegment[] out = new MemorySegment[offHeap.length];
            for (int o = 0; o < out.length; o++) {
                out[o] = arena.allocate((long) rows * Double.BYTES, Double.BYTES);
            }
            kernel.computeSeries(in, out, 0, rows);
            for (int o = 0; o < out.length; o++) {
                offHeap[o] = out[o].toArray(ValueLayout.JAVA_DOUBLE);
            }
        }
        assertThat(bits(offHeap)).isEqualTo(bits(batch(kernel, x)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void warmUpRowsAreNaNAndTheNextIsNot(String provider, FeatureKernel kernel) {
        // a random walk has no ties: AAPL's equal closes make a short window constant, where a z-score is NaN
        double[][] out = batch(kernel, TestSeries.randomBars(13, 1260));
        int w = kernel.warmUp();
        for (int o = 0; o < out.length; o++) {
            String name = kernel.outputs().get(o);
            for (int i = 0; i < Math.min(w, out[o].length); i++) {
                assertThat(out[o][i]).as("%s: row %d of %d warm-up rows", name, i, w).isNaN();
            }
            if (w < out[o].length) {
                assertThat(out[o][w]).as("%s: row %d, the first after the warm-up", name, w).isFinite();
                assertThat(Arrays.stream(out[o], w, out[o].length).allMatch(Double::isFinite)).as(name).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void emptyOneRowAndShortSeries(String provider, FeatureKernel kernel) {
        Bars aapl = TestSeries.aaplBars();
        Bars empty = aapl.head(0);
        for (double[] out : batch(kernel, empty)) {
            assertThat(out).isEmpty();
        }
        for (double[] out : incremental(kernel, empty)) {
            assertThat(out).isEmpty();
        }
        for (int length = 1; length <= Math.min(kernel.warmUp() + 2, 40); length++) {
            Bars bars = aapl.head(length);
            double[][] out = batch(kernel, bars);
            assertThat(bits(incremental(kernel, bars))).isEqualTo(bits(out));
            for (int o = 0; o < out.length; o++) {
                for (int i = 0; i < length; i++) {
                    assertThat(Double.isNaN(out[o][i])).as("%s: length %d, row %d", kernel.outputs().get(o),
                            length, i).isEqualTo(i < kernel.warmUp());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void aRangeReadsAndWritesOnlyItsRows(String provider, FeatureKernel kernel) {
        Bars bars = TestSeries.randomBars(3, 500);
        double[][] x = TestSeries.inputs(kernel, bars);
        MemorySegment[] in = new MemorySegment[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = MemorySegment.ofArray(x[i]);
        }
        double[][] out = new double[kernel.outputs().size()][500];
        MemorySegment[] outSegs = new MemorySegment[out.length];
        for (int o = 0; o < out.length; o++) {
            Arrays.fill(out[o], -7.0);
            outSegs[o] = MemorySegment.ofArray(out[o]);
        }
        kernel.computeSeries(in, outSegs, 100, 400);
        double[][] alone = batch(kernel, bars.range(100, 400));
        for (int o = 0; o < out.length; o++) {
            assertThat(bits(Arrays.copyOfRange(out[o], 100, 400))).isEqualTo(bits(alone[o]));
            assertThat(Arrays.copyOfRange(out[o], 0, 100)).containsOnly(-7.0);
            assertThat(Arrays.copyOfRange(out[o], 400, 500)).containsOnly(-7.0);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void resetForgetsAndCountCounts(String provider, FeatureKernel kernel) {
        double[][] x = TestSeries.inputs(kernel, TestSeries.randomBarsWithGaps(11, 300));
        int inputs = x.length;
        int outputs = kernel.outputs().size();
        IncrementalKernel state = kernel.incremental();
        double[] bar = new double[inputs];
        double[] values = new double[outputs];
        for (int r = 0; r < 123; r++) {
            for (int i = 0; i < inputs; i++) {
                bar[i] = x[i][r];
            }
            state.update(bar, values);
        }
        assertThat(state.count()).isEqualTo(123);
        state.reset();
        assertThat(state.count()).isZero();
        double[][] again = new double[outputs][300];
        for (int r = 0; r < 300; r++) {
            for (int i = 0; i < inputs; i++) {
                bar[i] = x[i][r];
            }
            state.update(bar, values);
            for (int o = 0; o < outputs; o++) {
                again[o][r] = values[o];
            }
        }
        assertThat(bits(again)).isEqualTo(bits(batch(kernel, x)));
        assertThat(state.count()).isEqualTo(300);
        assertThatThrownBy(() -> state.update(new double[inputs + 1], new double[outputs]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state.update(new double[inputs], new double[outputs + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        if (inputs != 1 || outputs != 1) {
            assertThatThrownBy(() -> state.update(1.0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void segmentCountsAreChecked(String provider, FeatureKernel kernel) {
        MemorySegment seg = MemorySegment.ofArray(new double[10]);
        MemorySegment[] in = new MemorySegment[kernel.inputs().size()];
        MemorySegment[] out = new MemorySegment[kernel.outputs().size()];
        Arrays.fill(in, seg);
        Arrays.fill(out, seg);
        MemorySegment[] oneMoreIn = Arrays.copyOf(in, in.length + 1);
        oneMoreIn[in.length] = seg;
        assertThatThrownBy(() -> kernel.computeSeries(oneMoreIn, out, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(kernel.outputs().get(0));
        assertThatThrownBy(() -> kernel.computeSeries(in, out, 0, 11))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void eachSymbolOfAPanelEqualsItsSingleSeriesResult(String provider, FeatureKernel kernel) {
        Bars[] series = {
            TestSeries.aaplBars(),
            TestSeries.randomBarsWithGaps(5, 900),
            TestSeries.randomBars(6, 5),
            TestSeries.randomBars(7, 1),
        };
        FeatureEngine engine = Providers.engine(Providers.available().stream()
                .filter(p -> p.name().equals(provider)).findFirst().orElseThrow());
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), series)) {
            Panel panel = TestSeries.panel(input);
            // roles other than OHLCV (corr's and beta's benchmark) have no column here: kernel.MultiColumnContractTest
            // runs those over panels that have them
            org.junit.jupiter.api.Assumptions.assumeTrue(kernel.inputs().stream().allMatch(input.schema()::contains)
                    || kernel.inputs().stream().allMatch(c -> input.schema().names().stream()
                    .anyMatch(n -> n.equalsIgnoreCase(c))), "inputs outside OHLCV");
            try (Table features = engine.compute(panel, List.of(kernel))) {
                for (int o = 0; o < kernel.outputs().size(); o++) {
                    double[] all = features.float64(kernel.outputs().get(o)).toArray();
                    for (int s = 0; s < series.length; s++) {
                        double[] mine = Arrays.copyOfRange(all, panel.seriesStart(s), panel.seriesEnd(s));
                        assertThat(bits(mine)).as("%s, symbol %d", kernel.outputs().get(o), s)
                                .isEqualTo(bits(batch(kernel, series[s])[o]));
                    }
                }
            }
        }
    }
}
