package dev.quiver.bench.portfolio;

import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.correlation.CorrelationMatrix;
import dev.quiver.portfolio.correlation.CorrelationPair;
import dev.quiver.portfolio.correlation.Correlations;
import dev.quiver.portfolio.correlation.StrategyRanking;
import dev.quiver.portfolio.objective.Objective;
import java.time.LocalDate;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Correlations of the seed's 25,544 strategies × 82 days (a generated matrix, clustered), through the public API
 * against plain Java loops, in one run:
 * <ul>
 *   <li>{@code top1000}: rank by total P&amp;L, then the 1,000 × 1,000 matrix ({@code Correlations.matrix}, every
 *       core); {@code top1000PlainLoop}: the same ranking, then a two-pass Pearson loop per pair (means, then sums of
 *       products), one thread. Goal: ≤ 5 ms on 2 cores.</li>
 *   <li>{@code allPairsTop1000}: the 1,000 most correlated of all 326 M pairs ({@code Correlations.topPairs}, every
 *       core); {@code allPairsTop1000PlainLoop}: standardised rows, then one dot product per pair into a bounded heap,
 *       one thread. Goal: ≤ 0.5 s on 2 cores.</li>
 * </ul>
 *
 * <p>Thread-safety: JMH state; one benchmark thread (the API uses its own).
 */
@Fork(value = 1, jvmArgsPrepend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx4g"})
@State(Scope.Benchmark)
public class CorrelationBenchmark {
    private PnlMatrix matrix;

    @Setup(Level.Trial)
    public void setUp() {
        matrix = PnlGenerator.generate(25_544, 82, 42, LocalDate.of(2024, 1, 1));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public CorrelationMatrix top1000() {
        return Correlations.matrix(matrix, StrategyRanking.top(matrix, 1000, Objective.Standard.roi));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public double[] top1000PlainLoop() {
        int[] top = StrategyRanking.top(matrix, 1000, Objective.Standard.roi);
        int n = top.length;
        int days = matrix.days();
        double[] v = matrix.values();
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                int a = top[i] * days;
                int b = top[j] * days;
                double ma = 0;
                double mb = 0;
                for (int d = 0; d < days; d++) {
                    ma += v[a + d];
                    mb += v[b + d];
                }
                ma /= days;
                mb /= days;
                double sab = 0;
                double saa = 0;
                double sbb = 0;
                for (int d = 0; d < days; d++) {
                    double x = v[a + d] - ma;
                    double y = v[b + d] - mb;
                    sab += x * y;
                    saa += x * x;
                    sbb += y * y;
                }
                double r = saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
                c[i * n + j] = r;
                c[j * n + i] = r;
            }
        }
        return c;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public List<CorrelationPair> allPairsTop1000() {
        return Correlations.topPairs(matrix, 1000);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public int allPairsTop1000PlainLoop() {
        int n = matrix.strategies();
        int days = matrix.days();
        double[] v = matrix.values();
        double[] z = new double[v.length];
        for (int s = 0; s < n; s++) {
            double mean = 0;
            for (int d = 0; d < days; d++) {
                mean += v[s * days + d];
            }
            mean /= days;
            double ss = 0;
            for (int d = 0; d < days; d++) {
                ss += (v[s * days + d] - mean) * (v[s * days + d] - mean);
            }
            double scale = ss == 0 ? 0 : 1 / Math.sqrt(ss);
            for (int d = 0; d < days; d++) {
                z[s * days + d] = (v[s * days + d] - mean) * scale;
            }
        }
        PriorityQueue<double[]> heap = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        double threshold = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double sum = 0;
                for (int d = 0; d < days; d++) {
                    sum += z[a * days + d] * z[b * days + d];
                }
                if (sum > threshold) {
                    heap.add(new double[] {sum, a, b});
                    if (heap.size() > 1000) {
                        heap.poll();
                    }
                    if (heap.size() == 1000) {
                        threshold = heap.peek()[0];
                    }
                }
            }
        }
        return heap.size();
    }
}
