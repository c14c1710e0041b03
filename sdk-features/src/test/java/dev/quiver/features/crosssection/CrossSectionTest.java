package dev.quiver.features.crosssection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import dev.quiver.features.FeatureEngine;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class CrossSectionTest {
    private static final FeatureEngine ENGINE = FeatureEngine.create();
    private static final double NaN = Double.NaN;
    @org.junit.jupiter.api.extension.RegisterExtension
    final NativeMemoryLeakCheck memory = new NativeMemoryLeakCheck();

    /** One date, one row per value, symbols a, b, c, ... in order. */
    private static Table oneDate(double[] x, String[] sector) {
        String[] symbols = new String[x.length];
        long[] times = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            symbols[i] = String.valueOf((char) ('a' + i));
        }
        TableBuilder b = TableBuilder.offHeap().string("symbol", symbols).int64("time", times).float64("x", x);
        if (sector != null) {
            b.string("sector", sector);
        }
        return b.build();
    }

    private static double[] compute(String spec, double[] x) {
        return compute(spec, x, null);
    }

    private static double[] compute(String spec, double[] x, String[] sector) {
        try (Table t = oneDate(x, sector);
             Table out = ENGINE.plan(spec).compute(Panel.of(t, "symbol", "time"))) {
            return out.float64(0 < out.columnCount() ? out.schema().names().get(0) : spec).toArray();
        }
    }

    @Test
    void everyTieMethodAndPercentiles() {
        double[] x = {3, 1, NaN, 3, -0.0, 0.0, Double.POSITIVE_INFINITY, 7};
        // sorted finite: -0=0 (b? no: e, f), 1 (b), 3 (a, d), 7 (h)
        assertThat(compute("xs_rank(x)", x)).containsExactly(4.5, 3, NaN, 4.5, 1.5, 1.5, NaN, 6);
        assertThat(compute("xs_rank(x,min)", x)).containsExactly(4, 3, NaN, 4, 1, 1, NaN, 6);
        assertThat(compute("xs_rank(x,max)", x)).containsExactly(5, 3, NaN, 5, 2, 2, NaN, 6);
        assertThat(compute("xs_rank(x,dense)", x)).containsExactly(3, 2, NaN, 3, 1, 1, NaN, 4);
        assertThat(compute("xs_rank(x,ordinal)", x)).containsExactly(4, 3, NaN, 5, 1, 2, NaN, 6);
        assertThat(compute("xs_rank(x,pct=true)", x)).containsExactly(0.7, 0.4, NaN, 0.7, 0.1, 0.1, NaN, 1);
        assertThat(compute("xs_rank(x,dense,true)", x)).containsExactly(2 / 3.0, 1 / 3.0, NaN, 2 / 3.0, 0, 0, NaN,
                1);
        assertThat(compute("xs_rank(x,pct=true)", new double[] {5, NaN})).containsExactly(0.5, NaN);
        assertThat(compute("xs_rank(x,pct=true)", new double[] {2, 2, 2})).containsExactly(0.5, 0.5, 0.5);
        assertThat(compute("xs_rank(x)", new double[] {NaN, NaN})).containsExactly(NaN, NaN);
    }

    @Test
    void wideCrossSectionsRankAsTheDefinitionSays() {
        // wider than the insertion-sort cut-off: the radix sort, with negatives, zeros of both signs, ties, gaps
        for (int width : new int[] {5, 33, 500, 2_000}) {
            SplittableRandom random = new SplittableRandom(width);
            double[] x = new double[width];
            for (int i = 0; i < width; i++) {
                int kind = random.nextInt(10);
                x[i] = kind == 0 ? NaN : kind == 1 ? -0.0 : kind == 2 ? 0.0
                        : kind < 6 ? random.nextInt(7) - 3 : random.nextGaussian() * 1e6;
            }
            double[][] expected = new double[5][width];
            for (int i = 0; i < width; i++) {
                if (Double.isNaN(x[i])) {
                    for (double[] e : expected) {
                        e[i] = NaN;
                    }
                    continue;
                }
                int less = 0;
                int equal = 0;
                int earlierEqual = 0;
                java.util.Set<Double> smaller = new java.util.HashSet<>();
                for (int j = 0; j < width; j++) {
                    if (Double.isNaN(x[j])) {
                        continue;
                    }
                    if (x[j] < x[i]) {
                        less++;
                        smaller.add(x[j] + 0.0);
                    } else if (x[j] == x[i]) {
                        equal++;
                        earlierEqual += j < i ? 1 : 0;
                    }
                }
                expected[0][i] = less + (equal + 1) / 2.0;
                expected[1][i] = less + 1;
                expected[2][i] = less + equal;
                expected[3][i] = smaller.size() + 1;
                expected[4][i] = less + earlierEqual + 1;
            }
            String[] methods = {"average", "min", "max", "dense", "ordinal"};
            for (int k = 0; k < methods.length; k++) {
                assertThat(compute("xs_rank(x," + methods[k] + ")", x)).as("%s, width %d", methods[k], width)
                        .containsExactly(expected[k]);
            }
        }
    }

    @Test
    void zScoresAndMoments() {
        double[] x = {1, 2, NaN, 3, 6};
        double mean = 3;
        double pop = Math.sqrt((4 + 1 + 0 + 9) / 4.0);
        double sample = Math.sqrt((4 + 1 + 0 + 9) / 3.0);
        assertThat(compute("xs_zscore(x)", x)).containsExactly(-2 / pop, -1 / pop, NaN, 0, 3 / pop);
        assertThat(compute("xs_zscore(x,ddof=1)", x)).containsExactly(-2 / sample, -1 / sample, NaN, 0,
                3 / sample);
        assertThat(compute("xs_demean(x)", x)).containsExactly(-2, -1, NaN, 0, 3);
        assertThat(compute("xs_mean(x)", x)).containsOnly(mean);
        assertThat(compute("xs_std(x)", x)).containsOnly(pop);
        assertThat(compute("xs_count(x)", x)).containsOnly(4.0);
        // sd 0 (all equal, and a single value) gives NaN z-scores; equal values have exactly their mean
        assertThat(compute("xs_zscore(x)", new double[] {0.1, 0.1, 0.1})).containsOnly(NaN);
        assertThat(compute("xs_demean(x)", new double[] {0.1, 0.1, 0.1})).containsOnly(0.0);
        assertThat(compute("xs_zscore(x,ddof=1)", new double[] {5})).containsOnly(NaN);
        assertThat(compute("xs_std(x,ddof=1)", new double[] {5, NaN})).containsOnly(NaN);
        assertThat(compute("xs_std(x)", new double[] {5, NaN})).containsOnly(0.0);
        assertThat(compute("xs_mean(x)", new double[] {NaN, NaN})).containsOnly(NaN);
        assertThat(compute("xs_count(x)", new double[] {NaN, NaN})).containsOnly(0.0);
    }

    @Test
    void winsorizeAndClipAtType7Quantiles() {
        // R: quantile(c(1,2,3,4,10), c(0.1, 0.9)) is 1.4 and 7.6
        double[] x = {10, 1, NaN, 3, 2, 4};
        assertThat(compute("xs_winsorize(x, 0.1, 0.9)", x)).usingComparatorWithPrecision(1e-12)
                .containsExactly(7.6, 1.4, NaN, 3, 2, 4);
        assertThat(compute("xs_clip(x, lower_q=0.1, upper_q=0.9)", x)).containsExactly(NaN, NaN, NaN, 3, 2, 4);
        assertThat(compute("xs_winsorize(x, 0, 1)", x)).containsExactly(10, 1, NaN, 3, 2, 4);
        assertThat(compute("xs_winsorize(x, 0.5, 0.5)", x)).containsOnly(3.0, NaN);
        assertThat(Quantiles.quantile(new double[] {1, 2, 3, 4, 10}, 5, 0.25)).isEqualTo(2.0);
        assertThat(Quantiles.quantile(new double[] {1, 2, 3, 4, 10}, 5, 0.95)).isCloseTo(8.8,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> ENGINE.plan("xs_winsorize(x, 0.9, 0.1)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature spec 'xs_winsorize(x, 0.9, 0.1)': operator 'xs_winsorize': lower_q 0.9 is above "
                        + "upper_q 0.1");
    }

    @Test
    void neutralizeByATextOrNumericGroupColumn() {
        double[] x = {1, 2, 3, 10, 20, NaN, 5};
        String[] sector = {"tech", "tech", "tech", "energy", "energy", "energy", null};
        assertThat(compute("xs_neutralize(x, sector)", x, sector)).containsExactly(-1, 0, 1, -5, 5, NaN, NaN);
        try (Table t = TableBuilder.offHeap()
                .string("symbol", new String[] {"a", "b", "c", "d"}).int64("time", new long[4])
                .float64("x", new double[] {1, 4, 2, 8}).float64("industry", new double[] {7, 3, 7, NaN}).build();
             Table out = ENGINE.plan("xs_neutralize(x, industry)").compute(Panel.of(t, "symbol", "time"))) {
            assertThat(out.schema().names()).containsExactly("xs_neutralize(x,industry)");
            assertThat(out.float64(0 == 0 ? "xs_neutralize(x,industry)" : "").toArray())
                    .containsExactly(-0.5, 0, 0.5, NaN);
        }
    }

    @Test
    void namesItsOutputWithInputsAndNonDefaultOptions() {
        assertThat(ENGINE.kernel("xs_rank").outputs()).containsExactly("xs_rank(close)");
        assertThat(ENGINE.kernel("xs_rank(Ret1, ties=min, pct=false)").outputs()).containsExactly("xs_rank(ret1,ties=min)");
        assertThat(ENGINE.kernel("xs_zscore(x, 1)").outputs()).containsExactly("xs_zscore(x,ddof=1)");
        assertThat(ENGINE.kernel("xs_winsorize(x, 0.05)").outputs()).containsExactly("xs_winsorize(x,lower_q=0.05)");
        assertThat(ENGINE.kernel("xs_winsorize(x, upper_q=0.95)").outputs())
                .containsExactly("xs_winsorize(x,upper_q=0.95)");
    }

    @Test
    void hasNoSeriesOrIncrementalForm() {
        FeatureKernel k = ENGINE.kernel("xs_rank(x)");
        MemorySegment seg = MemorySegment.ofArray(new double[3]);
        assertThatThrownBy(() -> k.computeSeries(new MemorySegment[] {seg}, new MemorySegment[] {seg}, 0, 3))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cross-sectional");
        assertThatThrownBy(k::incremental).isInstanceOf(UnsupportedOperationException.class);
        assertThat(k.warmUp()).isZero();
    }

    @Test
    void anUnbalancedPanelRanksEachDateAmongItsOwnRows() {
        // b starts a day later than a and c; c has a gap on day 1
        try (Table t = TableBuilder.offHeap()
                .string("symbol", new String[] {"a", "a", "a", "b", "b", "c", "c"})
                .int64("time", new long[] {0, 1, 2, 1, 2, 0, 2})
                .float64("x", new double[] {5, 1, 9, 2, 8, 3, 7}).build();
             Table out = ENGINE.plan("xs_rank(x)", "xs_count(x)").compute(Panel.of(t, "symbol", "time"))) {
            assertThat(out.float64("xs_rank(x)").toArray()).containsExactly(2, 1, 3, 2, 2, 1, 1);
            assertThat(out.float64("xs_count(x)").toArray()).containsExactly(2, 2, 3, 2, 3, 2, 3);
        }
    }

    @Test
    void momentsOfEveryDateOfAPanelAreThoseOfItsDefinition() {
        // dates are computed four at a time, assuming finite values until the plain sum says otherwise: a block of
        // dates of every kind (all finite, one NaN, an infinity, all missing, a sum that overflows, zeros of both
        // signs, all equal), balanced and with a row left out (dates of unequal widths)
        int symbols = 9;
        int dates = 15;
        SplittableRandom random = new SplittableRandom(8);
        double[][] byDate = new double[dates][symbols];
        for (int d = 0; d < dates; d++) {
            for (int s = 0; s < symbols; s++) {
                byDate[d][s] = switch (d % 8) {
                    case 1 -> s == 4 ? NaN : random.nextGaussian();
                    case 2 -> s == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian() * 1e3;
                    case 3 -> NaN;
                    case 4 -> s < 3 ? Double.MAX_VALUE : 1.0;
                    case 5 -> s % 2 == 0 ? -0.0 : 0.0;
                    case 6 -> s == 8 ? -0.0 : 3.25;
                    default -> random.nextInt(4) + 0.1 * random.nextInt(3);
                };
            }
        }
        for (boolean leaveOneOut : new boolean[] {false, true}) {
            int rows = symbols * dates - (leaveOneOut ? 1 : 0);
            String[] sym = new String[rows];
            long[] time = new long[rows];
            double[] x = new double[rows];
            int r = 0;
            for (int s = 0; s < symbols; s++) {
                for (int d = 0; d < dates; d++) {
                    if (leaveOneOut && s == 5 && d == 9) {
                        byDate[d][s] = NaN; // the left-out row counts as missing below
                        continue;
                    }
                    sym[r] = String.format("s%02d", s);
                    time[r] = d;
                    x[r++] = byDate[d][s];
                }
            }
            String[] specs = {"xs_zscore(x)", "xs_zscore(x,ddof=1)", "xs_demean(x)", "xs_mean(x)", "xs_std(x)",
                "xs_std(x,ddof=1)", "xs_count(x)"};
            try (Table t = TableBuilder.offHeap().string("symbol", sym).int64("time", time).float64("x", x).build();
                 Table out = ENGINE.plan(specs).compute(Panel.of(t, "symbol", "time"))) {
                r = 0;
                for (int s = 0; s < symbols; s++) {
                    for (int d = 0; d < dates; d++) {
                        if (leaveOneOut && s == 5 && d == 9) {
                            continue;
                        }
                        double[] expected = moments(byDate[d], s);
                        for (int k = 0; k < specs.length; k++) {
                            assertThat(out.float64(out.schema().names().get(k)).get(r))
                                    .as("%s, symbol %d, date %d, a row left out: %s", specs[k], s, d, leaveOneOut)
                                    .isEqualTo(Double.valueOf(expected[k]));
                        }
                        r++;
                    }
                }
            }
        }
    }

    /**
     * The definitions for value {@code at} of one date: z-score (ddof 0 and 1), demeaned value, mean, sd (ddof 0
     * and 1) and count, over the finite values in order, {@code -0.0} as {@code 0.0}; R's mean (the plain mean
     * corrected by the mean of the residuals), two-pass sd, exactly 0 when all are equal.
     */
    private static double[] moments(double[] date, int at) {
        double[] v = Arrays.stream(date).filter(Double::isFinite).map(a -> a + 0.0).toArray();
        int m = v.length;
        double mean = NaN;
        double[] sd = {NaN, NaN};
        if (m > 0) {
            double sum = 0;
            for (double a : v) {
                sum += a;
            }
            double residual = 0;
            for (double a : v) {
                residual += a - sum / m;
            }
            mean = sum / m + residual / m;
            double squares = 0;
            for (double a : v) {
                squares += (a - mean) * (a - mean);
            }
            boolean equal = Arrays.stream(v).allMatch(a -> a == v[0]);
            for (int ddof = 0; ddof < 2; ddof++) {
                sd[ddof] = m - ddof < 1 ? NaN : equal ? 0.0 : Math.sqrt(squares / (m - ddof));
            }
        }
        double x = date[at] + 0.0;
        boolean missing = !Double.isFinite(x);
        return new double[] {
            missing || !(sd[0] > 0) ? NaN : (x - mean) / sd[0],
            missing || !(sd[1] > 0) ? NaN : (x - mean) / sd[1],
            missing ? NaN : x - mean,
            mean, sd[0], sd[1], m
        };
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int symbols = 150;
        int days = 240; // 36,000 rows: above the size from which dates are computed in parallel
        SplittableRandom random = new SplittableRandom(42);
        int rows = symbols * days;
        String[] sym = new String[rows];
        long[] time = new long[rows];
        double[] x = new double[rows];
        String[] sector = new String[rows];
        for (int s = 0; s < symbols; s++) {
            for (int d = 0; d < days; d++) {
                int r = s * days + d;
                sym[r] = String.format("s%04d", s);
                time[r] = d;
                // rounded so that ties occur, with some missing values
                x[r] = random.nextInt(20) == 0 ? NaN : Math.rint(random.nextGaussian() * 10) / 2;
                sector[r] = "g" + (s % 11);
            }
        }
        String[] specs = {"xs_rank(x)", "xs_rank(x,ordinal,true)", "xs_zscore(x,ddof=1)", "xs_winsorize(x)",
            "xs_neutralize(x,sector)", "xs_rank(xs_demean(x), dense)"};
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try (Table t = TableBuilder.offHeap().string("symbol", sym).int64("time", time).float64("x", x)
                .string("sector", sector).build()) {
            Panel panel = Panel.of(t, "symbol", "time");
            try (Table a = FeatureEngine.builder().pool(one).build().plan(specs).compute(panel);
                 Table b = FeatureEngine.builder().pool(four).build().plan(specs).compute(panel);
                 Table c = ENGINE.plan(specs).compute(panel)) {
                for (String name : a.schema().names()) {
                    double[] expected = a.float64(name).toArray();
                    assertThat(Arrays.equals(b.float64(name).toArray(), expected)).as(name).isTrue();
                    assertThat(Arrays.equals(c.float64(name).toArray(), expected)).as(name).isTrue();
                }
            }
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }
}
