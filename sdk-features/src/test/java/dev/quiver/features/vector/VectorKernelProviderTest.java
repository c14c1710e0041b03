package dev.quiver.features.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.provider.Availability;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.features.ScalarKernelProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class VectorKernelProviderTest {
    private static final Map<String, String> HOTSPOT = Map.of("java.vm.name", "OpenJDK 64-Bit Server VM",
            "java.vm.info", "mixed mode, sharing");

    @Test
    void describesItself() {
        VectorKernelProvider vector = new VectorKernelProvider();
        assertThat(vector.name()).isEqualTo("vector");
        assertThat(vector.priority()).isEqualTo(100);
        assertThat(vector.operators()).extracting(OperatorDescriptor::name)
                .containsExactly("sma", "ema", "rsi", "trange", "atr", "natr");
        assertThat(vector.operators()).allSatisfy(d -> assertThat(new ScalarKernelProvider().operator(d.name()))
                .as("the scalar provider's descriptor").contains(d));
    }

    @Test
    void isAvailableWithTheModuleOnAWideEnoughCpu() {
        // the build runs tests with --add-modules=jdk.incubator.vector (quiver.jvm.flags)
        assumeTrue(VectorKernels.REQUESTED_BITS > 0
                || DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= VectorKernelProvider.MIN_VECTOR_BITS,
                "this CPU's vectors are narrower than 256 bits");
        assumeTrue(VectorKernels.REQUESTED_BITS <= VectorKernels.maxBits(), "this CPU's vectors hold at most "
                + VectorKernels.maxBits() + " bits: the " + VectorKernels.REQUESTED_BITS + "-bit kernels cannot be "
                + "tested here");
        assertThat(new VectorKernelProvider().availability()).isEqualTo(Availability.AVAILABLE);
        if (VectorKernels.REQUESTED_BITS == 0) {
            assertThat(VectorKernels.SPECIES.length()).isBetween(4, 8);
        }
    }

    @Test
    void withoutTheModuleItIsUnavailableAndSaysHowToEnableIt() {
        Availability a = dev.quiver.api.provider.VectorSupport.probe(ModuleLayer.empty(), HOTSPOT::get);
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).isEqualTo("jdk.incubator.vector is not in the module graph");
        assertThat(a.howToEnable()).isEqualTo("run with --add-modules=jdk.incubator.vector");
    }

    @Test
    void withoutC2ItIsUnavailable() {
        assertThat(dev.quiver.api.provider.VectorSupport.probe(ModuleLayer.boot(), HOTSPOT::get).available()).isTrue();
        Availability interpreted = dev.quiver.api.provider.VectorSupport.probe(ModuleLayer.boot(), Map.of("java.vm.name",
                "OpenJDK 64-Bit Server VM", "java.vm.info", "interpreted mode, sharing")::get);
        assertThat(interpreted.available()).isFalse();
        assertThat(interpreted.reason()).contains("-Xint");
        Availability c1 = dev.quiver.api.provider.VectorSupport.probe(ModuleLayer.boot(), Map.of("java.vm.name",
                "OpenJDK 64-Bit Server VM", "java.vm.info", "mixed mode, emulated-client, sharing")::get);
        assertThat(c1.available()).isFalse();
        assertThat(c1.reason()).contains("C2");
        Availability j9 = dev.quiver.api.provider.VectorSupport.probe(ModuleLayer.boot(), Map.of("java.vm.name", "Eclipse OpenJ9 VM",
                "java.vm.info", "JRE 25")::get);
        assertThat(j9.available()).isFalse();
        assertThat(j9.reason()).contains("not HotSpot");
        assertThat(dev.quiver.api.provider.VectorSupport.probe(ModuleLayer.boot(), k -> null).available()).isFalse();
    }

    @Test
    void serviceLoaderFindsItAndDiscoveryPrefersIt() {
        assumeTrue(new VectorKernelProvider().availability().available());
        assertThat(ServiceLoader.load(FeatureKernelProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(VectorKernelProvider.class);
        ProviderDiscovery<FeatureKernelProvider> auto = ProviderDiscovery.builder("features",
                FeatureKernelProvider.class).systemProperties(Map.<String, String>of()::get).environment(k -> null)
                .build();
        assertThat(auto.select(p -> p.supports("sma"), "operator 'sma'")).isInstanceOf(VectorKernelProvider.class);
        assertThat(auto.select(p -> p.supports("rsi"), "operator 'rsi'")).isInstanceOf(VectorKernelProvider.class);
    }

    @Test
    void theSystemPropertyChoosesScalar() {
        ProviderDiscovery<FeatureKernelProvider> scalar = ProviderDiscovery.builder("features",
                FeatureKernelProvider.class).systemProperties(Map.of("quiver.features.provider", "scalar")::get)
                .environment(k -> null).build();
        assertThat(scalar.select(p -> p.supports("sma"), "operator 'sma'")).isInstanceOf(ScalarKernelProvider.class);
        assertThat(scalar.select(p -> p.supports("ema"), "operator 'ema'")).isInstanceOf(ScalarKernelProvider.class);
    }

    @Test
    void anUnavailableVectorProviderFallsBackToScalarWithOneLogLine() {
        List<String> log = new ArrayList<>();
        List<Supplier<? extends FeatureKernelProvider>> providers = List.of(ScalarKernelProvider::new,
                () -> new WithoutModule());
        ProviderDiscovery<FeatureKernelProvider> discovery = ProviderDiscovery.builder("features",
                FeatureKernelProvider.class).providers(providers).systemProperties(k -> null).environment(k -> null)
                .log(log::add).build();
        assertThat(discovery.select(p -> p.supports("sma"), "operator 'sma'")).isInstanceOf(ScalarKernelProvider.class);
        discovery.select(p -> p.supports("ema"), "operator 'ema'");
        assertThat(log).containsExactly("features: provider 'vector' is unavailable (jdk.incubator.vector is not in "
                + "the module graph); using 'scalar'. To enable 'vector': run with --add-modules=jdk.incubator.vector");
    }

    /** The vector provider as it probes in a JVM started without the module. */
    private static final class WithoutModule implements FeatureKernelProvider {
        private final VectorKernelProvider vector = new VectorKernelProvider();

        @Override
        public String name() {
            return vector.name();
        }

        @Override
        public int priority() {
            return vector.priority();
        }

        @Override
        public Availability availability() {
            return dev.quiver.api.provider.VectorSupport.probe(ModuleLayer.empty(), HOTSPOT::get);
        }

        @Override
        public List<OperatorDescriptor> operators() {
            return vector.operators();
        }

        @Override
        public dev.quiver.api.feature.FeatureKernel create(String operatorName,
                dev.quiver.api.param.Params params, List<String> inputs) {
            throw new IllegalStateException("unavailable");
        }
    }
}
