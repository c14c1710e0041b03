package dev.quiver.gpu.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.quiver.api.provider.Availability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe on whatever machine runs the tests; {@link CudaRuntimeGpuTest} asserts a GPU is found where there is one. */
class CudaRuntimeTest {

    @Test
    void probeIsConsistentAndCached() {
        CudaStatus first = CudaRuntime.probe();
        CudaStatus second = CudaRuntime.probe();
        assertThat(second).isSameAs(first);
        if (first.available()) {
            assertThat(first.deviceCount()).isPositive();
            assertThat(first.devices()).hasSize(first.deviceCount());
            assertThat(first.reason()).isEmpty();
            assertThat(first.availability()).isEqualTo(Availability.AVAILABLE);
        } else {
            assertThat(first.deviceCount()).isZero();
            assertThat(first.devices()).isEmpty();
            assertThat(first.reason()).isNotBlank();
            assertThat(first.howToEnable()).isNotBlank();
            assertThat(first.availability().available()).isFalse();
            assertThat(first.availability().reason()).isEqualTo(first.reason());
        }
    }

    @Test
    void withoutAnNvidiaDriverTheProbeReportsUnavailableWithoutThrowing() {
        assumeFalse(nvidiaDriverPresent(), "this machine has an NVIDIA driver; CudaRuntimeGpuTest covers it");
        CudaStatus status = CudaRuntime.probe();
        assertThat(status.available()).isFalse();
        assertThat(status.reason()).isNotBlank();
        assertThat(status.howToEnable()).isNotBlank();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(status.reason()).contains("libcuda.so.1");
        }
        // asked again: the cached answer, not a NoClassDefFoundError from JCuda's poisoned driver class
        assertThat(CudaRuntime.probe()).isSameAs(status);
    }

    @Test
    void theDisabledPropertySkipsTheProbe() {
        CudaStatus status = CudaRuntime.probe("true");
        assertThat(status.available()).isFalse();
        assertThat(status.deviceCount()).isZero();
        assertThat(status.reason()).contains(CudaRuntime.DISABLED_PROPERTY);
        assertThat(status.howToEnable()).contains("-D" + CudaRuntime.DISABLED_PROPERTY);
        assertThat(CudaRuntime.probe(" TRUE ").available()).isFalse();
        assertThat(CudaRuntime.probe(" TRUE ").reason()).contains(CudaRuntime.DISABLED_PROPERTY);
    }

    @Test
    void statusValidation() {
        assertThatThrownBy(() -> new CudaStatus(true, 2, List.of("a"), "13.0", "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deviceCount 2");
        assertThatThrownBy(() -> new CudaStatus(false, 0, List.of(), "", " ", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        CudaStatus ok = new CudaStatus(true, 1, List.of("GPU (compute 9.0, 79.2 GiB)"), "13.0", "", "");
        assertThat(ok.availability()).isEqualTo(Availability.AVAILABLE);
        CudaStatus off = CudaStatus.unavailable("", "no driver", "install one");
        assertThat(off.availability()).isEqualTo(Availability.unavailable("no driver", "install one"));
    }

    @Test
    void firstLineOfAMultiLineError() {
        assertThat(CudaRuntime.firstLine("  Error while loading native library \"x\"\nOperating system...\n"))
                .isEqualTo("Error while loading native library \"x\"");
        assertThat(CudaRuntime.firstLine("one line")).isEqualTo("one line");
    }

    @Test
    void theLoaderErrorIsReducedToItsCause() {
        String jcudaMessage = """
                Error while loading native library "JCudaDriver-12.6.0-linux-x86_64"
                Operating system name: Linux
                ---(start of nested stack traces)---
                Stack trace from the attempt to load the library as a file:
                java.lang.UnsatisfiedLinkError: no JCudaDriver-12.6.0-linux-x86_64 in java.library.path: /usr/lib
                Stack trace from the attempt to load the library as a resource:
                java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot \
                open shared object file: No such file or directory
                ---(end of nested stack traces)---
                """;
        assertThat(CudaRuntime.cause(jcudaMessage, "libcuda.so.1"))
                .isEqualTo("libcuda.so.1: cannot open shared object file: No such file or directory");
        assertThat(CudaRuntime.cause("no jcuda here\nsecond", "libcuda.so.1")).isEqualTo("no jcuda here");
    }

    private static boolean nvidiaDriverPresent() {
        return Files.exists(Path.of("/proc/driver/nvidia/version")) || Files.exists(Path.of("/dev/nvidiactl"));
    }
}
