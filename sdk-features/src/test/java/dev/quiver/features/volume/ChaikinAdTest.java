package dev.quiver.features.volume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChaikinAdTest {
    private static final double NaN = Double.NaN;

    @Test
    void runningTotalOfCloseLocationTimesVolume() {
        // clv: 0.5, 0 (no range), -1, +1
        double[] high = {10, 10, 12, 11};
        double[] low = {8, 10, 10, 9};
        double[] close = {9.5, 10, 10, 11};
        double[] volume = {1000, 500, 100, 300};
        assertThat(Bars.run("ad", high, low, close, volume)).containsExactly(500, 500, 400, 700);
    }

    @Test
    void aMissingBarIsNaNAndLeavesTheTotal() {
        double[] high = {10, NaN, 12, 11};
        double[] low = {8, 9, 10, 9};
        double[] close = {9.5, 9.5, 10, 11};
        double[] volume = {1000, 500, Double.POSITIVE_INFINITY, 300};
        assertThat(Bars.run("ad", high, low, close, volume)).containsExactly(500, NaN, NaN, 800);
    }

    @Test
    void emptyAndOneRow() {
        double[] none = new double[0];
        assertThat(Bars.run("ad", none, none, none, none)).isEmpty();
        assertThat(Bars.run("ad", new double[] {2}, new double[] {0}, new double[] {2}, new double[] {10}))
                .containsExactly(10);
    }
}
