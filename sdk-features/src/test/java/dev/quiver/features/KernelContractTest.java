package dev.quiver.features;

import static dev.quiver.features.TestSeries.batch;
import static dev.quiver.features.TestSeries.batchOffHeap;
import static dev.quiver.features.TestSeries.bits;
import static dev.quiver.features.TestSeries.incremental;
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

/** The {@code FeatureKernel} contract, for every operator of every available provider. */
class KernelContractTest {
    private static final String CASES = "dev.quiver.features.Providers#kernels";

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void batchEqualsIncrementalBitForBitOnAapl(String provider, FeatureKernel kernel) {
        double[] close = TestSeries.aaplClose();
        assertThat(bits(incremental(kernel, close))).isEqualTo(bits(batch(kernel, close)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void batchEqualsIncrementalBitForBitWithMissingValues(String provider, FeatureKernel kernel) {
        for (long seed = 1; seed <= 5; seed++) {
            double[] x = TestSeries.randomWithGaps(seed, 2_000);
            assertThat(bits(incremental(kernel, x))).as("seed %d", seed).isEqualTo(bits(batch(kernel, x)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void offHeapEqualsHeap(String provider, FeatureKernel kernel) {
        double[] x = TestSeries.randomWithGaps(7, 1_000);
        assertThat(bits(batchOffHeap(kernel, x))).isEqualTo(bits(batch(kernel, x)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void warmUpRowsAreNaNAndTheNextIsNot(String provider, FeatureKernel kernel) {
        // a random walk has no ties: AAPL's equal closes make a short window constant, where a z-score is NaN
        double[] close = TestSeries.randomWalk(13, 1260);
        double[] out = batch(kernel, close);
        int w = kernel.warmUp();
        for (int i = 0; i < Math.min(w, out.length); i++) {
            assertThat(out[i]).as("row %d of %d warm-up rows", i, w).isNaN();
        }
        if (w < out.length) {
            assertThat(out[w]).as("row %d, the first after the warm-up", w).isFinite();
            assertThat(Arrays.stream(out, w, out.length).allMatch(Double::isFinite)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void emptyOneRowAndShortSeries(String provider, FeatureKernel kernel) {
        assertThat(batch(kernel, new double[0])).isEmpty();
        assertThat(incremental(kernel, new double[0])).isEmpty();
        double[] close = TestSeries.aaplClose();
        for (int length = 1; length <= Math.min(kernel.warmUp() + 2, 40); length++) {
            double[] x = Arrays.copyOf(close, length);
            double[] out = batch(kernel, x);
            assertThat(bits(incremental(kernel, x))).isEqualTo(bits(out));
            for (int i = 0; i < length; i++) {
                assertThat(Double.isNaN(out[i])).as("length %d, row %d", length, i).isEqualTo(i < kernel.warmUp());
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void aRangeReadsAndWritesOnlyItsRows(String provider, FeatureKernel kernel) {
        double[] x = TestSeries.randomWalk(3, 500);
        double[] out = new double[500];
        Arrays.fill(out, -7.0);
        kernel.computeSeries(new MemorySegment[] {MemorySegment.ofArray(x)},
                new MemorySegment[] {MemorySegment.ofArray(out)}, 100, 400);
        double[] alone = batch(kernel, Arrays.copyOfRange(x, 100, 400));
        assertThat(bits(Arrays.copyOfRange(out, 100, 400))).isEqualTo(bits(alone));
        assertThat(Arrays.copyOfRange(out, 0, 100)).containsOnly(-7.0);
        assertThat(Arrays.copyOfRange(out, 400, 500)).containsOnly(-7.0);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void resetForgetsAndCountCounts(String provider, FeatureKernel kernel) {
        double[] x = TestSeries.randomWithGaps(11, 300);
        IncrementalKernel state = kernel.incremental();
        for (int i = 0; i < 123; i++) {
            state.update(x[i]);
        }
        assertThat(state.count()).isEqualTo(123);
        state.reset();
        assertThat(state.count()).isZero();
        double[] again = new double[x.length];
        double[] one = new double[1];
        for (int i = 0; i < x.length; i++) {
            state.update(new double[] {x[i]}, one);
            again[i] = one[0];
        }
        assertThat(bits(again)).isEqualTo(bits(batch(kernel, x)));
        assertThat(state.count()).isEqualTo(x.length);
        assertThatThrownBy(() -> state.update(new double[2], new double[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void segmentCountsAreChecked(String provider, FeatureKernel kernel) {
        MemorySegment seg = MemorySegment.ofArray(new double[10]);
        assertThatThrownBy(() -> kernel.computeSeries(new MemorySegment[] {seg, seg}, new MemorySegment[] {seg}, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(kernel.outputs().get(0));
        assertThatThrownBy(() -> kernel.computeSeries(new MemorySegment[] {seg}, new MemorySegment[] {seg}, 0, 11))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void eachSymbolOfAPanelEqualsItsSingleSeriesResult(String provider, FeatureKernel kernel) {
        double[][] series = {
            TestSeries.aaplClose(),
            TestSeries.randomWithGaps(5, 900),
            TestSeries.randomWalk(6, 5),
            TestSeries.randomWalk(7, 1),
        };
        FeatureEngine engine = Providers.engine(Providers.available().stream()
                .filter(p -> p.name().equals(provider)).findFirst().orElseThrow());
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), series)) {
            Panel panel = TestSeries.panel(input);
            try (Table features = engine.compute(panel, List.of(kernel))) {
                double[] all = features.float64(kernel.outputs().get(0)).toArray();
                for (int s = 0; s < series.length; s++) {
                    double[] mine = Arrays.copyOfRange(all, panel.seriesStart(s), panel.seriesEnd(s));
                    assertThat(bits(mine)).as("symbol %d", s).isEqualTo(bits(batch(kernel, series[s])));
                }
            }
        }
    }
}
