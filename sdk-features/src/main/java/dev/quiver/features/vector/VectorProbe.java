package dev.quiver.features.vector;

import dev.quiver.api.provider.Availability;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first half of the vector provider's availability probe, which names no Vector API type and so can run where
 * {@code jdk.incubator.vector} is missing: is the module in the module graph, and does the JVM compile with C2
 * (the Vector API is intrinsified only by C2; interpreted or C1-compiled it is many times slower than scalar loops).
 * Lucene's {@code VectorizationProvider} makes the same checks.
 *
 * <p>Thread-safety: stateless.
 */
final class VectorProbe {
    static final String MODULE = "jdk.incubator.vector";
    static final String HOW_TO_ENABLE = "run with --add-modules=jdk.incubator.vector";

    private VectorProbe() {
    }

    /**
     * Whether the Vector API can be used fast here.
     *
     * @param layer the layer to look for {@code jdk.incubator.vector} in (the boot layer)
     * @param properties the system properties ({@code java.vm.name}, {@code java.vm.info})
     */
    static Availability probe(ModuleLayer layer, Function<String, String> properties) {
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
