package dev.quiver.gpu.cuda;

import java.util.Locale;

/**
 * Whether CUDA can be used in this process, found out once.
 *
 * <p>The probe loads JCuda's driver binding, initialises the CUDA driver ({@code cuInit}) and lists the devices. On a
 * machine without the NVIDIA driver, loading the binding fails with an {@link UnsatisfiedLinkError} and JCuda's
 * driver class can never be used again in this JVM ({@link NoClassDefFoundError} on every later touch). So the probe
 * runs at most once per process, catches every failure except a {@link VirtualMachineError}, and remembers the
 * answer; {@link #probe()} never throws on a machine without CUDA. JCuda extracts its JNI libraries into
 * {@code java.io.tmpdir} the first time and leaves them there.
 *
 * <p>Setting the system property {@value #DISABLED_PROPERTY} to {@code true} before the first call skips the probe
 * (JCuda is not touched) and reports CUDA as unavailable, for machines where loading the driver is unwanted or slow.
 *
 * <p>Thread-safety: safe to call from any thread; concurrent first calls probe once, and every caller sees the same
 * {@link CudaStatus}.
 */
public final class CudaRuntime {
    /** The system property that, set to {@code true}, disables CUDA without probing. */
    public static final String DISABLED_PROPERTY = "quiver.cuda.disabled";

    private static final System.Logger LOG = System.getLogger(CudaRuntime.class.getName());
    private static final Object LOCK = new Object();
    private static volatile CudaStatus status;

    private CudaRuntime() {
    }

    /**
     * The CUDA status of this process, probed on the first call and cached: later calls, and changes to
     * {@value #DISABLED_PROPERTY} after the first call, do not probe again.
     *
     * @throws VirtualMachineError only if the JVM itself fails during the first probe (nothing is cached then)
     */
    public static CudaStatus probe() {
        CudaStatus s = status;
        if (s == null) {
            synchronized (LOCK) {
                s = status;
                if (s == null) {
                    s = probe(System.getProperty(DISABLED_PROPERTY));
                    status = s;
                    LOG.log(System.Logger.Level.DEBUG, () -> "CUDA " + (status.available()
                            ? "available: " + status.devices() + ", driver " + status.driverVersion()
                            : "unavailable: " + status.reason()));
                }
            }
        }
        return s;
    }

    /**
     * Probes now, without the cache, honouring {@code disabledProperty} (the value of {@value #DISABLED_PROPERTY},
     * or null). Touches JCuda unless disabled, so outside of {@link #probe()} only tests call it, and only with
     * CUDA disabled or once.
     */
    static CudaStatus probe(String disabledProperty) {
        if (disabledProperty != null && Boolean.parseBoolean(disabledProperty.trim())) {
            return CudaStatus.unavailable("", "CUDA is disabled by the system property " + DISABLED_PROPERTY + "="
                    + disabledProperty.trim(), "remove -D" + DISABLED_PROPERTY + " (or set it to false)");
        }
        try {
            return DriverProbe.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (LinkageError e) {
            return unloadable(e);
        } catch (Throwable t) {
            // anything else from a native binding (a JCuda exception, a SecurityException) means "not usable here"
            return CudaStatus.unavailable("", "probing the CUDA driver failed: " + t,
                    "check the NVIDIA driver installation (nvidia-smi should list the GPU)");
        }
    }

    private static CudaStatus unloadable(LinkageError e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof NoClassDefFoundError && message.startsWith("jcuda/")) {
            return CudaStatus.unavailable("", "JCuda is not on the class path (" + message + ")",
                    "add org.jcuda:jcuda 12.6.0 and org.jcuda:jcuda-natives for this platform");
        }
        String driverLibrary = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "nvcuda.dll" : "libcuda.so.1";
        return CudaStatus.unavailable("", "the CUDA driver could not be loaded (" + e.getClass().getSimpleName()
                + ": " + cause(message, driverLibrary) + ")",
                "run on a machine with an NVIDIA GPU and a driver for CUDA 12.6 or later, so that " + driverLibrary
                        + " can be loaded");
    }

    /**
     * The informative part of JCuda's loader error. Its message is a report of several attempts with nested stack
     * traces; the line that names the driver library ("libcuda.so.1: cannot open shared object file") says what is
     * missing, else its first line names the JNI library that failed.
     */
    static String cause(String message, String driverLibrary) {
        String stem = driverLibrary.substring(0, driverLibrary.indexOf('.'));
        for (String line : message.split("\\R")) {
            int at = line.indexOf(stem);
            if (at >= 0) {
                return line.substring(at).strip();
            }
        }
        return firstLine(message);
    }

    static String firstLine(String text) {
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }
}
