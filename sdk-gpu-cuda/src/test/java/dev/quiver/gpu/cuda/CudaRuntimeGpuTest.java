package dev.quiver.gpu.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Needs an NVIDIA GPU: skipped (visibly) on a machine without the NVIDIA driver's device files; on a machine with
 * them, CUDA must be found. {@code ./mvnw verify -Dgroups=gpu} runs only the GPU tests.
 */
@Tag("gpu")
class CudaRuntimeGpuTest {

    @Test
    void findsTheGpu() {
        assumeTrue(Files.exists(Path.of("/proc/driver/nvidia/version")) || Files.exists(Path.of("/dev/nvidiactl")),
                "no NVIDIA driver on this machine");
        CudaStatus status = CudaRuntime.probe();
        assertThat(status.available()).as("CUDA status: %s", status).isTrue();
        assertThat(status.deviceCount()).isPositive();
        assertThat(status.devices()).hasSize(status.deviceCount())
                .allSatisfy(d -> assertThat(d).containsPattern("\\(compute \\d+\\.\\d+, \\d+\\.\\d GiB\\)"));
        assertThat(status.driverVersion()).matches("\\d+\\.\\d+");
        assertThat(status.reason()).isEmpty();
        assertThat(status.availability().available()).isTrue();
    }
}
