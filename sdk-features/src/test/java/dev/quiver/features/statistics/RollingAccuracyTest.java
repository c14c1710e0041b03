package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.features.TestSeries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The O(1) rolling moments ({@code var}, {@code stddev}, {@code zscore}, {@code corr}, {@code beta}) and extremes
 * ({@code min}, {@code max}) against exact two-pass arithmetic (BigDecimal) on series built to break running sums: a
 * level of 1e9 with noise of 1e-3, a level of 1e9 that drifts and then stays exactly constant, windows that calm a
 * millionfold after a spike, windows that become exactly constant, near-constant windows, small values changing
 * sign, gaps, and series shorter than the window. Every run also checks that batch and
 * incremental agree bit for bit ({@link Run}).
 */
class RollingAccuracyTest {
    private static final int LENGTH = 1_000;

    static Stream<Arguments> series() {
        List<Arguments> cases = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(77);
        double[] walk = TestSeries.randomWalk(31, LENGTH);

        double[] level = new double[LENGTH]; // 1e9 + 1e-3 noise: raw sums of squares keep nothing of the variance
        for (int i = 0; i < LENGTH; i++) {
            level[i] = 1e9 + 1e-3 * (walk[i] - 100);
        }
        cases.add(Arguments.of("1e9 + 1e-3 noise", level));

        double[] calm = new double[LENGTH]; // volatile at 1e4, then still at 1e-6 around 5, repeatedly
        for (int i = 0; i < LENGTH; i++) {
            calm[i] = (i / 200) % 2 == 0 ? 1e4 * random.nextDouble() : 5 + 1e-6 * random.nextDouble();
        }
        cases.add(Arguments.of("spikes, then a millionfold calmer", calm));

        double[] flat = walk.clone(); // stretches that become exactly constant, after a spike
        for (int start = 100; start + 150 < LENGTH; start += 300) {
            flat[start] = 1e6;
            Arrays.fill(flat, start + 1, start + 150, 0.1);
        }
        cases.add(Arguments.of("spike, then exactly constant", flat));

        double[] near = new double[LENGTH]; // constant but for one value in a hundred, off by one ulp
        for (int i = 0; i < LENGTH; i++) {
            near[i] = i % 100 == 37 ? Math.nextUp(1234.5) : 1234.5;
        }
        cases.add(Arguments.of("near-constant", near));

        double[] zeros = new double[LENGTH]; // signed zeros amid monotone runs (a deque's and a rescan's worst case)
        for (int i = 0; i < LENGTH; i++) {
            zeros[i] = i % 7 == 0 ? 0.0 : i % 7 == 3 ? -0.0 : i < LENGTH / 2 ? LENGTH / 2 - i : i - LENGTH / 2;
        }
        cases.add(Arguments.of("signed zeros and monotone runs", zeros));

        double[] drift = new double[LENGTH]; // a level of 1e9 drifting by 1e3 a bar, then exactly constant, repeatedly
        for (int i = 0; i < LENGTH; i++) {
            drift[i] = (i / 150) % 2 == 0 ? 1e9 + 1e3 * (walk[i] - 100) : 1e9 + 0.5;
        }
        cases.add(Arguments.of("1e9 drifting, then exactly constant", drift));

        double[] zero = new double[LENGTH]; // small values changing sign: deviations from the anchor are not exact
        for (int i = 0; i < LENGTH; i++) {
            zero[i] = 1e-3 * (walk[i] - walk[0]) + (i % 2 == 0 ? 1e-9 : -1e-9);
        }
        cases.add(Arguments.of("around zero, changing sign", zero));

        cases.add(Arguments.of("gaps and flat stretches", TestSeries.randomWithGaps(5, LENGTH)));
        cases.add(Arguments.of("shorter than the window", Arrays.copyOf(walk, 40)));
        return cases.stream();
    }

