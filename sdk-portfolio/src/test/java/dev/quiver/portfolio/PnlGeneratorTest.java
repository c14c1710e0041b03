package dev.quiver.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.portfolio.objective.PnlStatistics;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/** The generator's promises: reproducible, realistic names, zero days, a minority of winners, clustered correlation. */
class PnlGeneratorTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 6); // a Saturday

    @Test
    void theSameSeedGivesTheSameMatrix() {
        PnlMatrix a = PnlGenerator.generate(300, 82, 42, START);
        PnlMatrix b = PnlGenerator.generate(300, 82, 42, START);
        PnlMatrix c = PnlGenerator.generate(300, 82, 43, START);
        assertThat(a.values()).isEqualTo(b.values());
        assertThat(a.names()).isEqualTo(b.names());
        assertThat(a.values()).isNotEqualTo(c.values());
    }

    @Test
    void namesDatesZerosAndWinnersLookLikeTheRealWorkload() {
        PnlMatrix m = PnlGenerator.generate(2000, 82, 1, START);
        assertThat(new HashSet<>(m.names())).hasSize(2000);
        assertThat(m.names()).allMatch(n -> n.matches(
                "(NIFTY|BANKNIFTY|SENSEX|FINNIFTY|MIDCPNIFTY) \\d{4}-\\d{4} SL\\d+%TP\\d+%"));
        for (long d : m.dates()) {
            DayOfWeek w = LocalDate.ofEpochDay(d).getDayOfWeek();
            assertThat(w).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        assertThat(LocalDate.ofEpochDay(m.date(0))).isEqualTo(LocalDate.of(2024, 1, 8));
        long zeros = 0;
        int winners = 0;
        double kurtosis = 0;
        for (int s = 0; s < m.strategies(); s++) {
            double[] row = m.row(s);
            for (double v : row) {
                zeros += v == 0 ? 1 : 0;
                assertThat(Math.rint(v * 100)).isEqualTo(v * 100, org.assertj.core.data.Offset.offset(1e-6));
            }
            winners += PnlStatistics.roi(row) > 0 ? 1 : 0;
        }
        double zeroShare = (double) zeros / m.values().length;
        assertThat(zeroShare).isBetween(0.15, 0.45);
        assertThat((double) winners / m.strategies()).isBetween(0.15, 0.5);
        // fat tails: the pooled excess kurtosis of the standardised non-zero values is clearly positive
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        long n = 0;
        for (int s = 0; s < 200; s++) {
            double[] row = m.row(s);
            double sd = Math.sqrt(java.util.Arrays.stream(row).filter(v -> v != 0).map(v -> v * v).average()
                    .orElse(1));
            for (double v : row) {
                if (v != 0) {
                    double z = v / sd;
                    sum += z;
                    sum2 += z * z;
                    sum4 += z * z * z * z;
                    n++;
                }
            }
        }
        kurtosis = sum4 / n / Math.pow(sum2 / n, 2) - 3;
        assertThat(kurtosis).isGreaterThan(1);
    }

    @Test
    void strategiesOfOneIndexAndHourCorrelateMoreThanOthers() {
        PnlMatrix m = PnlGenerator.generate(600, 82, 5, START);
        PearsonsCorrelation pearson = new PearsonsCorrelation();
        double same = 0;
        double other = 0;
        int ns = 0;
        int no = 0;
        for (int a = 0; a < m.strategies(); a++) {
            for (int b = a + 1; b < m.strategies(); b++) {
                double r = Math.abs(pearson.correlation(m.row(a), m.row(b)));
                if (cluster(m.name(a)).equals(cluster(m.name(b)))) {
                    same += r;
                    ns++;
                } else {
                    other += r;
                    no++;
                }
            }
        }
        assertThat(ns).isGreaterThan(100);
        assertThat(same / ns).isGreaterThan(2 * (other / no));
    }

    private static String cluster(String name) {
        String[] parts = name.split(" ");
        return parts[0] + parts[1].substring(0, 2);
    }
}
