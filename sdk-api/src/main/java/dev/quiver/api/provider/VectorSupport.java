package dev.quiver.api.provider;

import java.util.Optional;
import java.util.function.Function;

/**
 * Whether SIMD kernels written with the Vector API ({@code jdk.incubator.vector}) can run fast here, asked without
 * naming any Vector API type, so it runs where the module is missing: is the module in the module graph, and does
 * the JVM compile with C2 (the Vector API is intrinsified only by C2; interpreted or C1-compiled it is many times
 * slower than scalar loops). Lucene's {@code VectorizationProvider} makes the same checks. Every Quiver module with
 * Vector API kernels (the vector feature provider, the portfolio correlations) asks here before it loads them.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class VectorSupport {
    /** The Vector API's module. */
    public static final String MODULE = "jdk.incubator.vector";
    /** What a user does to enable it. */
    public static final String HOW_TO_ENABLE = "run with --add-modules=jdk.incubator.vector";

    private VectorSupport() {
    }

    /**
     * The probe in this JVM, with {@code caller}'s module made to read the Vector API's (a module that
     * {@code requires static} it reads it only when asked): once this says available, {@code caller} may load its
     * Vector API classes.
     */
    public static Availability availability(Class<?> caller) {
        Availability a = probe(ModuleLayer.boot(), System::getProperty);
        if (a.available()) {
            Module own = caller.getModule();
            Module vector = ModuleLayer.boot().findModule(MODULE).orElseThrow();
            if (own.isNamed() && !own.canRead(vector)) {
                own.addReads(vector);
            }
        }
        return a;
    }

    /**
     * Whether the Vector API can be used fast here.
     *
     * @param layer the layer to look for {@code jdk.incubator.vector} in (the boot layer)
     * @param properties the system properties ({@code java.vm.name}, {@code java.vm.info})
     */
    public static Availability probe(ModuleLayer layer, Function<String, String> properties) {
        Optional<Module> module = layer.findModule(MODULE);
        if (module.isEmpty()) {
            return Availability.unavailable(MODULE + " is not in the module graph", HOW_TO_ENABLE);
        }
        String vm = Optional.ofNullable(properties.apply("java.vm.name")).orElse("");
        String info = Optional.ofNullable(properties.apply("java.vm.info")).orElse("");
        if (!vm.contains("HotSpot") && !vm.contains("OpenJDK")) {
            return Availability.unavailable("the JVM is '" + vm + "', not HotSpot: only HotSpot's C2 compiles the "
                    + "Vector API to SIMD instructions", "run on a HotSpot JVM (OpenJDK, Temurin, Oracle)");
        }
        if (info.contains("interpreted mode")) {
            return Availability.unavailable("the JVM runs interpreted (-Xint), where the Vector API is slower "
                    + "than scalar loops", "run without -Xint");
        }
        if (info.contains("emulated-client")) {
            return Availability.unavailable("the C2 compiler is disabled (-XX:TieredStopAtLevel below 4, or a "
                    + "client VM), and the Vector API is slower than scalar loops without it",
                    "run without -XX:TieredStopAtLevel");
        }
        return Availability.AVAILABLE;
    }
}
