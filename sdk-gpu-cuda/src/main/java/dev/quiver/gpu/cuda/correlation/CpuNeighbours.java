package dev.quiver.gpu.cuda.correlation;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The CPU's top-k per row, with the arithmetic of {@code correlation.cu} (and of sdk-portfolio's
 * {@code StandardizedRows}): rows centred on their mean and scaled by 1/√(sum of squares), constant rows zero,
 * each correlation a chain of {@link Math#fma} in day order; each row's entries best first by score, ties to the
 * lower strategy. The reference the GPU kernel is tested against and the fallback without a GPU.
 *
 * <p>Thread-safety: stateless.
 */
final class CpuNeighbours {

    private CpuNeighbours() {
    }

    /** The standardised rows, strategy-major. */
    static double[] standardize(double[] values, int strategies, int days) {
        double[] z = new double[values.length];
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
                for (int d = 0; d < days; d++) {
                    z[base + d] = (values[base + d] - mean) * scale;
                }
            }
        }
        return z;
    }

    static Neighbours compute(double[] values, int strategies, int days, int k, CudaCorrelation.Order order,
                              int threads, String reason) {
        double[] z = standardize(values, strategies, days);
        int[] others = new int[strategies * k];
        double[] correlations = new double[strategies * k];
        Arrays.fill(others, -1);
        Arrays.fill(correlations, Double.NaN);
        Runnable all = () -> IntStream.range(0, strategies).parallel().forEach(r -> row(z, strategies, days, k,
                order, r, others, correlations));
        if (threads <= 1) {
            for (int r = 0; r < strategies; r++) {
                row(z, strategies, days, k, order, r, others, correlations);
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(all).join();
            } finally {
                pool.shutdown();
            }
        }
        for (int i = 0; i < correlations.length; i++) {
            if (!Double.isNaN(correlations[i])) {
                correlations[i] = Math.max(-1, Math.min(1, correlations[i]));
            }
        }
        return new Neighbours(strategies, k, others, correlations, "cpu", reason);
    }

    private static void row(double[] z, int strategies, int days, int k, CudaCorrelation.Order order, int r,
                            int[] others, double[] values) {
        int base = r * k;
        int held = 0;
        int ia = r * days;
        for (int col = 0; col < strategies; col++) {
            if (col == r) {
                continue;
            }
            int ib = col * days;
            double sum = 0;
            for (int d = 0; d < days; d++) {
                sum = Math.fma(z[ia + d], z[ib + d], sum);
            }
            double s = order.score(sum);
            if (held == k && !(s > order.score(values[base + k - 1]))) {
                continue;
            }
            int at = held < k ? held : k - 1;
            while (at > 0 && order.score(values[base + at - 1]) < s) {
                values[base + at] = values[base + at - 1];
                others[base + at] = others[base + at - 1];
                at--;
            }
            values[base + at] = sum;
            others[base + at] = col;
            if (held < k) {
                held++;
            }
        }
    }
}
