package dev.quiver.gpu.cuda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The JCuda calls of the probe, in a class of their own so that JCuda's classes are loaded only when
 * {@link CudaRuntime} decides to probe (not when the property disables it).
 */
final class DriverProbe {
    private static final int NAME_BYTES = 256;

    private DriverProbe() {
    }

    /**
     * Initialises the driver and describes the devices.
     *
     * @throws LinkageError if JCuda or the driver library cannot be loaded
     */
    static CudaStatus run() {
        // return codes rather than CudaException: each failure below becomes a reason, not a stack trace
        JCudaDriver.setExceptionsEnabled(false);
        int[] value = new int[1];
        // allowed before cuInit, and useful in the reason when cuInit fails (e.g. a driver too old for JCuda)
        String driverVersion = JCudaDriver.cuDriverGetVersion(value) == CUresult.CUDA_SUCCESS
                ? value[0] / 1000 + "." + (value[0] % 1000) / 10 : "";
        int result = JCudaDriver.cuInit(0);
        if (result != CUresult.CUDA_SUCCESS) {
            return CudaStatus.unavailable(driverVersion, "cuInit failed: " + CUresult.stringFor(result)
                    + (driverVersion.isEmpty() ? "" : " (driver supports CUDA " + driverVersion + ")"),
                    howToEnable(result));
        }
        result = JCudaDriver.cuDeviceGetCount(value);
        if (result != CUresult.CUDA_SUCCESS) {
            return CudaStatus.unavailable(driverVersion, "cuDeviceGetCount failed: " + CUresult.stringFor(result),
                    "check the NVIDIA driver installation (nvidia-smi should list the GPU)");
        }
        int count = value[0];
        if (count == 0) {
            return CudaStatus.unavailable(driverVersion, "the CUDA driver reports no devices",
                    "run on a machine with an NVIDIA GPU visible to this process (check CUDA_VISIBLE_DEVICES)");
        }
        List<String> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            devices.add(describe(i));
        }
        return new CudaStatus(true, count, devices, driverVersion, "", "");
    }

    private static String describe(int ordinal) {
        CUdevice device = new CUdevice();
        int result = JCudaDriver.cuDeviceGet(device, ordinal);
        if (result != CUresult.CUDA_SUCCESS) {
            return "device " + ordinal + " (cuDeviceGet failed: " + CUresult.stringFor(result) + ")";
        }
        byte[] name = new byte[NAME_BYTES];
        String text = JCudaDriver.cuDeviceGetName(name, name.length, device) == CUresult.CUDA_SUCCESS
                ? cString(name) : "device " + ordinal;
        int[] major = new int[1];
        int[] minor = new int[1];
        JCudaDriver.cuDeviceGetAttribute(major,
                CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device);
        JCudaDriver.cuDeviceGetAttribute(minor,
                CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device);
        long[] bytes = new long[1];
        JCudaDriver.cuDeviceTotalMem(bytes, device);
        return String.format(Locale.ROOT, "%s (compute %d.%d, %.1f GiB)", text, major[0], minor[0],
                bytes[0] / (1024.0 * 1024 * 1024));
    }

    private static String howToEnable(int cuInitResult) {
        return switch (cuInitResult) {
            case CUresult.CUDA_ERROR_SYSTEM_DRIVER_MISMATCH ->
                    "the NVIDIA kernel module and user-space driver differ: reinstall the driver or reboot";
            case CUresult.CUDA_ERROR_NO_DEVICE ->
                    "run on a machine with an NVIDIA GPU visible to this process (check CUDA_VISIBLE_DEVICES)";
            default -> "check the NVIDIA driver installation (nvidia-smi should list the GPU)";
        };
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII).strip();
    }
}
