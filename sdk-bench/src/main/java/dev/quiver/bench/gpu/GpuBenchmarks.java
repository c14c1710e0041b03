package dev.quiver.bench.gpu;

import dev.quiver.gpu.cuda.CudaRuntime;
import dev.quiver.gpu.cuda.CudaStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the GPU benchmarks ({@link FeaturePlanGpuBenchmark}, {@link CorrelationGpuBenchmark}) with their CPU rows,
 * writing JMH's JSON to the given file; without CUDA the {@code gpu} rows are left out and one line says why.
 *
 * <pre>java -cp sdk-bench/target/benchmarks.jar dev.quiver.bench.gpu.GpuBenchmarks results/gpu-bench.json [quick]</pre>
 *
 * {@code quick}: one warm-up and two measurement iterations of 1 s (a smoke run).
 *
 * <p>Thread-safety: a command-line entry point.
 */
public final class GpuBenchmarks {
    private GpuBenchmarks() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param args the JSON output file, then optionally {@code quick}
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: GpuBenchmarks RESULT.json [quick]");
            System.exit(2);
        }
        Path result = Path.of(args[0]);
        if (result.getParent() != null) {
            Files.createDirectories(result.getParent());
        }
        CudaStatus cuda = CudaRuntime.probe();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(GpuBenchmarks.class.getPackageName() + "\\..*Benchmark")
                .resultFormat(ResultFormatType.JSON).result(result.toString());
        if (cuda.available()) {
            System.out.println("GPU: " + String.join("; ", cuda.devices()) + ", driver CUDA " + cuda.driverVersion());
        } else {
            System.out.println("gpu rows skipped: no CUDA: " + cuda.reason());
            options.param("device", "cpu");
        }
        if (args.length > 1 && args[1].equals("quick")) {
            options.warmupIterations(1).measurementIterations(2).warmupTime(
                    org.openjdk.jmh.runner.options.TimeValue.seconds(1)).measurementTime(
                    org.openjdk.jmh.runner.options.TimeValue.seconds(1));
        }
        new Runner(options.build()).run();
    }
}
