package dev.quiver.gpu.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The assumption every {@code @Tag("gpu")} test starts with: CUDA is available here, else the test is skipped and
 * the skip names why (e.g. "no CUDA: the CUDA driver could not be loaded (UnsatisfiedLinkError: libcuda.so.1: ...)").
 */
public final class GpuTests {
    private GpuTests() {
    }

    /** Skips the calling test, with the probe's reason, unless CUDA is available. */
    public static void assumeCuda() {
        CudaStatus s = CudaRuntime.probe();
        assumeTrue(s.available(), () -> "no CUDA: " + s.reason());
    }
}
