package dev.quiver.portfolio.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.quiver.api.table.Table;
import dev.quiver.io.TableFiles;
import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.objective.Objective;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocked product against Pearson's correlation in exact arithmetic (within 1e-14) and commons-math3's (whose own
 * rounding reaches 1e-10 on correlations near 0), the SIMD kernel against the scalar one bit for
 * bit, the streamed top pairs against brute force, and the written matrix read back by FastCSV.
 */
class CorrelationsTest {
    private static final List<ProductKernel> KERNELS = kernels();

    private static List<ProductKernel> kernels() {
        List<ProductKernel> k = new ArrayList<>(List.of(ProductKernel.SCALAR));
        if (!Correlations.kernel().equals("scalar")) {
            k.add(new VectorProductKernel());
        }
        return k;
    }

    /** A matrix with awkward rows: a constant one, a copy, a negated copy, and random ones. */
    private static PnlMatrix awkward(int strategies, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[strategies * days];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(random.nextGaussian() * 1000) / 10.0;
        }
        if (strategies > 3) {
            java.util.Arrays.fill(v, 0, days, 7.5); // strategy 0 is constant
            for (int d = 0; d < days; d++) {
                v[2 * days + d] = v[days + d];        // 2 copies 1
                v[3 * days + d] = -v[days + d];       // 3 is 1 negated
            }
        }
        List<String> names = new ArrayList<>();
        for (int s = 0; s < strategies; s++) {
            names.add("s" + s + ", \"q\" 1%");
        }
        long[] dates = new long[days];
        for (int d = 0; d < days; d++) {
            dates[d] = d;
        }
        return PnlMatrix.of(names, dates, v);
    }

    private static double reference(PnlMatrix m, int a, int b) {
        if (m.days() < 2) {
            return 0;
        }
        double r = new PearsonsCorrelation().correlation(m.row(a), m.row(b));
        return Double.isNaN(r) ? 0 : r;
    }

    /** Pearson's correlation in exact decimal arithmetic (to 60 digits), the square root last. */
    private static double exact(PnlMatrix m, int a, int b) {
        java.math.MathContext mc = new java.math.MathContext(60);
        int days = m.days();
        java.math.BigDecimal n = java.math.BigDecimal.valueOf(days);
        java.math.BigDecimal sa = java.math.BigDecimal.ZERO;
        java.math.BigDecimal sb = java.math.BigDecimal.ZERO;
        for (int d = 0; d < days; d++) {
            sa = sa.add(new java.math.BigDecimal(m.get(a, d)));
            sb = sb.add(new java.math.BigDecimal(m.get(b, d)));
        }
        java.math.BigDecimal ma = sa.divide(n, mc);
        java.math.BigDecimal mb = sb.divide(n, mc);
        java.math.BigDecimal sab = java.math.BigDecimal.ZERO;
        java.math.BigDecimal saa = java.math.BigDecimal.ZERO;
        java.math.BigDecimal sbb = java.math.BigDecimal.ZERO;
        for (int d = 0; d < days; d++) {
            java.math.BigDecimal x = new java.math.BigDecimal(m.get(a, d)).subtract(ma);
            java.math.BigDecimal y = new java.math.BigDecimal(m.get(b, d)).subtract(mb);
            sab = sab.add(x.multiply(y));
            saa = saa.add(x.multiply(x));
            sbb = sbb.add(y.multiply(y));
        }
        if (saa.signum() == 0 || sbb.signum() == 0) {
            return 0;
        }
        return sab.divide(saa.multiply(sbb).sqrt(mc), mc).doubleValue();
    }

    private static int[] all(int n) {
        int[] s = new int[n];
        java.util.Arrays.setAll(s, i -> i);
        return s;
    }

    @Test
    void theMatrixMatchesExactArithmeticAndCommonsMathOnAwkwardSizes() {
        for (int days : new int[] {2, 3, 82, 257}) {
            for (int n : new int[] {1, 5, 17, 67, 130}) {
                PnlMatrix m = awkward(n, days, n * 31L + days);
                StandardizedRows z = StandardizedRows.of(m);
                for (ProductKernel kernel : KERNELS) {
                    CorrelationMatrix c = Correlations.matrix(z, all(n), m.names(), kernel, 2);
                    for (int a = 0; a < n; a++) {
                        for (int b = 0; b < n; b++) {
                            double expected = a == b ? (z.constant(a) ? 0 : 1) : reference(m, a, b);
                            assertThat(c.get(a, b)).as("n=%d days=%d (%d,%d)", n, days, a, b)
                                    .isCloseTo(expected, within(1e-9));
                            if (a != b && ((a * 7 + b) % 13 == 0 || a == 116)) {
                                assertThat(c.get(a, b)).as("exact, n=%d days=%d (%d,%d)", n, days, a, b)
                                        .isCloseTo(exact(m, a, b), within(1e-14));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void constantCopiedAndNegatedStrategiesHaveTheDocumentedValues() {
        PnlMatrix m = awkward(40, 82, 1);
        CorrelationMatrix c = Correlations.matrix(m, all(40));
        assertThat(c.get(0, 0)).isZero();
        for (int j = 1; j < 40; j++) {
            assertThat(c.get(0, j)).isZero();
        }
        assertThat(c.get(1, 2)).isCloseTo(1.0, within(1e-14));
        assertThat(c.get(1, 3)).isCloseTo(-1.0, within(1e-14));
        assertThat(c.get(5, 5)).isEqualTo(1.0);
        // one day: every series is constant
        assertThat(Correlations.matrix(awkward(6, 1, 2), all(6)).values()).containsOnly(0.0);
    }

    @Test
    void theSimdKernelEqualsTheScalarKernelBitForBitAndThreadsDoNotMatter() {
        PnlMatrix m = PnlGenerator.generate(301, 82, 9, LocalDate.of(2024, 1, 1));
        StandardizedRows z = StandardizedRows.of(m);
        double[] reference = Correlations.matrix(z, all(301), m.names(), ProductKernel.SCALAR, 1).values();
        for (ProductKernel kernel : KERNELS) {
            for (int threads : new int[] {1, 2, 3}) {
                assertThat(Correlations.matrix(z, all(301), m.names(), kernel, threads).values())
                        .as(kernel + " on " + threads).isEqualTo(reference);
            }
        }
    }

    @Test
    void topPairsEqualBruteForceInEveryOrder() {
        PnlMatrix m = awkward(300, 82, 5);
        StandardizedRows z = StandardizedRows.of(m);
        int n = m.strategies();
        record Pair(int a, int b, double r) {
        }
        List<Pair> every = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                every.add(new Pair(a, b, Math.max(-1, Math.min(1, z.dot(a, b)))));
            }
        }
        for (Correlations.Order order : Correlations.Order.values()) {
            Comparator<Pair> best = Comparator.<Pair>comparingDouble(p -> switch (order) {
                case HIGHEST -> -p.r();
                case LOWEST -> p.r();
                case ABSOLUTE -> -Math.abs(p.r());
            }).thenComparingInt(Pair::a).thenComparingInt(Pair::b);
            List<Pair> sorted = every.stream().sorted(best).toList();
            for (int k : new int[] {1, 10, 1000, 50_000}) {
                for (ProductKernel kernel : KERNELS) {
                    for (int threads : new int[] {1, 2}) {
                        List<CorrelationPair> top = Correlations.topPairs(z, k, order, kernel, threads);
                        int expected = Math.min(k, every.size());
                        assertThat(top).hasSize(expected);
                        for (int i = 0; i < expected; i++) {
                            Pair p = sorted.get(i);
                            assertThat(top.get(i)).as("%s k=%d #%d", order, k, i)
                                    .isEqualTo(new CorrelationPair(p.a(), p.b(), p.r()));
                        }
                    }
                }
            }
        }
        // the copy is the most correlated pair, the negated copy the least, both are the most absolute
        CorrelationPair most = Correlations.topPairs(m, 1).getFirst();
        assertThat(List.of(most.a(), most.b())).containsExactly(1, 2);
        assertThat(most.correlation()).isCloseTo(1.0, within(1e-14));
        assertThat(Correlations.topPairs(m, 1, Correlations.Order.LOWEST, 2).getFirst().correlation())
                .isCloseTo(-1, within(1e-14));
        assertThatThrownBy(() -> Correlations.topPairs(m, 0)).hasMessageContaining("positive");
        assertThat(Correlations.topPairs(awkward(1, 5, 1), 3)).isEmpty();
    }

    @Test
    void rankingPicksTheBestByTheMetricWithTiesByIndex() {
        double[] v = {1, 1, 5, 5, 2, 8, -1, 11};
        PnlMatrix m = PnlMatrix.of(List.of("a", "b", "c", "d"), new long[] {0, 1}, v);
        assertThat(StrategyRanking.top(m, 3, Objective.Standard.roi)).containsExactly(1, 2, 3);
        assertThat(StrategyRanking.top(m, 9, Objective.Standard.roi)).containsExactly(1, 2, 3, 0);
    }

    @Test
    void theWrittenMatrixOpensInAnotherReaderWithNamesIntact(@TempDir Path dir) throws Exception {
        PnlMatrix m = awkward(12, 20, 3);
        CorrelationMatrix c = Correlations.matrix(m, new int[] {4, 1, 9});
        Path f = dir.resolve("corr.csv");
        try (Table t = c.toTable()) {
            TableFiles.write(t, f);
        }
        List<CsvRecord> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(f)) {
            r.forEach(rows::add);
        }
        assertThat(rows.getFirst().getFields()).containsExactly("strategy", m.name(4), m.name(1), m.name(9));
        assertThat(rows.get(2).getField(0)).isEqualTo(m.name(1)).contains(",").contains("\"");
        assertThat(Double.parseDouble(rows.get(1).getField(2))).isEqualTo(c.get(0, 1));
        assertThat(Double.parseDouble(rows.get(3).getField(3))).isEqualTo(1.0);
    }
}
