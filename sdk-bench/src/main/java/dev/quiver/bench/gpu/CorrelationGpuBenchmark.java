package dev.quiver.bench.gpu;

import dev.quiver.gpu.cuda.CudaRuntime;
import dev.quiver.gpu.cuda.correlation.CudaCorrelation;
import dev.quiver.gpu.cuda.correlation.Neighbours;
import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The correlation goal: the full 25,544 × 82 P&amp;L universe ({@link PnlGenerator}, seed 42), each
 * strategy's {@code k} most correlated others, GPU (goal ≤ 50 ms on an H100/H200) against the CPU path with 2
 * threads in the same run; transfers included (the P&amp;L goes up, only strategies × k entries come back).
 *
 * <p>Thread-safety: JMH state, one per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsPrepend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class CorrelationGpuBenchmark {
    /** {@code cpu} (2 threads) or {@code gpu}. */
    @Param({"cpu", "gpu"})
    public String device;

    /** Strategies. */
    @Param({"25544"})
    public int strategies;

    /** Days. */
    @Param({"82"})
    public int days;

    /** Entries kept per strategy. */
    @Param({"10"})
    public int k;

    private PnlMatrix m;

    /** Generates the P&amp;L. */
    @Setup(Level.Trial)
    public void setUp() {
        if (device.equals("gpu") && !CudaRuntime.probe().available()) {
            throw new IllegalStateException("gpu row without CUDA: " + CudaRuntime.probe().reason());
        }
        m = PnlGenerator.generate(strategies, days, 42, LocalDate.of(2020, 1, 1));
    }

    /** Top-k per row of the whole universe. */
    @Benchmark
    public double topK() {
        Neighbours n = CudaCorrelation.topK(m.values(), strategies, days, k, CudaCorrelation.Order.HIGHEST, device,
                2);
        if (!n.device().equals(device)) {
            throw new IllegalStateException(device + " row computed on the " + n.device() + ": " + n.reason());
        }
        return n.correlations()[0];
    }
}
