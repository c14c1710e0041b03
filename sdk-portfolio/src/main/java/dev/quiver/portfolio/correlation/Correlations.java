package dev.quiver.portfolio.correlation;

import dev.quiver.api.provider.VectorSupport;
import dev.quiver.portfolio.PnlMatrix;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Pearson correlations of strategies as a blocked matrix product, never pair by pair: each strategy's series is
 * standardised once ({@link StandardizedRows}), and {@code C = Z Zᵀ} is computed in blocks of 4 rows × 4 vectors of
 * columns by a SIMD micro-kernel (the Vector API, when {@code --add-modules=jdk.incubator.vector} is given and C2
 * compiles; else a plain Java kernel with bit-for-bit the same results), over row ranges on several threads.
 * <ul>
 *   <li>{@link #matrix}: the N × N matrix of chosen strategies (the top N by a metric: {@link StrategyRanking});</li>
 *   <li>{@link #topPairs}: the {@code k} most (or least) correlated pairs of the whole universe, streamed: each
 *       thread keeps its {@code k} best in a heap and drops a block's values below its threshold, so the 25,544² matrix
 *       (652 M values) is never held.</li>
 * </ul>
 * A strategy with zero variance has correlation 0 with every other. Each correlation is a sum of fused
 * multiply-adds in day order, so results do not depend on the thread count or the kernel.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class Correlations {
    private static final int TASK_ROWS = 64;

    private Correlations() {
    }

    /** Which pairs {@link #topPairs} keeps. */
    public enum Order {
        /** The most positively correlated first. */
        HIGHEST,
        /** The most negatively correlated first. */
        LOWEST,
        /** The largest absolute correlation first. */
        ABSOLUTE
    }

    private static final class Kernel {
        static final ProductKernel CHOSEN = choose();

        private static ProductKernel choose() {
            try {
                if (VectorSupport.availability(Correlations.class).available() && VectorProductKernel.usable()) {
                    return new VectorProductKernel();
                }
            } catch (RuntimeException | LinkageError e) {
                // the Vector API could not be linked: the scalar kernel computes the same values
            }
            return ProductKernel.SCALAR;
        }
    }

    /** The kernel in use: {@code vector (N columns)} or {@code scalar}, for logs and reports. */
    public static String kernel() {
        return Kernel.CHOSEN == ProductKernel.SCALAR ? "scalar"
                : "vector (" + Kernel.CHOSEN.columns() + " columns per block)";
    }

    /** {@link #matrix(PnlMatrix, int[], int)} on every core. */
    public static CorrelationMatrix matrix(PnlMatrix m, int[] strategies) {
        return matrix(m, strategies, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The correlation matrix of {@code strategies} (indices into {@code m}, distinct), in their order.
     *
     * @throws IllegalArgumentException if an index repeats or is out of range
     */
    public static CorrelationMatrix matrix(PnlMatrix m, int[] strategies, int threads) {
        PnlMatrix chosen = m.select(strategies); // checks the indices, and names repeat if they do
        StandardizedRows z = StandardizedRows.of(chosen);
        return matrix(z, strategies, chosen.names(), Kernel.CHOSEN, threads);
    }

    static CorrelationMatrix matrix(StandardizedRows z, int[] strategies, List<String> names, ProductKernel kernel,
                                    int threads) {
        int n = z.strategies();
        double[] c = new double[n * n];
        int cols = kernel.columns();
        run(tasks(n), threads, t -> {
            double[] out = new double[ProductKernel.ROWS * cols];
            int i0 = t * TASK_ROWS;
            int i1 = Math.min(n, i0 + TASK_ROWS);
            for (int j0 = i0 / cols * cols; j0 < n; j0 += cols) {
                for (int ib = i0; ib < i1; ib += ProductKernel.ROWS) {
                    kernel.block(z, ib, i1, j0, out, null);
                    for (int r = 0; r < ProductKernel.ROWS && ib + r < i1; r++) {
                        int i = ib + r;
                        for (int k = 0; k < cols && j0 + k < n; k++) {
                            int j = j0 + k;
                            if (j > i) {
                                c[i * n + j] = clamp(out[r * cols + k]);
                            }
                        }
                    }
                }
            }
        });
        // the lower triangle mirrors the upper, copied in tiles that stay in cache
        for (int ti = 0; ti < n; ti += 64) {
            for (int tj = ti; tj < n; tj += 64) {
                for (int i = ti; i < Math.min(n, ti + 64); i++) {
                    for (int j = Math.max(tj, i + 1); j < Math.min(n, tj + 64); j++) {
                        c[j * n + i] = c[i * n + j];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            c[i * n + i] = z.constant(i) ? 0 : 1;
        }
        return new CorrelationMatrix(strategies, names, c);
    }

    /** {@link #topPairs(PnlMatrix, int, Order, int)} of the highest correlations, on every core. */
    public static List<CorrelationPair> topPairs(PnlMatrix m, int k) {
        return topPairs(m, k, Order.HIGHEST, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The {@code k} pairs {@code a < b} of the whole universe first in {@code order}, ties broken by {@code a}, then
     * {@code b}; fewer if the universe has fewer pairs.
     *
     * @throws IllegalArgumentException if {@code k} is not positive
     */
    public static List<CorrelationPair> topPairs(PnlMatrix m, int k, Order order, int threads) {
        return topPairs(StandardizedRows.of(m), k, order, Kernel.CHOSEN, threads);
    }

    static List<CorrelationPair> topPairs(StandardizedRows z, int k, Order order, ProductKernel kernel, int threads) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of pairs must be positive, not " + k);
        }
        Objects.requireNonNull(order, "order");
        int n = z.strategies();
        long pairs = (long) n * (n - 1) / 2;
        int keep = (int) Math.min(k, pairs);
        if (keep == 0) {
            return List.of();
        }
        int cols = kernel.columns();
        int tasks = tasks(n);
        PairHeap[] heaps = new PairHeap[tasks];
        run(tasks, threads, t -> {
            PairHeap heap = new PairHeap(keep);
            double[] out = new double[ProductKernel.ROWS * cols];
            double[] extremes = new double[2];
            int i0 = t * TASK_ROWS;
            int i1 = Math.min(n, i0 + TASK_ROWS);
            for (int j0 = i0 / cols * cols; j0 < n; j0 += cols) {
                for (int ib = i0; ib < i1; ib += ProductKernel.ROWS) {
                    kernel.block(z, ib, i1, j0, out, extremes);
                    double threshold = heap.threshold();
                    double reach = order == Order.HIGHEST ? extremes[1] : order == Order.LOWEST ? -extremes[0]
                            : Math.max(extremes[1], -extremes[0]);
                    if (reach < threshold) {
                        continue; // nothing in this block can enter (most blocks, once the heap is full)
                    }
                    for (int r = 0; r < ProductKernel.ROWS && ib + r < i1; r++) {
                        int i = ib + r;
                        int from = Math.max(0, i + 1 - j0);
                        int to = Math.min(cols, n - j0);
                        for (int c = from; c < to; c++) {
                            double v = out[r * cols + c];
                            double s = order == Order.HIGHEST ? v : order == Order.LOWEST ? -v : Math.abs(v);
                            if (s >= threshold) {
                                heap.offer(s, i, j0 + c);
                                threshold = heap.threshold();
                            }
                        }
                    }
                }
            }
            heaps[t] = heap;
        });
        PairHeap all = new PairHeap(keep);
        for (PairHeap h : heaps) {
            all.addAll(h);
        }
        return all.sorted().stream().map(p -> new CorrelationPair(p[0], p[1], clamp(z.dot(p[0], p[1])))).toList();
    }

    private static int tasks(int n) {
        return (n + TASK_ROWS - 1) / TASK_ROWS;
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    private static void run(int tasks, int threads, IntConsumer task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (threads == 1 || tasks < 2) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            // the later row ranges have fewer pairs (the upper triangle): ranges are handed out as threads free up
            pool.submit(() -> IntStream.range(0, tasks).parallel().forEach(task)).join();
        } finally {
            pool.shutdown();
        }
    }
}
