package dev.quiver.portfolio.correlation;

import dev.quiver.portfolio.PnlMatrix;

/**
 * Each strategy's daily P&amp;L standardised for correlation: centred on its mean and divided by the square root of
 * its sum of squares, so that Pearson's correlation of two strategies is the dot product of their rows. A strategy
 * with zero variance (a constant series, one that never trades) gets a row of zeros: its correlation with every
 * other is 0. Held twice: strategy-major ({@code [s × days + d]}) and packed in panels of 64 strategies, each
 * panel day-major ({@code [panel][d][s mod 64]}, zeros beyond the last strategy): the layout the blocked product
 * streams, so a block's columns are read from one contiguous panel for every day.
 *
 * <p>Thread-safety: immutable once built; shared by every thread of a product.
 */
public final class StandardizedRows {
    /** The day-major layout pads the strategies to a multiple of this (every kernel's column block divides it). */
    static final int PAD = 64;

    private final int strategies;
    private final int days;
    private final double[] rows;
    private final double[] byDay;
    private final double[] normSquared;

    private StandardizedRows(double[] values, int strategies, int days) {
        this.strategies = strategies;
        this.days = days;
        int padded = (strategies + PAD - 1) / PAD * PAD;
        this.rows = new double[strategies * days];
        this.byDay = new double[padded * days];
        this.normSquared = new double[strategies];
        for (int s = 0; s < strategies; s++) {
            int base = s * days;
            double mean = 0;
            for (int d = 0; d < days; d++) {
                mean += values[base + d];
            }
            mean /= days;
            double ss = 0;
            for (int d = 0; d < days; d++) {
                double c = values[base + d] - mean;
                ss += c * c;
            }
            if (ss > 0) {
                double scale = 1 / Math.sqrt(ss);
                double n2 = 0;
                for (int d = 0; d < days; d++) {
                    double z = (values[base + d] - mean) * scale;
                    rows[base + d] = z;
                    byDay[(s / PAD) * days * PAD + d * PAD + s % PAD] = z;
                    n2 += z * z;
                }
                normSquared[s] = n2;
            }
        }
    }

    /** The standardised rows of every strategy of {@code m}. */
    public static StandardizedRows of(PnlMatrix m) {
        return new StandardizedRows(m.values(), m.strategies(), m.days());
    }

    /** The standardised rows of {@code strategies} × {@code days} values, strategy-major. */
    public static StandardizedRows of(double[] values, int strategies, int days) {
        if ((long) strategies * days != values.length) {
            throw new IllegalArgumentException(strategies + " × " + days + " values expected, not " + values.length);
        }
        return new StandardizedRows(values, strategies, days);
    }

    /** The number of strategies. */
    public int strategies() {
        return strategies;
    }

    /** The number of days. */
    public int days() {
        return days;
    }

    /**
     * The standardised values, strategy-major ({@code [s × days() + d]}), without a copy: for incremental sums
     * (a portfolio's {@code Σ z}). Callers must not write to it.
     */
    public double[] values() {
        return rows;
    }

    /** Packed values: {@code [panelBase(s) + d × PAD]} is strategy {@code s} on day {@code d}; not to be written. */
    double[] byDay() {
        return byDay;
    }

    /** Where strategy {@code s}'s day 0 is in {@link #byDay()}; its day {@code d} is {@code d × PAD} further. */
    int panelBase(int s) {
        return (s / PAD) * days * PAD + s % PAD;
    }

    /** {@code |z_s|²}: 1 up to rounding, or 0 for a constant strategy. */
    public double normSquared(int s) {
        return normSquared[s];
    }

    /** Whether strategy {@code s} has zero variance. */
    public boolean constant(int s) {
        return normSquared[s] == 0;
    }

    /**
     * Pearson's correlation of {@code a} and {@code b}: the dot product of their rows, fused multiply-adds in day
     * order (as the product kernels compute it).
     */
    public double dot(int a, int b) {
        int ia = a * days;
        int ib = b * days;
        double sum = 0;
        for (int d = 0; d < days; d++) {
            sum = Math.fma(rows[ia + d], rows[ib + d], sum);
        }
        return sum;
    }
}
