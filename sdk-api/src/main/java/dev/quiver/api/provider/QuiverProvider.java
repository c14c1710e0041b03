package dev.quiver.api.provider;

/**
 * What every provider of every Quiver SPI answers so that {@link ProviderDiscovery} can choose among them.
 *
 * <p>Providers are found by {@link java.util.ServiceLoader}: register the class both with {@code provides ... with
 * ...} in {@code module-info.java} and in {@code META-INF/services/<SPI type>}, and give it a public no-argument
 * constructor that does no work (probing belongs in {@link #availability()}).
 *
 * <p>Thread-safety: implementations must be safe to call from any thread.
 */
public interface QuiverProvider {

    /**
     * A short, stable, lower-case name that users choose the provider by (for example {@code scalar},
     * {@code vector}, {@code cuda}). Unique per SPI.
     */
    String name();

    /**
     * The preference among available providers: higher wins; ties are broken by {@link #name()}, never by class-path
     * order.
     */
    int priority();

    /**
     * Whether this provider can work in this process (CPU features, JDK modules, native drivers), and if not, why and
     * how to enable it. Called once per discovery; may probe, must not throw (a throw counts as unavailable).
     */
    default Availability availability() {
        return Availability.AVAILABLE;
    }

    /** One line saying what this provider is, for listings. */
    default String description() {
        return name();
    }
}
