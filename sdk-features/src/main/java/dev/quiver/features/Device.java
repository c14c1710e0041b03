package dev.quiver.features;

import java.util.Locale;

/**
 * Where a feature plan runs, as {@code --device} and {@link FeatureEngine.Builder#device} choose it.
 *
 * <ul>
 *   <li>{@link #AUTO}: the most preferred available executor that does not refuse the plan (a GPU executor refuses
 *       plans too small to pay for their transfers), else the CPU.</li>
 *   <li>{@link #CPU}: always the host's cores.</li>
 *   <li>{@link #GPU}: a GPU executor when one is available and takes the plan; otherwise the CPU, with one warning
 *       line saying why.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable.
 */
public enum Device {
    /** The best executor that takes the plan. */
    AUTO,
    /** The host's cores. */
    CPU,
    /** A GPU, falling back to the CPU with a warning. */
    GPU;

    /**
     * The device named {@code auto}, {@code cpu} or {@code gpu} (any case).
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static Device parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "cpu" -> CPU;
            case "gpu" -> GPU;
            default -> throw new IllegalArgumentException("unknown device '" + name + "'; the devices are auto, cpu "
                    + "and gpu");
        };
    }

    /** The lower-case name, as {@code --device} takes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
