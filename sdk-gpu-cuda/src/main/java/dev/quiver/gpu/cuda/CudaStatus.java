package dev.quiver.gpu.cuda;

import dev.quiver.api.provider.Availability;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CudaRuntime#probe()} found: whether CUDA can run here, on which devices, and if not, why not and what
 * a user can do about it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param available whether the CUDA driver loaded, initialised and reported at least one device
 * @param deviceCount the number of CUDA devices (0 when unavailable)
 * @param devices one line per device: name, compute capability and memory, e.g.
 *     {@code "NVIDIA H100 80GB HBM3 (compute 9.0, 79.2 GiB)"}
 * @param driverVersion the CUDA version the installed driver supports, e.g. {@code "13.0"}; empty when no driver
 *     could be loaded
 * @param reason why CUDA is unavailable; empty when available
 * @param howToEnable what a user can do to make it available; empty when available
 */
public record CudaStatus(boolean available, int deviceCount, List<String> devices, String driverVersion,
                         String reason, String howToEnable) {

    /**
     * A status of these values; the device list is copied.
     *
     * @throws NullPointerException if a list or text is null
     * @throws IllegalArgumentException if the device count and list disagree, or an unavailable status has no reason
     */
    public CudaStatus {
        devices = List.copyOf(devices);
        Objects.requireNonNull(driverVersion, "driverVersion");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(howToEnable, "howToEnable");
        if (deviceCount != devices.size()) {
            throw new IllegalArgumentException("deviceCount " + deviceCount + " but " + devices.size()
                    + " devices described: " + devices);
        }
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable CUDA status needs a reason");
        }
    }

    /** This status as a provider's {@link Availability}. */
    public Availability availability() {
        return available ? Availability.AVAILABLE : Availability.unavailable(reason, howToEnable);
    }

    /** A status saying CUDA is unavailable. */
    static CudaStatus unavailable(String driverVersion, String reason, String howToEnable) {
        return new CudaStatus(false, 0, List.of(), driverVersion, reason, howToEnable);
    }
}
