package dev.quiver.features.vector;

import static dev.quiver.features.TestSeries.bits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.param.Params;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.ScalarKernelProvider;
import dev.quiver.features.TestSeries;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every vector kernel against the scalar reference: bit for bit, or for sma within the stated tolerance. */
class VectorKernelsTest {
    private static final ScalarKernelProvider SCALAR = new ScalarKernelProvider();
    private static final VectorKernelProvider VECTOR = new VectorKernelProvider();
    private static final double EPS = Math.ulp(1.0);
    private static final int[] PERIODS = {1, 2, 3, 7, 8, 9, 14, 20, 250};

    @BeforeAll
    static void vectorIsAvailable() {
        assumeTrue(VECTOR.availability().available(), () -> VECTOR.availability().reason());
    }

    private static FeatureKernel kernel(FeatureKernelProvider p, String op, int n) {
        return p.create(op, Params.bind(p.operator(op).orElseThrow().params(), Map.of("n", Integer.toString(n))),
                List.of());
    }

    // ---- ema and rsi across symbols: bit for bit

    @ParameterizedTest
    @ValueSource(strings = {"ema", "rsi"})
    void acrossSymbolsEqualsScalarBitForBitOnAapl(String op) {
        double[] aapl = TestSeries.aaplClose();
        for (int n : PERIODS) {
            assertPanelBitForBit(op, n, new double[][] {aapl});
            assertPanelBitForBit(op, n, new double[][] {aapl, TestSeries.randomWalk(1, 37), aapl,
                TestSeries.randomWithGaps(2, 1_000)});
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ema", "rsi"})
    void acrossSymbolsEqualsScalarBitForBitOnRandomPanelsOfUnevenLengths(String op) {
        for (long seed = 1; seed <= 12; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int symbols = 1 + random.nextInt(3 * AcrossSymbolsKernel.LANES + 2);
            double[][] series = new double[symbols][];
            for (int s = 0; s < symbols; s++) {
                // lengths cross the transpose block (128) and lane counts, and include 1 and 2
                int length = switch (random.nextInt(4)) {
                    case 0 -> 1 + random.nextInt(3);
                    case 1 -> 1 + random.nextInt(40);
                    default -> 1 + random.nextInt(700);
                };
                series[s] = random.nextBoolean() ? TestSeries.randomWithGaps(seed * 100 + s, length)
                        : TestSeries.randomWalk(seed * 100 + s, length);
            }
            for (int n : PERIODS) {
                assertPanelBitForBit(op, n, series);
            }
        }
    }

    private static void assertPanelBitForBit(String op, int n, double[][] series) {
        try (Table table = TestSeries.panelTable(TableBuilder.onHeap(), series)) {
            Panel panel = TestSeries.panel(table);
            MemorySegment[] in = {table.float64("Close").data()};
            double[] expected = compute(kernel(SCALAR, op, n), panel, in);
            double[] actual = compute(kernel(VECTOR, op, n), panel, in);
            for (int s = 0; s < panel.symbolCount(); s++) {
                int from = panel.seriesStart(s);
                int to = panel.seriesEnd(s);
                assertThat(bits(Arrays.copyOfRange(actual, from, to))).as("%s(%d), symbol %d of %d (%d rows)",
                        op, n, s, panel.symbolCount(), to - from)
                        .isEqualTo(bits(Arrays.copyOfRange(expected, from, to)));
            }
        }
    }

    private static double[] compute(FeatureKernel k, Panel panel, MemorySegment[] in) {
        double[] out = new double[panel.rowCount()];
        Arrays.fill(out, 12345.0);
        k.compute(panel, in, new MemorySegment[] {MemorySegment.ofArray(out)});
        return out;
    }

    // ---- sma along time: within the stated tolerance

    @Test
    void smaIsWithinTheStatedRelativeToleranceOnPrices() {
        List<double[]> series = new ArrayList<>();
        series.add(TestSeries.aaplClose());
        for (long seed = 1; seed <= 4; seed++) {
            series.add(TestSeries.randomWalk(seed, 4_000));
        }
        for (double[] x : series) {
            for (int n : PERIODS) {
                double[] s = TestSeries.batch(kernel(SCALAR, "sma", n), x);
                double[] v = TestSeries.batch(kernel(VECTOR, "sma", n), x);
                for (int i = 0; i < x.length; i++) {
                    if (i < n - 1) {
                        assertThat(v[i]).isNaN();
                    } else {
                        assertThat(Math.abs(v[i] - s[i])).as("sma(%d) row %d: %s vs %s", n, i, v[i], s[i])
                                .isLessThanOrEqualTo(VectorKernelProvider.SMA_RELATIVE_TOLERANCE * Math.abs(s[i]));
                    }
                }
                assertThat(v[n - 1]).as("the first value is summed as the scalar kernel sums it").isEqualTo(s[n - 1]);
            }
        }
    }

    @Test
    void smaIsWithinTheRoundingBoundOnAnyDataWithGapsAndEveryLength() {
        SplittableRandom random = new SplittableRandom(5);
        for (int length = 0; length <= 70; length++) {
            double[] mixedSigns = new double[length];
            for (int i = 0; i < length; i++) {
                mixedSigns[i] = random.nextDouble(-1, 1) * (random.nextInt(10) == 0 ? 1e3 : 1);
            }
            assertSmaWithinBound(mixedSigns);
            assertSmaWithinBound(TestSeries.randomWithGaps(length, length));
        }
        for (long seed = 1; seed <= 5; seed++) {
            assertSmaWithinBound(TestSeries.randomWithGaps(seed, 3_000));
        }
    }

    /**
     * Both kernels round each row's window sum a few times; their outputs {@code k} rows into a run differ by at most
     * about {@code 2k·ε·max|x|}: checked with {@code (8 + 4k)·ε·max|x|}, NaN exactly where the scalar one is.
     */
    private static void assertSmaWithinBound(double[] x) {
        double max = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        for (int n : PERIODS) {
            double[] s = TestSeries.batch(kernel(SCALAR, "sma", n), x);
            double[] v = TestSeries.batch(kernel(VECTOR, "sma", n), x);
            for (int i = 0; i < x.length; i++) {
                assertThat(Double.isNaN(v[i])).as("sma(%d) row %d of %d is NaN", n, i, x.length)
                        .isEqualTo(Double.isNaN(s[i]));
                if (!Double.isNaN(s[i])) {
                    assertThat(Math.abs(v[i] - s[i])).as("sma(%d) row %d of %d", n, i, x.length)
                            .isLessThanOrEqualTo((8 + 4.0 * i) * EPS * max);
                }
            }
        }
    }

    @Test
    void smaGivesTheSameBitsWhereverTheSeriesLies() {
        // native segments take segment vector loads; writable heap ones their arrays; read-only heap ones (table
        // columns) a copy: one arithmetic
        for (double[] x : List.of(TestSeries.aaplClose(), TestSeries.randomWithGaps(7, 2_003),
                TestSeries.randomWalk(8, 61))) {
            for (int n : PERIODS) {
                FeatureKernel k = kernel(VECTOR, "sma", n);
                double[] expected = TestSeries.batchOffHeap(k, x);
                assertThat(bits(TestSeries.batch(k, x))).as("heap, sma(%d)", n).isEqualTo(bits(expected));
                // a slice of a larger array, read-only, written to a heap slice: rows from 3 in both
                double[] padded = new double[x.length + 5];
                System.arraycopy(x, 0, padded, 3, x.length);
                MemorySegment in = MemorySegment.ofArray(padded).asSlice(0, (x.length + 3L) * Double.BYTES)
                        .asReadOnly();
                double[] outArray = new double[x.length + 4];
                MemorySegment out = MemorySegment.ofArray(outArray).asSlice(Double.BYTES);
                k.computeSeries(new MemorySegment[] {in}, new MemorySegment[] {out}, 3, x.length + 3);
                assertThat(bits(Arrays.copyOfRange(outArray, 4, x.length + 4))).as("read-only slice, sma(%d)", n)
                        .isEqualTo(bits(expected));
            }
        }
    }

    @Test
    void smaOfOneIsTheInputExactly() {
        double[] x = TestSeries.randomWithGaps(3, 500);
        assertThat(bits(TestSeries.batch(kernel(VECTOR, "sma", 1), x)))
                .isEqualTo(bits(TestSeries.batch(kernel(SCALAR, "sma", 1), x)));
    }

    // ---- the engine

    @Test
    void theEngineGivesTheSameResultsWhicheverProviderComputes() {
        // the most preferred provider, vector, for every operator it has (not the fastest: that is KernelCostsTest's)
        FeatureEngine auto = FeatureEngine.builder().costs(dev.quiver.features.KernelCosts.priorities())
                .discovery(ProviderDiscovery.builder("features", FeatureKernelProvider.class)
                        .systemProperties(Map.<String, String>of()::get).environment(k -> null).build()).build();
        FeatureEngine scalar = FeatureEngine.of(ProviderDiscovery.builder("features", FeatureKernelProvider.class)
                .systemProperties(Map.of("quiver.features.provider", "scalar")::get).environment(k -> null).build());
        assertThat(auto.provider("ema").name()).isEqualTo("vector");
        assertThat(scalar.provider("ema").name()).isEqualTo("scalar");
        double[][] series = {TestSeries.aaplClose(), TestSeries.randomWithGaps(4, 900), TestSeries.randomWalk(5, 3),
            TestSeries.randomWalk(6, 1), TestSeries.randomWalk(7, 2_000)};
        String[] specs = {"sma(20)", "ema(20)", "rsi(14)", "ema(high,5)"};
        try (Table input = TestSeries.panelTable(TableBuilder.offHeap(), series)) {
            Table withHigh = input; // ema(high,5) reads a second column: the same closes under another name
            try (TableBuilder b = TableBuilder.onHeap()) {
                withHigh = b.add(input.column("symbol")).add(input.column("time")).add(input.column("Close"))
                        .float64("High", input.float64("Close").toArray()).build();
            }
            Panel panel = TestSeries.panel(withHigh);
            try (Table a = auto.compute(panel, auto.kernels(specs));
                 Table s = scalar.compute(panel, scalar.kernels(specs))) {
                for (String spec : new String[] {"ema(20)", "rsi(14)", "ema(high,5)"}) {
                    assertThat(bits(a.float64(spec).toArray())).as(spec).isEqualTo(bits(s.float64(spec).toArray()));
                }
                double[] va = a.float64("sma(20)").toArray();
                double[] vs = s.float64("sma(20)").toArray();
                for (int i = 0; i < va.length; i++) {
                    assertThat(Double.isNaN(va[i])).isEqualTo(Double.isNaN(vs[i]));
                    if (!Double.isNaN(vs[i])) {
                        assertThat(Math.abs(va[i] - vs[i])).as("sma(20) row %d", i)
                                .isLessThanOrEqualTo(VectorKernelProvider.SMA_RELATIVE_TOLERANCE * Math.abs(vs[i]));
                    }
                }
            }
        }
    }
}
