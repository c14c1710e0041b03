package dev.quiver.portfolio.correlation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD micro-kernel (Vector API): 4 rows × 4 vectors of columns held in 16 accumulators; for each day, four loads
 * of the day-major row, four broadcasts and sixteen fused multiply-adds. Loaded only after
 * {@link dev.quiver.api.provider.VectorSupport} says the Vector API runs here.
 *
 * <p>Thread-safety: stateless.
 */
final class VectorProductKernel implements ProductKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Whether the preferred vector's width gives a column block that divides the padding. */
    static boolean usable() {
        return LANES >= 2 && StandardizedRows.PAD % (4 * LANES) == 0;
    }

    @Override
    public int columns() {
        return 4 * LANES;
    }

    @Override
    public void block(StandardizedRows z, int i0, int rowEnd, int j0, double[] out, double[] extremes) {
        int days = z.days();
        int stride = StandardizedRows.PAD;
        int base = z.panelBase(j0);
        double[] rows = z.values();
        double[] byDay = z.byDay();
        // rows past the end read row i0 (any valid row) and are zeroed after
        int r0 = i0 * days;
        int r1 = (i0 + 1 < rowEnd ? i0 + 1 : i0) * days;
        int r2 = (i0 + 2 < rowEnd ? i0 + 2 : i0) * days;
        int r3 = (i0 + 3 < rowEnd ? i0 + 3 : i0) * days;
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector a00 = zero, a01 = zero, a02 = zero, a03 = zero;
        DoubleVector a10 = zero, a11 = zero, a12 = zero, a13 = zero;
        DoubleVector a20 = zero, a21 = zero, a22 = zero, a23 = zero;
        DoubleVector a30 = zero, a31 = zero, a32 = zero, a33 = zero;
        for (int d = 0; d < days; d++) {
            int at = base + d * stride;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, byDay, at);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, byDay, at + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, byDay, at + 2 * LANES);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, byDay, at + 3 * LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, rows[r0 + d]);
            a00 = x.fma(b0, a00);
            a01 = x.fma(b1, a01);
            a02 = x.fma(b2, a02);
            a03 = x.fma(b3, a03);
            x = DoubleVector.broadcast(SPECIES, rows[r1 + d]);
            a10 = x.fma(b0, a10);
            a11 = x.fma(b1, a11);
            a12 = x.fma(b2, a12);
            a13 = x.fma(b3, a13);
            x = DoubleVector.broadcast(SPECIES, rows[r2 + d]);
            a20 = x.fma(b0, a20);
            a21 = x.fma(b1, a21);
            a22 = x.fma(b2, a22);
            a23 = x.fma(b3, a23);
            x = DoubleVector.broadcast(SPECIES, rows[r3 + d]);
            a30 = x.fma(b0, a30);
            a31 = x.fma(b1, a31);
            a32 = x.fma(b2, a32);
            a33 = x.fma(b3, a33);
        }
        int cols = 4 * LANES;
        a00.intoArray(out, 0);
        a01.intoArray(out, LANES);
        a02.intoArray(out, 2 * LANES);
        a03.intoArray(out, 3 * LANES);
        a10.intoArray(out, cols);
        a11.intoArray(out, cols + LANES);
        a12.intoArray(out, cols + 2 * LANES);
        a13.intoArray(out, cols + 3 * LANES);
        a20.intoArray(out, 2 * cols);
        a21.intoArray(out, 2 * cols + LANES);
        a22.intoArray(out, 2 * cols + 2 * LANES);
        a23.intoArray(out, 2 * cols + 3 * LANES);
        a30.intoArray(out, 3 * cols);
        a31.intoArray(out, 3 * cols + LANES);
        a32.intoArray(out, 3 * cols + 2 * LANES);
        a33.intoArray(out, 3 * cols + 3 * LANES);
        int live = Math.min(ROWS, rowEnd - i0);
        for (int r = live; r < ROWS; r++) {
            java.util.Arrays.fill(out, r * cols, (r + 1) * cols, 0);
        }
        if (extremes != null) {
            DoubleVector max = a00.max(a01).max(a02).max(a03);
            DoubleVector min = a00.min(a01).min(a02).min(a03);
            if (live > 1) {
                max = max.max(a10).max(a11).max(a12).max(a13);
                min = min.min(a10).min(a11).min(a12).min(a13);
            }
            if (live > 2) {
                max = max.max(a20).max(a21).max(a22).max(a23);
                min = min.min(a20).min(a21).min(a22).min(a23);
            }
            if (live > 3) {
                max = max.max(a30).max(a31).max(a32).max(a33);
                min = min.min(a30).min(a31).min(a32).min(a33);
            }
            extremes[0] = min.reduceLanes(jdk.incubator.vector.VectorOperators.MIN);
            extremes[1] = max.reduceLanes(jdk.incubator.vector.VectorOperators.MAX);
        }
    }
}
