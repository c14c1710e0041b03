package dev.quiver.features;

import static dev.quiver.features.TestSeries.bits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import dev.quiver.features.vector.VectorKernelProvider;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FeatureEngineTest {
    private static final FeatureEngine ENGINE = FeatureEngine.create();
    @org.junit.jupiter.api.extension.RegisterExtension
    final NativeMemoryLeakCheck memory = new NativeMemoryLeakCheck();

    @Test
    void discoversTheScalarProviderAndListsItsOperators() {
        assertThat(ENGINE.providers()).anySatisfy(p -> assertThat(p.name()).isEqualTo("scalar"));
        // sorted by family, then name; other families add theirs
        assertThat(ENGINE.operators()).extracting(OperatorDescriptor::name).containsSubsequence("ema", "sma", "rsi");
        assertThat(ENGINE.operators()).isSortedAccordingTo(java.util.Comparator
                .comparing(OperatorDescriptor::family).thenComparing(OperatorDescriptor::name));
        assertThat(ENGINE.operator("xs_rank")).map(OperatorDescriptor::family).contains("crosssection");
        assertThat(ENGINE.operator("RSI")).map(OperatorDescriptor::family).contains("momentum");
        assertThat(ENGINE.provider("sma").name()).isEqualTo(preferred());
    }

    @Test
    void specsNameTheirOutputsCanonically() {
        assertThat(ENGINE.kernel("sma(20)").outputs()).containsExactly("sma(20)");
        assertThat(ENGINE.kernel(" SMA ( n = 20 ) ").outputs()).containsExactly("sma(20)");
        assertThat(ENGINE.kernel("rsi").outputs()).containsExactly("rsi(14)");
        assertThat(ENGINE.kernel("ema(close,10)").outputs()).containsExactly("ema(10)");
        FeatureKernel high = ENGINE.kernel("ema(High,10)");
        assertThat(high.outputs()).containsExactly("ema(high,10)");
        assertThat(high.inputs()).containsExactly("High");
        assertThat(ENGINE.kernel("ema(high)").outputs()).containsExactly("ema(high,30)");
        assertThat(ENGINE.kernel("ema(high,n=5)").outputs()).containsExactly("ema(high,5)");
        // the canonical text makes the same kernel again
        assertThat(ENGINE.kernel(high.outputs().get(0)).outputs()).isEqualTo(high.outputs());
    }

    @Test
    void kernelsByNameAndParameterMap() {
        assertThat(ENGINE.kernel("sma", Map.of("n", 20)).outputs()).containsExactly("sma(20)");
        assertThat(ENGINE.kernel("ema", Map.of("n", 10), List.of("High")).outputs())
                .containsExactly("ema(high,10)");
        assertThat(ENGINE.kernel("rsi", Map.of()).params().getInt("n")).isEqualTo(14);
    }

    @Test
    void badSpecsNameTheProblemAndWhere() {
        assertThatThrownBy(() -> ENGINE.kernel("sma(0)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature spec 'sma(0)': parameter 'n': '0' is not a whole number in [1, 100000]");
        assertThatThrownBy(() -> ENGINE.kernel("smaa(20)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature spec 'smaa(20)': unknown operator 'smaa' (did you mean 'sma'?); the operators "
                        + "are " + allOperators() + " (at index 0)");
        assertThatThrownBy(() -> ENGINE.kernel("sma(20"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at index 6");
        assertThatThrownBy(() -> ENGINE.kernel("sma(10,20)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature spec 'sma(10,20)': operator 'sma' takes 1 input column (close) then 1 parameter "
                        + "(n); '10' is not a column name (at index 4)");
        assertThatThrownBy(() -> ENGINE.kernel("ema(high,low,10)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("'10' is one argument too many (at index 13)");
        assertThatThrownBy(() -> ENGINE.kernel("sma(n=2,n=3)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature spec 'sma(n=2,n=3)': parameter 'n' is given twice (at index 8)");
        assertThatThrownBy(() -> ENGINE.kernel("sma(n=2,5)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positional argument '5' after a named one (at index 8)");
        assertThatThrownBy(() -> ENGINE.kernel("sma(x=2)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature spec 'sma(x=2)': unknown parameter 'x'; the parameters are n");
        assertThatThrownBy(() -> ENGINE.kernel("rsi(2.5)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature spec 'rsi(2.5)': parameter 'n': '2.5' is not a whole number");
    }

    @Test
    void badKernelRequestsNameTheOperator() {
        assertThatThrownBy(() -> ENGINE.kernel("nosuch", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown operator 'nosuch'; the operators are " + allOperators());
        assertThatThrownBy(() -> ENGINE.kernel("sma", Map.of("n", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("operator 'sma': parameter 'n': '0' is not a whole number in [1, 100000]");
        assertThatThrownBy(() -> ENGINE.kernel("sma", Map.of(), List.of("high", "low")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("operator 'sma': operator 'sma' takes 1 input column (close), 2 given: [high, low]");
    }

    @Test
    void computesOnlyTheFeatureColumnsOffHeapWithCaseInsensitiveInputs() {
        double[] close = TestSeries.aaplClose();
        try (Table input = TestSeries.panelTable(TableBuilder.onHeap(), close);
             Table features = ENGINE.compute(TestSeries.panel(input), ENGINE.kernels("sma(20)", "ema(20)", "rsi"))) {
            assertThat(features.schema().names()).containsExactly("sma(20)", "ema(20)", "rsi(14)");
            assertThat(features.rowCount()).isEqualTo(close.length);
            for (Column c : features.columns()) {
                assertThat(c.data().isNative()).as(c.name()).isTrue();
            }
            assertThat(bits(features.float64("rsi(14)").toArray()))
                    .isEqualTo(bits(TestSeries.batch(ENGINE.kernel("rsi(14)"), close)));
            assertThat(NativeMemory.bytesInUse() - memory.bytesBefore()).isEqualTo(3L * close.length * Double.BYTES);
        }
    }

    @Test
    void noKernelsGiveATableWithoutColumns() {
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), TestSeries.randomWalk(1, 10));
             Table features = ENGINE.compute(TestSeries.panel(input), List.of())) {
            assertThat(features.columnCount()).isZero();
        }
        assertThatThrownBy(() -> ENGINE.kernel("  smaa"))
                .hasMessageEndingWith("(at index 2)");
    }

    @Test
    void convertsIntegerColumnsAndFreesTheCopies() {
        long[] volume = {10, 20, Long.MIN_VALUE, 40, 50, 60};
        double[] asDouble = {10, 20, Double.NaN, 40, 50, 60};
        try (Table input = TableBuilder.offHeap()
                .string("symbol", new String[] {"a", "a", "a", "a", "a", "a"})
                .int64("time", new long[] {1, 2, 3, 4, 5, 6})
                .int64("volume", volume)
                .float64("v", asDouble)
                .build();
             Table features = ENGINE.compute(Panel.of(input, "symbol", "time"),
                     ENGINE.kernels("sma(volume,2)", "sma(v,2)"))) {
            assertThat(features.float64("sma(volume,2)").toArray())
                    .containsExactly(features.float64("sma(v,2)").toArray());
            assertThat(features.float64("sma(v,2)").toArray()).containsExactly(Double.NaN, 15, Double.NaN,
                    Double.NaN, 45, 55);
        }
    }

    @Test
    void badInputsAndDuplicatesAreRejectedWithoutLeaking() {
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), TestSeries.randomWalk(1, 50))) {
            Panel panel = TestSeries.panel(input);
            assertThatThrownBy(() -> ENGINE.compute(panel, ENGINE.kernels("sma(high,5)")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sma(high,5): no input column 'high' in the panel; its columns are "
                            + "[symbol, time, Close]");
            assertThatThrownBy(() -> ENGINE.compute(panel, ENGINE.kernels("sma(symbol,5)")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sma(symbol,5): input column 'symbol' is STRING; text columns feed only "
                            + "cross-sectional operators (as group codes)");
            assertThatThrownBy(() -> ENGINE.compute(panel, ENGINE.kernels("sma(5)", "rsi", "sma(n=5)")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature column 'sma(5)' is computed twice, by kernels 0 and 2; compute each spec "
                            + "once");
            FeatureKernel failing = new FailingKernel(ENGINE.kernel("sma(5)"));
            assertThatThrownBy(() -> ENGINE.compute(panel, List.of(ENGINE.kernel("rsi"), failing)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("boom");
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        double[][] series = new double[64][];
        for (int s = 0; s < series.length; s++) {
            series[s] = s % 3 == 0 ? TestSeries.randomWithGaps(s, 1_500 + s) : TestSeries.randomWalk(s, 1_500 - s);
        }
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), series)) {
            Panel panel = TestSeries.panel(input);
            List<FeatureKernel> kernels = ENGINE.kernels("sma(20)", "ema(20)", "rsi(14)", "sma(3)");
            FeatureEngine sequential = FeatureEngine.builder().pool(one).build();
            FeatureEngine parallel = FeatureEngine.builder().pool(four).build();
            try (Table a = sequential.compute(panel, kernels);
                 Table b = parallel.compute(panel, kernels);
                 Table c = ENGINE.compute(panel, kernels)) {
                for (String name : a.schema().names()) {
                    long[] expected = bits(a.float64(name).toArray());
                    assertThat(bits(b.float64(name).toArray())).as(name).isEqualTo(expected);
                    assertThat(bits(c.float64(name).toArray())).as(name).isEqualTo(expected);
                }
                double[] sma = a.float64("sma(20)").toArray();
                for (int s = 0; s < series.length; s++) {
                    double[] mine = java.util.Arrays.copyOfRange(sma, panel.seriesStart(s), panel.seriesEnd(s));
                    assertThat(bits(mine)).isEqualTo(bits(TestSeries.batch(kernels.get(0), series[s])));
                }
            }
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void inputsInThreadConfinedMemoryAreComputedOnTheCallingThread() {
        int rows = 100_000;
        double[] x = TestSeries.randomWalk(9, rows);
        String[] symbols = new String[rows];
        long[] times = new long[rows];
        for (int i = 0; i < rows; i++) {
            symbols[i] = i < rows / 2 ? "a" : "b";
            times[i] = i % (rows / 2);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate((long) rows * Double.BYTES, Double.BYTES);
            MemorySegment.copy(x, 0, seg, ValueLayout.JAVA_DOUBLE, 0, rows);
            try (TableBuilder b = TableBuilder.onHeap()) {
                Table input = b.string("symbol", symbols).int64("time", times)
                        .add(Float64Column.wrap("close", seg)).build();
                try (Table features = ENGINE.compute(Panel.of(input, "symbol", "time"),
                        ENGINE.kernels("sma(20)", "ema(5)"))) {
                    assertThat(features.float64("sma(20)").get(rows - 1)).isFinite();
                }
            }
        }
    }

    /** The provider that serves the built-in operators: vector where the Vector API is usable, else scalar. */
    private static String preferred() {
        return new VectorKernelProvider().availability().available() ? "vector" : "scalar";
    }

    @Test
    void aPluginProviderTakesPartInResolution() {
        FeatureEngine engine = FeatureEngine.builder().plugins(List.of(new DoublingProvider())).build();
        assertThat(engine.operators()).extracting(OperatorDescriptor::name).contains("double", "sma", "rsi");
        assertThat(engine.provider("double")).isInstanceOf(DoublingProvider.class);
        assertThat(engine.provider("sma").name()).isEqualTo(preferred());
        FeatureKernel k = engine.kernel("double(high)");
        assertThat(k.outputs()).containsExactly("double(high)");
        assertThat(TestSeries.batch(k, new double[] {1, 2.5})).containsExactly(2, 5);
        assertThatThrownBy(() -> FeatureEngine.builder().plugins(List.of(new DoublingProvider()))
                .discovery(ProviderDiscovery.load("features", FeatureKernelProvider.class)).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExplicitDiscoveryIsUsedAsIs() {
        List<Supplier<? extends FeatureKernelProvider>> only = List.of(DoublingProvider::new);
        FeatureEngine engine = FeatureEngine.of(ProviderDiscovery.builder("features", FeatureKernelProvider.class)
                .providers(only).systemProperties(k -> null).environment(k -> null).build());
        assertThat(engine.operators()).extracting(OperatorDescriptor::name).containsExactly("double");
        assertThatThrownBy(() -> engine.kernel("sma(2)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown operator 'sma'; the operators are double");
    }

    /** A plugin provider with one operator, {@code double}: twice the input. */
    static final class DoublingProvider implements FeatureKernelProvider {
        static final OperatorDescriptor DOUBLE = new OperatorDescriptor("double", "test", OperatorKind.TIME_SERIES,
                "twice the input", List.<ParamSpec>of(), List.of("close"), List.of(""));

        @Override
        public String name() {
            return "doubling";
        }

        @Override
        public int priority() {
            return 10;
        }

        @Override
        public List<OperatorDescriptor> operators() {
            return List.of(DOUBLE);
        }

        @Override
        public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
            return dev.quiver.features.kernel.OperatorCatalog.of(name(), List.of(
                    dev.quiver.features.kernel.Operator.of(DOUBLE, (d, p, in) ->
                            new dev.quiver.features.kernel.SingleInputKernel(d, p, in, 0) {
                                @Override
                                protected void computeRange(MemorySegment i, MemorySegment o, int from, int to) {
                                    for (int r = from; r < to; r++) {
                                        o.setAtIndex(ValueLayout.JAVA_DOUBLE, r,
                                                2 * i.getAtIndex(ValueLayout.JAVA_DOUBLE, r));
                                    }
                                }

                                @Override
                                public IncrementalKernel incremental() {
                                    throw new UnsupportedOperationException();
                                }
                            })))
                    .create(operatorName, params, inputs);
        }
    }

    /** A kernel that fails on its second series. */
    private record FailingKernel(FeatureKernel delegate) implements FeatureKernel {
        @Override
        public OperatorDescriptor descriptor() {
            return delegate.descriptor();
        }

        @Override
        public Params params() {
            return delegate.params();
        }

        @Override
        public List<String> inputs() {
            return delegate.inputs();
        }

        @Override
        public List<String> outputs() {
            return delegate.outputs();
        }

        @Override
        public int warmUp() {
            return delegate.warmUp();
        }

        @Override
        public void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            throw new IllegalStateException("boom");
        }

        @Override
        public IncrementalKernel incremental() {
            return delegate.incremental();
        }
    }

    /** The engine's operator names, sorted, as error messages list them. */
    private static String allOperators() {
        return String.join(", ", ENGINE.operators().stream().map(OperatorDescriptor::name).sorted().toList());
    }
}
