package dev.quiver.features.kernel;

import static dev.quiver.features.kernel.MultiColumnSeries.batch;
import static dev.quiver.features.kernel.MultiColumnSeries.batchOffHeap;
import static dev.quiver.features.kernel.MultiColumnSeries.bits;
import static dev.quiver.features.kernel.MultiColumnSeries.incremental;
import static dev.quiver.features.kernel.MultiColumnSeries.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.Providers;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code FeatureKernel} contract for every operator with several input or output columns, of every available
 * provider (the one-column operators are held to it by {@code KernelContractTest}): batch equals incremental bit for
 * bit, warm-up rows, missing values, empty and short series, ranges, reset, and panels of several symbols.
 */
class MultiColumnContractTest {
    private static final String CASES = "dev.quiver.features.kernel.MultiColumnContractTest#kernels";

    static Stream<Arguments> kernels() {
        List<Arguments> result = new ArrayList<>();
        for (FeatureKernelProvider p : Providers.available()) {
            for (OperatorDescriptor d : p.operators()) {
                if (d.inputs().size() == 1 && d.singleOutput()
                        || d.kind() == dev.quiver.api.feature.OperatorKind.CROSS_SECTIONAL) {
                    continue; // one-column kernels: KernelContractTest; cross-sectional ones: CrossSection tests
                }
                for (Params params : Providers.paramVariants(d)) {
                    try {
                        result.add(Arguments.of(p.name(), p.create(d.name(), params, List.of())));
                    } catch (IllegalArgumentException rejected) {
                        // a combination the operator refuses (macd with fast above slow)
                    }
                }
            }
        }
        return result.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void batchEqualsIncrementalBitForBitOnAapl(String provider, FeatureKernel kernel) {
        double[][] in = inputs(kernel, MultiColumnSeries.aapl());
        assertThat(bits(incremental(kernel, in))).isEqualTo(bits(batch(kernel, in)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void batchEqualsIncrementalBitForBitWithMissingValues(String provider, FeatureKernel kernel) {
        for (long seed = 1; seed <= 5; seed++) {
            double[][] in = inputs(kernel, MultiColumnSeries.withGaps(seed, 2_000));
            assertThat(bits(incremental(kernel, in))).as("seed %d", seed).isEqualTo(bits(batch(kernel, in)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void missingValuesGiveNaNAndNeverThrow(String provider, FeatureKernel kernel) {
        double[][] in = inputs(kernel, MultiColumnSeries.withGaps(3, 2_000));
        double[][] out = batch(kernel, in);
        for (int r = 0; r < in[0].length; r++) {
            boolean missing = false;
            for (double[] column : in) {
                missing |= !Double.isFinite(column[r]);
            }
            if (missing) {
                for (double[] o : out) {
                    assertThat(o[r]).as("row %d has a missing input", r).isNaN();
                }
            }
        }
        for (double[] o : out) {
            assertThat(Arrays.stream(o).filter(Double::isInfinite).count()).as("infinite outputs").isZero();
            if (kernel.warmUp() < 20) { // longer windows rarely fit between this series' gaps
                assertThat(Arrays.stream(o).filter(Double::isFinite).count()).as("finite outputs").isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void offHeapEqualsHeap(String provider, FeatureKernel kernel) {
        double[][] in = inputs(kernel, MultiColumnSeries.withGaps(7, 1_000));
        assertThat(bits(batchOffHeap(kernel, in))).isEqualTo(bits(batch(kernel, in)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void warmUpRowsAreNaNAndTheRestFinite(String provider, FeatureKernel kernel) {
        // generated bars have no ties: AAPL's equal closes make a short window constant, where corr is NaN
        double[][] out = batch(kernel, inputs(kernel, MultiColumnSeries.complete(13, 1_260)));
        int w = kernel.warmUp();
        for (double[] o : out) {
            for (int i = 0; i < Math.min(w, o.length); i++) {
                assertThat(o[i]).as("row %d of %d warm-up rows", i, w).isNaN();
            }
            for (int i = w; i < o.length; i++) {
                assertThat(o[i]).as("row %d, after the %d warm-up rows", i, w).isFinite();
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void emptyOneRowAndShortSeries(String provider, FeatureKernel kernel) {
        Map<String, double[]> all = MultiColumnSeries.complete(17, 50);
        for (int length = 0; length <= Math.min(kernel.warmUp() + 2, 40); length++) {
            double[][] in = inputs(kernel, MultiColumnSeries.head(all, length));
            double[][] out = batch(kernel, in);
            assertThat(bits(incremental(kernel, in))).as("length %d", length).isEqualTo(bits(out));
            for (double[] o : out) {
                assertThat(o).hasSize(length);
                for (int i = 0; i < length; i++) {
                    assertThat(Double.isNaN(o[i])).as("length %d, row %d", length, i).isEqualTo(i < kernel.warmUp());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void aRangeReadsAndWritesOnlyItsRows(String provider, FeatureKernel kernel) {
        double[][] in = inputs(kernel, MultiColumnSeries.head(MultiColumnSeries.aapl(), 500));
        MemorySegment[] ins = new MemorySegment[in.length];
        for (int i = 0; i < in.length; i++) {
            ins[i] = MemorySegment.ofArray(in[i]);
        }
        double[][] out = new double[kernel.outputs().size()][500];
        MemorySegment[] outs = new MemorySegment[out.length];
        for (int o = 0; o < out.length; o++) {
            Arrays.fill(out[o], -7.0);
            outs[o] = MemorySegment.ofArray(out[o]);
        }
        kernel.computeSeries(ins, outs, 100, 400);
        double[][] slice = new double[in.length][];
        for (int i = 0; i < in.length; i++) {
            slice[i] = Arrays.copyOfRange(in[i], 100, 400);
        }
        double[][] alone = batch(kernel, slice);
        for (int o = 0; o < out.length; o++) {
            assertThat(bits(new double[][] {Arrays.copyOfRange(out[o], 100, 400)}))
                    .isEqualTo(bits(new double[][] {alone[o]}));
            assertThat(Arrays.copyOfRange(out[o], 0, 100)).containsOnly(-7.0);
            assertThat(Arrays.copyOfRange(out[o], 400, 500)).containsOnly(-7.0);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void resetForgetsAndCountCounts(String provider, FeatureKernel kernel) {
        double[][] in = inputs(kernel, MultiColumnSeries.withGaps(11, 300));
        IncrementalKernel state = kernel.incremental();
        double[] bar = new double[in.length];
        double[] result = new double[kernel.outputs().size()];
        for (int r = 0; r < 123; r++) {
            for (int i = 0; i < in.length; i++) {
                bar[i] = in[i][r];
            }
            state.update(bar, result);
        }
        assertThat(state.count()).isEqualTo(123);
        state.reset();
        assertThat(state.count()).isZero();
        double[][] again = MultiColumnSeries.feed(state, result.length, in);
        assertThat(bits(again)).isEqualTo(bits(batch(kernel, in)));
        assertThat(state.count()).isEqualTo(in[0].length);
        assertThatThrownBy(() -> state.update(new double[in.length + 1], new double[result.length]))
                .isInstanceOf(IllegalArgumentException.class);
        if (in.length > 1 || result.length > 1) {
            assertThatThrownBy(() -> state.update(1.0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void segmentCountsAreChecked(String provider, FeatureKernel kernel) {
        MemorySegment seg = MemorySegment.ofArray(new double[10]);
        MemorySegment[] ins = new MemorySegment[kernel.inputs().size()];
        Arrays.fill(ins, seg);
        MemorySegment[] outs = new MemorySegment[kernel.outputs().size()];
        Arrays.fill(outs, seg);
        MemorySegment[] oneTooMany = Arrays.copyOf(ins, ins.length + 1);
        oneTooMany[ins.length] = seg;
        assertThatThrownBy(() -> kernel.computeSeries(oneTooMany, outs, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(kernel.outputs().get(0));
        MemorySegment[] shortInput = ins.clone();
        shortInput[ins.length - 1] = MemorySegment.ofArray(new double[9]);
        assertThatThrownBy(() -> kernel.computeSeries(shortInput, outs, 0, 10))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource(CASES)
    void eachSymbolOfAPanelEqualsItsSingleSeriesResult(String provider, FeatureKernel kernel) {
        List<Map<String, double[]>> symbols = List.of(
                MultiColumnSeries.aapl(),
                MultiColumnSeries.withGaps(5, 900),
                MultiColumnSeries.withGaps(6, 5),
                MultiColumnSeries.withGaps(7, 1));
        FeatureEngine engine = Providers.engine(Providers.available().stream()
                .filter(p -> p.name().equals(provider)).findFirst().orElseThrow());
        try (Table input = MultiColumnSeries.panelTable(TableBuilder.offHeap(), symbols)) {
            Panel panel = Panel.of(input, "symbol", "time");
            try (Table features = engine.compute(panel, List.of(kernel))) {
                for (int o = 0; o < kernel.outputs().size(); o++) {
                    double[] all = features.float64(kernel.outputs().get(o)).toArray();
                    for (int s = 0; s < symbols.size(); s++) {
                        double[] mine = Arrays.copyOfRange(all, panel.seriesStart(s), panel.seriesEnd(s));
                        double[] alone = batch(kernel, inputs(kernel, symbols.get(s)))[o];
                        assertThat(bits(new double[][] {mine})).as("symbol %d, output %d", s, o)
                                .isEqualTo(bits(new double[][] {alone}));
                    }
                }
            }
        }
    }
}
