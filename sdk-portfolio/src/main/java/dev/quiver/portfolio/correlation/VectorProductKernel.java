package dev.quiver.portfolio.correlation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD micro-kernel (Vector API): 4 rows × 2 vectors of columns held in 8 accumulators; for each day, two loads
 * of the day-major row, four broadcasts and eight fused multiply-adds. Loaded only after
 * {@link dev.quiver.api.provider.VectorSupport} says the Vector API runs here.
 *
 * <p>Thread-safety: stateless.
 */
final class VectorProductKernel implements ProductKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Whether the preferred vector's width gives a column block that divides the padding. */
    static boolean usable() {
        return LANES >= 2 && StandardizedRows.PAD % (2 * LANES) == 0;
    }

    @Override
    public int columns() {
        return 2 * LANES;
    }

    @Override
    public void block(StandardizedRows z, int i0, int rowEnd, int j0, double[] out) {
        int days = z.days();
        int stride = z.paddedStrategies();
        double[] rows = z.rows();
        double[] byDay = z.byDay();
        // rows past the end read row i0 (any valid row) and are zeroed after
        int r0 = i0 * days;
        int r1 = (i0 + 1 < rowEnd ? i0 + 1 : i0) * days;
        int r2 = (i0 + 2 < rowEnd ? i0 + 2 : i0) * days;
        int r3 = (i0 + 3 < rowEnd ? i0 + 3 : i0) * days;
        DoubleVector a00 = DoubleVector.zero(SPECIES);
        DoubleVector a01 = a00;
        DoubleVector a10 = a00;
        DoubleVector a11 = a00;
        DoubleVector a20 = a00;
        DoubleVector a21 = a00;
        DoubleVector a30 = a00;
        DoubleVector a31 = a00;
        for (int d = 0; d < days; d++) {
            int at = d * stride + j0;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, byDay, at);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, byDay, at + LANES);
            DoubleVector x0 = DoubleVector.broadcast(SPECIES, rows[r0 + d]);
            a00 = x0.fma(b0, a00);
            a01 = x0.fma(b1, a01);
            DoubleVector x1 = DoubleVector.broadcast(SPECIES, rows[r1 + d]);
            a10 = x1.fma(b0, a10);
            a11 = x1.fma(b1, a11);
            DoubleVector x2 = DoubleVector.broadcast(SPECIES, rows[r2 + d]);
            a20 = x2.fma(b0, a20);
            a21 = x2.fma(b1, a21);
            DoubleVector x3 = DoubleVector.broadcast(SPECIES, rows[r3 + d]);
            a30 = x3.fma(b0, a30);
            a31 = x3.fma(b1, a31);
        }
        int cols = 2 * LANES;
        a00.intoArray(out, 0);
        a01.intoArray(out, LANES);
        a10.intoArray(out, cols);
        a11.intoArray(out, cols + LANES);
        a20.intoArray(out, 2 * cols);
        a21.intoArray(out, 2 * cols + LANES);
        a30.intoArray(out, 3 * cols);
        a31.intoArray(out, 3 * cols + LANES);
        for (int r = Math.max(0, rowEnd - i0); r < ROWS; r++) {
            java.util.Arrays.fill(out, r * cols, (r + 1) * cols, 0);
        }
    }
}