    /** Whether {@code x[from, to)} are all finite. */
    private static boolean finite(double[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean constant(double[] x, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (x[i] != x[from]) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void varianceStdDevAndZScoreEqualExactArithmetic(String name, double[] x) {
        for (int n : new int[] {2, 5, 30, 100}) {
            double[][] var = new double[2][];
            double[][] sd = new double[2][];
            double[][] z = new double[2][];
            for (int ddof = 0; ddof <= 1; ddof++) {
                var[ddof] = Run.one("var(" + n + "," + ddof + ")", x);
                sd[ddof] = Run.one("stddev(" + n + "," + ddof + ")", x);
                z[ddof] = Run.one("zscore(" + n + "," + ddof + ")", x);
            }
            for (int i = 0; i < x.length; i++) {
                int from = i - n + 1;
                boolean complete = from >= 0 && finite(x, from, i + 1);
                boolean flat = complete && constant(x, from, i + 1);
                BigDecimal squares = complete && !flat ? Run.comoment(x, x, from, i + 1) : null;
                for (int ddof = 0; ddof <= 1; ddof++) {
                    String at = name + ", n " + n + ", ddof " + ddof + ", row " + i;
                    if (!complete || flat) {
                        assertThat(Double.valueOf(var[ddof][i])).as(at).isEqualTo(Double.valueOf(complete ? 0.0 : Double.NaN));
                        assertThat(z[ddof][i]).as(at).isNaN();
                        continue;
                    }
                    BigDecimal exactVar = squares.divide(BigDecimal.valueOf(n - ddof), Run.MC);
                    double exact = exactVar.doubleValue();
                    assertThat(Math.abs(var[ddof][i] - exact)).as(at + ": var %s, exact %s", var[ddof][i], exact)
                            .isLessThanOrEqualTo(1e-10 * exact);
                    assertThat(sd[ddof][i]).as(at).isEqualTo(Math.sqrt(var[ddof][i]));
                    double exactZ = new BigDecimal(x[i]).subtract(Run.mean(x, from, i + 1))
                            .divide(exactVar.sqrt(Run.MC), Run.MC).doubleValue();
                    assertThat(Math.abs(z[ddof][i] - exactZ)).as(at + ": z %s, exact %s", z[ddof][i], exactZ)
                            .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(exactZ)));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void correlationAndBetaEqualExactArithmetic(String name, double[] x) {
        // y: x's own noise plus an independent walk's, so the pair is neither collinear nor unrelated
        double[] other = TestSeries.randomWalk(99, x.length);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.5 * x[i] + (i % 3 == 0 ? 0.0 : 1e-3 * other[i]);
        }
        for (int n : new int[] {2, 5, 30, 100}) {
            double[] corr = Run.columns("corr(a,b," + n + ")", x, y);
            double[] betaXy = Run.columns("beta(a,b," + n + ",returns)", y, x);
            for (int i = 0; i < x.length; i++) {
                int from = i - n + 1;
                String at = name + ", n " + n + ", row " + i;
                if (from < 0 || !finite(x, from, i + 1) || !finite(y, from, i + 1) || constant(x, from, i + 1)) {
                    assertThat(betaXy[i]).as(at).isNaN();
                    assertThat(corr[i]).as(at).isNaN();
                    continue;
                }
                BigDecimal sxy = Run.comoment(x, y, from, i + 1);
                BigDecimal sxx = Run.comoment(x, x, from, i + 1);
                BigDecimal syy = Run.comoment(y, y, from, i + 1);
                double beta = sxy.divide(sxx, Run.MC).doubleValue();
                // beta's scale is sd(y)/sd(x): an error of 1e-9 of it is 1e-9 of the correlation
                double betaScale = syy.divide(sxx, Run.MC).sqrt(Run.MC).doubleValue();
                assertThat(Math.abs(betaXy[i] - beta)).as(at + ": beta %s, exact %s", betaXy[i], beta)
                        .isLessThanOrEqualTo(1e-9 * betaScale);
                if (constant(y, from, i + 1)) {
                    assertThat(corr[i]).as(at).isNaN();
                    continue;
                }
                double r = sxy.divide(sxx.multiply(syy, Run.MC).sqrt(Run.MC), Run.MC).doubleValue();
                assertThat(Math.abs(corr[i] - r)).as(at + ": corr %s, exact %s", corr[i], r)
                        .isLessThanOrEqualTo(1e-9);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void extremesEqualTheWindowsFold(String name, double[] x) {
        for (int n : new int[] {1, 2, 5, 30, 100}) {
            double[] max = Run.one("max(" + n + ")", x);
            double[] min = Run.one("min(" + n + ")", x);
            for (int i = 0; i < x.length; i++) {
                int from = i - n + 1;
                double hi = Double.NaN;
                double lo = Double.NaN;
                if (from >= 0 && finite(x, from, i + 1)) {
                    hi = Double.NEGATIVE_INFINITY;
                    lo = Double.POSITIVE_INFINITY;
                    for (int j = from; j <= i; j++) {
                        hi = Math.max(hi, x[j]);
                        lo = Math.min(lo, x[j]);
                    }
                }
                assertThat(Double.valueOf(max[i])).as("%s, max(%d) row %d", name, n, i).isEqualTo(Double.valueOf(hi));
                assertThat(Double.valueOf(min[i])).as("%s, min(%d) row %d", name, n, i).isEqualTo(Double.valueOf(lo));
            }
        }
    }
}
