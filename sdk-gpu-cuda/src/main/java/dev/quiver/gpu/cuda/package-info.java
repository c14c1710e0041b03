/**
 * CUDA through JCuda: {@link dev.quiver.gpu.cuda.CudaRuntime#probe()} says once per process whether CUDA can run
 * here ({@link dev.quiver.gpu.cuda.CudaStatus}), and why not.
 */
package dev.quiver.gpu.cuda;
