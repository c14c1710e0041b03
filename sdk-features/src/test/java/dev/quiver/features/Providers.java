package dev.quiver.features;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.ParamType;
import dev.quiver.api.param.Params;
import dev.quiver.api.provider.ProviderDiscovery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The axes every kernel test spans: each available feature provider (scalar today; the Vector API and CUDA ones
 * later) and each operator it computes, so that every provider is held to one contract.
 */
public final class Providers {
    private Providers() {
    }

    /** The available providers, as ServiceLoader finds them. */
    public static List<FeatureKernelProvider> available() {
        return ProviderDiscovery.load("features", FeatureKernelProvider.class).available();
    }

    /** An engine that uses this provider alone. */
    public static FeatureEngine engine(FeatureKernelProvider provider) {
        List<Supplier<? extends FeatureKernelProvider>> only = List.of(() -> provider);
        return FeatureEngine.of(ProviderDiscovery.builder("features", FeatureKernelProvider.class)
                .providers(only).systemProperties(k -> null).environment(k -> null).build());
    }

    /**
     * (provider, kernel) pairs: each provider's operators with several values of their first INT parameter (values
     * an operator rejects in combination with the other defaults, such as macd's fast above slow, are left out).
     */
    static Stream<Arguments> kernels() {
        List<Arguments> result = new ArrayList<>();
        for (FeatureKernelProvider p : available()) {
            if (p.name().equals("vector")) {
                continue; // its sma has a documented tolerance: FeatureKernelConformanceTest holds it to the contract
            }
            for (OperatorDescriptor d : p.operators()) {
                if (d.kind() != OperatorKind.TIME_SERIES) {
                    continue; // cross-sectional kernels have their own tests: they have no series form
                }
                for (Params params : paramVariants(d)) {
                    FeatureKernel k;
                    try {
                        k = p.create(d.name(), params, List.of());
                    } catch (IllegalArgumentException rejected) {
                        continue;
                    }
                    result.add(Arguments.of(p.name(), k));
                }
            }
        }
        return result.stream();
    }

    /** Those of {@link #kernels()} with one input and one output, which TestSeries' one-column helpers run. */
    static Stream<Arguments> oneInOneOutKernels() {
        return kernels().filter(a -> {
            FeatureKernel k = (FeatureKernel) a.get()[1];
            return k.inputs().size() == 1 && k.outputs().size() == 1;
        });
    }

    /** Parameter sets for an operator: the defaults, and several values of its first INT parameter. */
    public static List<Params> paramVariants(OperatorDescriptor d) {
        Set<Params> variants = new LinkedHashSet<>();
        variants.add(Params.bind(d.params(), Map.of()));
        if (!d.params().isEmpty() && d.params().get(0).type() == ParamType.INT) {
            ParamSpec first = d.params().get(0);
            for (double v : new double[] {first.min(), first.min() + 1, 3, 20, 250}) {
                if (v >= first.min() && v <= first.max()) {
                    variants.add(Params.bind(d.params(), Map.of(first.name(), Long.toString((long) v))));
                }
            }
        }
        return List.copyOf(variants);
    }
}
