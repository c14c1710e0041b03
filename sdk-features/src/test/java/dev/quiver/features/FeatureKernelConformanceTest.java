package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.features.testkit.FeatureKernelConformance;
import dev.quiver.features.vector.VectorKernelProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance kit (sdk-features-testkit) over every operator of every available built-in provider, so that each
 * indicator added to a family is covered without further work. The vector provider's kernels are also compared with
 * the scalar reference; its sma within {@link VectorKernelProvider#SMA_RELATIVE_TOLERANCE}.
 */
class FeatureKernelConformanceTest {

    @TestFactory
    Stream<DynamicNode> everyOperatorOfEveryProvider() {
        ScalarKernelProvider scalar = new ScalarKernelProvider();
        List<DynamicNode> nodes = new ArrayList<>();
        List<FeatureKernelProvider> providers = Providers.available();
        // the kit's own checks run as the dynamic tests; here, that the scalar reference is among those checked
        assertThat(providers).extracting(FeatureKernelProvider::name).contains(ScalarKernelProvider.NAME);
        for (FeatureKernelProvider p : providers) {
            FeatureKernelConformance.Builder kit = FeatureKernelConformance.forProvider(p);
            if (p instanceof VectorKernelProvider) {
                kit.reference(scalar).tolerance("sma", VectorKernelProvider.SMA_RELATIVE_TOLERANCE);
            }
            nodes.add(DynamicContainer.dynamicContainer(p.name(), kit.build().tests()));
        }
        return nodes.stream();
    }
}
