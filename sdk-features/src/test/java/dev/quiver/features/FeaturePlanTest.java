package dev.quiver.features;

import static dev.quiver.features.TestSeries.bits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.cache.TableLoader;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import dev.quiver.features.kernel.KernelNames;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.kernel.OperatorCatalog;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeaturePlanTest {
    /** The built-in operators and a plugin's multi-output {@code band(n)}: parts {@code lower}, {@code upper}. */
    private static final FeatureEngine ENGINE = FeatureEngine.builder().plugins(List.of(new BandProvider())).build();
    @org.junit.jupiter.api.extension.RegisterExtension
    final NativeMemoryLeakCheck memory = new NativeMemoryLeakCheck();

    private static Table panelTable() {
        double[][] series = new double[7][];
        for (int s = 0; s < series.length; s++) {
            series[s] = s == 3 ? TestSeries.randomWithGaps(s, 300) : TestSeries.randomWalk(s, 400 - 10 * s);
        }
        return TestSeries.panelTable(TableBuilder.offHeap(), series);
    }

    @Test
    void namesColumnsCanonicallyAndSharesCommonSubExpressions() {
        FeaturePlan plan = ENGINE.plan("sma(20)", "ma = SMA ( Close , 20 )", "xs_rank(sma(20))", "xs_zscore( rsi(14) , ddof=1)",
                "sma(rsi(14), 5)");
        assertThat(plan.columns()).containsExactly("sma(20)", "ma", "xs_rank(sma(20))", "xs_zscore(rsi(14),ddof=1)",
                "sma(rsi(14),5)");
        // sma(20) and rsi(14) are computed once each
        assertThat(plan.kernelCount()).isEqualTo(5);
        assertThat(plan.inputColumns()).containsExactly("close");
        assertThat(plan.explain()).containsPattern("stage 1: sma\\(20\\) \\[(scalar|vector), time series\\] <- close")
                .contains("stage 2: xs_rank(sma(20)) [scalar, cross-sectional] <- sma(20)")
                .contains("column ma = sma(20)");
        try (Table input = panelTable(); Table out = plan.compute(TestSeries.panel(input))) {
            assertThat(out.schema().names()).isEqualTo(plan.columns());
            assertThat(bits(out.float64("ma").toArray())).isEqualTo(bits(out.float64("sma(20)").toArray()));
            // temporaries (rsi(14)) are freed: only the five result columns are held
            assertThat(NativeMemory.bytesInUse() - memory.bytesBefore() - input.rowCount() * (8L + 8 + 4))
                    .isEqualTo(5L * input.rowCount() * Double.BYTES);
        }
    }

    @Test
    void nestedExpressionsEqualTheirStepByStepComputation() {
        try (Table input = panelTable()) {
            Panel panel = TestSeries.panel(input);
            try (Table nested = ENGINE.plan("xs_rank(rsi(14))", "sma(rsi(14),5)").compute(panel);
                 Table rsi = ENGINE.plan("rsi(14)").compute(panel);
                 Table withRsi = TableBuilder.offHeap().add(input.column("symbol")).add(input.column("time"))
                         .float64("r", rsi.float64("rsi(14)").toArray()).build();
                 Table steps = ENGINE.plan("xs_rank(r)", "sma(r,5)").compute(TestSeries.panel(withRsi))) {
                assertThat(bits(nested.float64("xs_rank(rsi(14))").toArray()))
                        .isEqualTo(bits(steps.float64("xs_rank(r)").toArray()));
                assertThat(bits(nested.float64("sma(rsi(14),5)").toArray()))
                        .isEqualTo(bits(steps.float64("sma(r,5)").toArray()));
            }
        }
    }

    @Test
    void multiOutputOperatorsGiveEveryPartOrTheOneSelected() {
        FeaturePlan plan = ENGINE.plan("band(2)", "band(3).upper", "b=band(4)", "u=band(5).upper",
                "xs_rank(band(6).lower)");
        assertThat(plan.columns()).containsExactly("band(2).lower", "band(2).upper", "band(3).upper", "b.lower",
                "b.upper", "u", "xs_rank(band(6).lower)");
        try (Table input = panelTable(); Table out = plan.compute(TestSeries.panel(input))) {
            double[] close = input.float64("Close").toArray();
            assertThat(out.float64("band(2).lower").get(10)).isEqualTo(close[10] - 2);
            assertThat(out.float64("u").get(10)).isEqualTo(close[10] + 5);
            assertThat(out.float64("xs_rank(band(6).lower)").get(0)).isBetween(1.0, 7.0);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        List<String> specs = List.of("sma(20)", "ema(10)", "rsi(14)",
                "xs_rank(rsi(14))", "xs_zscore(sma(rsi(14),3),ddof=1)", "sma(xs_demean(close),4)");
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        double[][] series = new double[40][];
        for (int s = 0; s < series.length; s++) {
            series[s] = s % 3 == 0 ? TestSeries.randomWithGaps(s, 1_000 + s) : TestSeries.randomWalk(s, 1_000 - s);
        }
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), series)) {
            Panel panel = TestSeries.panel(input);
            try (Table a = FeatureEngine.builder().pool(one).build().plan(specs).compute(panel);
                 Table b = FeatureEngine.builder().pool(four).build().plan(specs).compute(panel);
                 Table c = ENGINE.plan(specs).compute(panel)) {
                for (String name : a.schema().names()) {
                    long[] expected = bits(a.float64(name).toArray());
                    assertThat(bits(b.float64(name).toArray())).as(name).isEqualTo(expected);
                    assertThat(bits(c.float64(name).toArray())).as(name).isEqualTo(expected);
                }
            }
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void vectorKernelsRunTheirWholeGroupFormAndEqualTheScalarProviderWhateverTheThreadCount() {
        FeatureKernelProvider vector = Providers.available().stream().filter(p -> p.name().equals("vector"))
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(vector != null, "the vector provider is unavailable here");
        // every operator the vector provider computes across symbols, as inputs of later stages too
        List<String> specs = List.of("ema(10)", "rsi(14)", "trange", "atr(14)", "natr(5)", "ema(rsi(14),3)",
                "xs_rank(atr(14))");
        // 53 symbols: groups of 16 and a ragged last group; uneven lengths, gaps, a missing high or low here and there
        TestSeries.Bars[] series = new TestSeries.Bars[53];
        for (int s = 0; s < series.length; s++) {
            series[s] = s % 3 == 0 ? TestSeries.randomBarsWithGaps(s, 700 + 7 * s)
                    : TestSeries.randomBars(s, 900 - 5 * s);
        }
        FeatureEngine scalar = Providers.engine(new ScalarKernelProvider());
        FeaturePlan reference = scalar.plan(specs);
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), series);
             Table expected = reference.compute(TestSeries.panel(input))) {
            Panel panel = TestSeries.panel(input);
            assertThat(FeatureEngine.builder().costs(KernelCosts.priorities()).build().plan(specs).explain())
                    .contains("atr(14) [vector");
            for (int threads : new int[] {1, 2, 3, 4}) {
                ForkJoinPool pool = new ForkJoinPool(threads);
                try (Table actual = FeatureEngine.builder().pool(pool).costs(KernelCosts.priorities()).build()
                        .plan(specs).compute(panel)) {
                    for (String name : expected.schema().names()) {
                        assertThat(bits(actual.float64(name).toArray())).as("%s on %d threads", name, threads)
                                .isEqualTo(bits(expected.float64(name).toArray()));
                    }
                } finally {
                    pool.shutdown();
                }
            }
        }
    }

    @Test
    void crossSectionsOverManyDateBlocksOfAnUnbalancedPanelMatchANaiveReference() {
        // 230 symbols of uneven lengths (late listings), gaps: several date-major blocks, several ranges per thread
        double[][] series = new double[230][];
        for (int s = 0; s < series.length; s++) {
            series[s] = s % 4 == 0 ? TestSeries.randomWithGaps(s, 1_200 + s) : TestSeries.randomWalk(s, 1_400 - s);
        }
        List<String> specs = List.of("xs_rank(close)", "xs_zscore(close)", "xs_rank(sma(close,3),ties=min)");
        ForkJoinPool four = new ForkJoinPool(4);
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), series);
             Table out = FeatureEngine.builder().pool(four).build().plan(specs).compute(TestSeries.panel(input))) {
            Panel panel = TestSeries.panel(input);
            double[] close = input.float64("Close").toArray();
            double[] rank = out.float64("xs_rank(close)").toArray();
            double[] z = out.float64("xs_zscore(close)").toArray();
            for (int d = 0; d < panel.dateCount(); d++) {
                List<Integer> rows = new ArrayList<>();
                for (int k = panel.dateRowStart(d); k < panel.dateRowEnd(d); k++) {
                    if (Double.isFinite(close[panel.dateRow(k)])) {
                        rows.add(panel.dateRow(k));
                    }
                }
                double sum = 0;
                for (int r : rows) {
                    sum += close[r];
                }
                double mean = sum / rows.size();
                double ss = 0;
                for (int r : rows) {
                    ss += (close[r] - mean) * (close[r] - mean);
                }
                double sd = Math.sqrt(ss / rows.size());
                for (int k = panel.dateRowStart(d); k < panel.dateRowEnd(d); k++) {
                    int row = panel.dateRow(k);
                    if (!Double.isFinite(close[row])) {
                        assertThat(rank[row]).isNaN();
                        assertThat(z[row]).isNaN();
                        continue;
                    }
                    int below = 0;
                    int equal = 0;
                    for (int r : rows) {
                        below += close[r] < close[row] ? 1 : 0;
                        equal += close[r] == close[row] ? 1 : 0;
                    }
                    assertThat(rank[row]).as("date %d row %d", d, row).isEqualTo(below + (equal + 1) / 2.0);
                    if (rows.size() > 1) {
                        assertThat(z[row]).as("date %d row %d", d, row)
                                .isCloseTo((close[row] - mean) / sd, org.assertj.core.api.Assertions.within(1e-9));
                    }
                }
            }
        } finally {
            four.shutdown();
        }
    }

    @Test
    void aPlanComputesWhatTheEngineComputesForPlainKernels() {
        try (Table input = panelTable()) {
            Panel panel = TestSeries.panel(input);
            try (Table viaPlan = ENGINE.plan("sma(20)", "ema(10)", "rsi").compute(panel);
                 Table viaKernels = ENGINE.compute(panel, ENGINE.kernels("sma(20)", "ema(10)", "rsi"))) {
                assertThat(viaPlan.schema().names()).isEqualTo(viaKernels.schema().names());
                for (String name : viaPlan.schema().names()) {
                    assertThat(bits(viaPlan.float64(name).toArray())).isEqualTo(bits(viaKernels.float64(name)
                            .toArray()));
                }
            }
        }
    }

    @Test
    void errorsQuoteTheSpecAndPointAtTheProblem() {
        assertThatThrownBy(() -> ENGINE.plan("sma(20)", "xs_rank(smaa(5))"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feature spec 'xs_rank(smaa(5))': unknown operator 'smaa' (did you mean "
                        + "'sma'?)")
                .hasMessageEndingWith("(at index 8)");
        assertThatThrownBy(() -> ENGINE.plan("xs_rank(band(2))"))
                .hasMessage("feature spec 'xs_rank(band(2))': operator 'band' has several outputs (lower, upper); "
                        + "choose one as an input, e.g. band(2).upper (at index 8)");
        assertThatThrownBy(() -> ENGINE.plan("band(2).middle"))
                .hasMessage("feature spec 'band(2).middle': operator 'band' has no output 'middle'; its outputs are "
                        + "lower, upper (at index 8)");
        assertThatThrownBy(() -> ENGINE.plan("sma(20).upper"))
                .hasMessage("feature spec 'sma(20).upper': operator 'sma' has a single output, without parts "
                        + "(at index 8)");
        assertThatThrownBy(() -> ENGINE.plan("sma(20, rsi(14))"))
                .hasMessage("feature spec 'sma(20, rsi(14))': operator 'sma' takes 1 input column (close) then 1 "
                        + "parameter (n); '20' is not a column name (at index 4)");
        assertThatThrownBy(() -> ENGINE.plan("xs_rank(close, rsi(14))"))
                .hasMessage("feature spec 'xs_rank(close, rsi(14))': operator 'xs_rank': 'rsi(...)' is in the place "
                        + "of a parameter; expressions are inputs and come first (at index 15)");
        assertThatThrownBy(() -> ENGINE.plan("sma(n=rsi(14))"))
                .hasMessage("feature spec 'sma(n=rsi(14))': parameter 'n' takes a number or a word, not an "
                        + "expression (at index 6)");
        assertThatThrownBy(() -> ENGINE.plan("xs_zscore(rsi(14), ddof=2)"))
                .hasMessage("feature spec 'xs_zscore(rsi(14), ddof=2)': parameter 'ddof': '2' is not a whole number "
                        + "in [0, 1]");
        assertThatThrownBy(() -> ENGINE.plan("sma(20)", "sma(close,20)"))
                .hasMessage("feature column 'sma(20)' is requested twice, by 'sma(20)' and by 'sma(close,20)'; give "
                        + "one a name with label=expr");
        assertThatThrownBy(() -> ENGINE.plan("sma((20)"))
                .hasMessageContaining("at index 4");
        assertThatThrownBy(() -> ENGINE.kernel("xs_rank(rsi(14))"))
                .hasMessageContaining("needs a plan: use FeatureEngine.plan(...)");
    }

    @Test
    void badInputColumnsAreRejectedWithoutLeaking() {
        try (Table input = panelTable()) {
            Panel panel = TestSeries.panel(input);
            assertThatThrownBy(() -> ENGINE.plan("rsi(14)", "xs_rank(sma(high,5))").compute(panel))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sma(high,5): no input column 'high' in the panel; its columns are "
                            + "[symbol, time, Close]");
            assertThatThrownBy(() -> ENGINE.plan("sma(symbol,5)").compute(panel))
                    .hasMessage("sma(symbol,5): input column 'symbol' is STRING; text columns feed only "
                            + "cross-sectional operators (as group codes)");
        }
    }

    @Test
    void emptyPanelsAndEmptyPlans() {
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), new double[0][]);
             Table out = ENGINE.plan("xs_rank(rsi(14))", "sma(3)").compute(TestSeries.panel(input));
             Table none = ENGINE.plan(List.of()).compute(TestSeries.panel(input))) {
            assertThat(out.rowCount()).isZero();
            assertThat(out.schema().names()).containsExactly("xs_rank(rsi(14))", "sma(3)");
            assertThat(none.columnCount()).isZero();
        }
    }

    @Test
    void cachesItsResultUnderAFingerprintOfInputPlanAndCode() {
        Fingerprint prices = Fingerprint.builder().value("prices", "v1").build();
        FeaturePlan plan = ENGINE.plan("sma(20)", "xs_rank(rsi(14))");
        assertThat(plan.fingerprint(prices)).isEqualTo(ENGINE.plan("sma(close,20)", "xs_rank(rsi())")
                .fingerprint(prices));
        assertThat(plan.fingerprint(prices)).isNotEqualTo(ENGINE.plan("sma(21)", "xs_rank(rsi(14))")
                .fingerprint(prices));
        assertThat(plan.fingerprint(prices)).isNotEqualTo(plan.fingerprint(Fingerprint.builder()
                .value("prices", "v2").build()));
        try (Table input = panelTable(); MapCache cache = new MapCache()) {
            Panel panel = TestSeries.panel(input);
            double[] first;
            try (Table a = plan.compute(panel, cache, prices)) {
                first = a.float64("xs_rank(rsi(14))").toArray();
            }
            try (Table b = plan.compute(panel, cache, prices)) {
                assertThat(bits(b.float64("xs_rank(rsi(14))").toArray())).isEqualTo(bits(first));
            }
            assertThat(cache.loads.get()).isEqualTo(1);
            assertThat(cache.keys).extracting(CacheKey::name).containsExactly("features/plan");
        }
    }

    @Test
    void splitsFeatureListsAtTopLevelCommas() {
        assertThat(FeatureEngine.splitSpecs("sma(20), xs_rank(macd(12,26,9).hist),rsi"))
                .containsExactly("sma(20)", "xs_rank(macd(12,26,9).hist)", "rsi");
    }

    /** A cache in a map, for the test: every lease is a view; closing the cache closes the tables. */
    private static final class MapCache implements Cache {
        final Map<CacheKey, Table> tables = new HashMap<>();
        final List<CacheKey> keys = new ArrayList<>();
        final AtomicInteger loads = new AtomicInteger();

        @Override
        public synchronized Table getOrLoad(CacheKey key, TableLoader loader) {
            Table t = tables.get(key);
            if (t == null) {
                try {
                    t = loader.load();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                loads.incrementAndGet();
                tables.put(key, t);
                keys.add(key);
            }
            return t.view(() -> { });
        }

        @Override
        public synchronized Optional<Table> getIfPresent(CacheKey key) {
            return Optional.ofNullable(tables.get(key)).map(t -> t.view(() -> { }));
        }

        @Override
        public void invalidate(CacheKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void invalidateAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CacheStats stats() {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized void close() {
            tables.values().forEach(Table::close);
        }
    }

    /** A plugin provider with a two-output operator, {@code band(n)}: {@code x − n} and {@code x + n}. */
    static final class BandProvider implements FeatureKernelProvider {
        static final OperatorDescriptor BAND = new OperatorDescriptor("band", "test", OperatorKind.TIME_SERIES,
                "x - n and x + n", List.of(ParamSpec.ofInt("n", 1, 1, 100, "offset")), List.of("close"),
                List.of("lower", "upper"));
        private static final OperatorCatalog CATALOG = OperatorCatalog.of("band", List.of(Operator.of(BAND,
                BandKernel::new)));

        @Override
        public String name() {
            return "band";
        }

        @Override
        public int priority() {
            return 5;
        }

        @Override
        public List<OperatorDescriptor> operators() {
            return List.of(BAND);
        }

        @Override
        public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
            return CATALOG.create(operatorName, params, inputs);
        }
    }

    private record BandKernel(OperatorDescriptor descriptor, Params params, List<String> inputs)
            implements FeatureKernel {
        @Override
        public List<String> outputs() {
            return KernelNames.outputs(descriptor, params, inputs);
        }

        @Override
        public int warmUp() {
            return 0;
        }

        @Override
        public void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            int n = params.getInt("n");
            for (int r = from; r < to; r++) {
                double x = in[0].getAtIndex(ValueLayout.JAVA_DOUBLE, r);
                out[0].setAtIndex(ValueLayout.JAVA_DOUBLE, r, x - n);
                out[1].setAtIndex(ValueLayout.JAVA_DOUBLE, r, x + n);
            }
        }

        @Override
        public IncrementalKernel incremental() {
            throw new UnsupportedOperationException("not needed by these tests");
        }
    }
}
