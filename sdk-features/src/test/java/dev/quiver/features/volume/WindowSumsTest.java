package dev.quiver.features.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WindowSumsTest {

    @Test
    void sumsEqualTheExactWindowSumsWithinTheirOwnRoundingAfterAMillionRows() {
        int n = 20;
        int rows = 1_000_000;
        SplittableRandom random = new SplittableRandom(1);
        double[] a = new double[rows];
        double[] b = new double[rows];
        for (int i = 0; i < rows; i++) {
            // signed flows of 1e8 that nearly cancel, and a positive series: the cases that make running sums drift
            a[i] = (random.nextDouble() - 0.5) * 1e8 * (1 + random.nextInt(1000));
            b[i] = random.nextDouble() * 1e7;
        }
        WindowSums sums = new WindowSums(n);
        double worstA = 0;
        for (int i = 0; i < rows; i++) {
            boolean full = sums.add(a[i], b[i]);
            assertThat(full).isEqualTo(i >= n - 1);
            if (full && i % 997 == 0) {
                BigDecimal exact = BigDecimal.ZERO;
                double max = 0;
                for (int j = i - n + 1; j <= i; j++) {
                    exact = exact.add(new BigDecimal(a[j]), MathContext.DECIMAL128);
                    max = Math.max(max, Math.abs(a[j]));
                }
                double error = Math.abs(sums.sumA() - exact.doubleValue()) / (max * Math.ulp(1.0));
                worstA = Math.max(worstA, error);
            }
        }
        // the documented bound: 2n·ε·max|term|
        assertThat(worstA).isLessThanOrEqualTo(2.0 * n);
    }

    @Test
    void clearEmptiesTheWindow() {
        WindowSums sums = new WindowSums(2);
        sums.add(1, 2);
        sums.clear();
        assertThat(sums.add(5, 6)).isFalse();
        assertThat(sums.add(7, 8)).isTrue();
        assertThat(sums.sumA()).isEqualTo(12);
        assertThat(sums.sumB()).isEqualTo(14);
    }
}
