package dev.quiver.portfolio.correlation;

/**
 * The micro-kernel of the blocked product {@code C = Z Zᵀ}: one block of {@link #ROWS} rows × {@link #columns()}
 * columns of dot products over the days. Every implementation computes each dot product the same way, a fused
 * multiply-add per day in day order starting from 0, so the scalar and SIMD kernels agree bit for bit and results do
 * not depend on the thread count or the tiling.
 *
 * <p>Thread-safety: implementations are stateless; one instance serves every thread.
 */
interface ProductKernel {
    /** Rows per block. */
    int ROWS = 4;

    /** Columns per block (a multiple of the vector length; divides {@link StandardizedRows#PAD}). */
    int columns();

    /**
     * Writes {@code out[r × columns() + c] = Σ_d z[i0 + r][d] × z[j0 + c][d]} for the {@link #ROWS} rows from
     * {@code i0} (rows at or past {@code rowEnd} are computed as zeros) and the block's columns from {@code j0}
     * (within the padded strategies); if {@code extremes} is not null, also its smallest and largest value over the
     * live rows ({@code extremes[0]}, {@code extremes[1]}), which lets a top-k scan skip a block in one comparison.
     */
    void block(StandardizedRows z, int i0, int rowEnd, int j0, double[] out, double[] extremes);

    /** The plain Java kernel, the reference every SIMD kernel equals. */
    ProductKernel SCALAR = new ProductKernel() {
        @Override
        public int columns() {
            return 16;
        }

        @Override
        public void block(StandardizedRows z, int i0, int rowEnd, int j0, double[] out, double[] extremes) {
            int days = z.days();
            int base = z.panelBase(j0);
            double[] rows = z.values();
            double[] byDay = z.byDay();
            java.util.Arrays.fill(out, 0, ROWS * 16, 0);
            for (int r = 0; r < ROWS; r++) {
                int i = i0 + r;
                if (i >= rowEnd) {
                    continue;
                }
                for (int c = 0; c < 16; c++) {
                    double sum = 0;
                    for (int d = 0; d < days; d++) {
                        sum = Math.fma(rows[i * days + d], byDay[base + d * StandardizedRows.PAD + c], sum);
                    }
                    out[r * 16 + c] = sum;
                }
            }
            if (extremes != null) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < Math.min(ROWS, rowEnd - i0) * 16; k++) {
                    min = Math.min(min, out[k]);
                    max = Math.max(max, out[k]);
                }
                extremes[0] = min;
                extremes[1] = max;
            }
        }
    };
}
