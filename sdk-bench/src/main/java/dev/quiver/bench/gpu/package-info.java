/**
 * GPU benchmarks (sdk-gpu-cuda) against the 2-core CPU path in the same run: the three goals. Run them with
 * {@link dev.quiver.bench.gpu.GpuBenchmarks}, which leaves out the {@code gpu} rows, saying why, where CUDA is
 * unavailable.
 */
package dev.quiver.bench.gpu;
