package dev.quiver.portfolio.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.objective.Objective;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/**
 * The fitness against an independent, plain implementation of the documented formula (sums, an equity loop, pairwise
 * Pearson correlations from commons-math3), and the validity rules.
 */
class PortfolioProblemReferenceTest {
    private static final PnlMatrix M = PnlGenerator.generate(60, 82, 11, LocalDate.of(2024, 1, 1));

    /** The formula written out the slow, obvious way. */
    private static double referenceFitness(PnlMatrix m, int[] set, double w) {
        double[] sum = new double[m.days()];
        for (int s : set) {
            for (int d = 0; d < m.days(); d++) {
                sum[d] += m.get(s, d);
            }
        }
        double equity = 0;
        double peak = 0;
        double mdd = 0;
        for (double v : sum) {
            equity += v;
            peak = Math.max(peak, equity);
            mdd = Math.max(mdd, peak - equity);
        }
        double ratio = mdd == 0 ? equity : equity / mdd;
        double corr = 0;
        int pairs = 0;
        PearsonsCorrelation pearson = new PearsonsCorrelation();
        for (int i = 0; i < set.length; i++) {
            for (int j = i + 1; j < set.length; j++) {
                double r = pearson.correlation(m.row(set[i]), m.row(set[j]));
                corr += Double.isNaN(r) ? 0 : r;
                pairs++;
            }
        }
        double mean = pairs == 0 ? 0 : corr / pairs;
        return ratio * (1 - w * mean);
    }

    @Test
    void theFitnessIsTheDocumentedFormula() {
        SplittableRandom random = new SplittableRandom(3);
        for (double w : new double[] {0, 0.1, 0.5}) {
            PortfolioProblem p = PortfolioProblem.builder(M).size(7).correlationPenalty(w).build();
            for (int t = 0; t < 20; t++) {
                int[] set = p.random(random);
                double expected = referenceFitness(M, set, w);
                assertThat(p.evaluate(set).fitness()).isCloseTo(expected, within(1e-12 * Math.max(1,
                        Math.abs(expected))));
            }
        }
    }

    @Test
    void aConstantStrategyHasCorrelationZeroWithEveryOther() {
        double[] values = new double[3 * 5];
        double[] a = {1, -2, 3, 0, 1};
        double[] b = {2, -1, 4, 1, 0};
        System.arraycopy(a, 0, values, 0, 5);
        System.arraycopy(b, 0, values, 5, 5);
        // strategy 2 is flat: it never trades
        PnlMatrix m = PnlMatrix.of(List.of("a", "b", "flat"), new long[] {0, 1, 2, 3, 4}, values);
        PortfolioProblem p = PortfolioProblem.builder(m).size(3).build();
        assertThat(p.correlation(0, 2)).isZero();
        double rab = new PearsonsCorrelation().correlation(a, b);
        assertThat(p.evaluate(new int[] {0, 1, 2}).meanCorrelation()).isCloseTo(rab / 3, within(1e-15));
        assertThat(p.evaluate(new int[] {0, 1, 2}).fitness()).isCloseTo(referenceFitness(m, new int[] {0, 1, 2},
                0.1), within(1e-14));
    }

    @Test
    void otherObjectivesReplaceTheRatio() {
        PortfolioProblem p = PortfolioProblem.builder(M).size(5).objective(Objective.Standard.sharpe)
                .correlationPenalty(0).build();
        int[] set = {0, 5, 9, 20, 33};
        double[] sum = p.evaluate(set).pnl();
        assertThat(p.evaluate(set).fitness()).isEqualTo(dev.quiver.portfolio.objective.PnlStatistics.sharpe(sum));
    }

    @Test
    void validityCoversSizeDistinctnessZonesAndTheCap() {
        Zones zones = Zones.byTimeWindow(M.names(), 0, 2);
        PortfolioProblem p = PortfolioProblem.builder(M).size(6).zones(zones).maxCorrelation(0.5).build();
        SplittableRandom random = new SplittableRandom(9);
        for (int t = 0; t < 50; t++) {
            int[] set = p.random(random);
            assertThat(p.isValid(set)).isTrue();
        }
        assertThat(p.isValid(new int[] {0, 0, 1, 2, 3, 4})).isFalse();
        assertThat(p.isValid(new int[] {0, 1, 2})).isFalse();
        assertThatThrownBy(() -> p.evaluate(new int[] {0, 0, 1, 2, 3, 4})).hasMessageContaining("chosen twice");
        assertThatThrownBy(() -> PortfolioProblem.builder(M).size(61).build())
                .hasMessageContaining("between 1 and the 60 strategies");
        assertThatThrownBy(() -> PortfolioProblem.builder(M).size(10).zones(Zones.byTimeWindow(M.names(), 0, 0))
                .build()).hasMessageContaining("zones cannot be satisfied");
        assertThatThrownBy(() -> PortfolioProblem.builder(M).size(3).zones(Zones.byTimeWindow(M.names(), 5, 9))
                .build()).hasMessageContaining("zones cannot be satisfied");
    }

    @Test
    void decodePrefersTheGivenOrderAndStaysValid() {
        PortfolioProblem p = PortfolioProblem.builder(M).size(4).build();
        int[] set = p.decode(new int[] {7, 7, 3, -1, 99, 12, 40, 41}, 8, new SplittableRandom(1));
        assertThat(set).containsExactly(7, 3, 12, 40);
        assertThat(Zones.TIME_WINDOW.matcher("SENSEX 1426-1456 SL73%TP32%").results().findFirst().orElseThrow()
                .group(1)).isEqualTo("1426-1456");
    }
}
