package dev.quiver.features;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.averages.Averages;
import dev.quiver.features.crosssection.CrossSection;
import dev.quiver.features.kernel.OperatorCatalog;
import dev.quiver.features.momentum.Momentum;
import dev.quiver.features.overlays.Overlays;
import dev.quiver.features.volatility.Volatility;
import dev.quiver.features.statistics.Statistics;
import dev.quiver.features.volume.Volume;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code scalar} feature provider: plain-Java loops over {@code MemorySegment}s, available everywhere, and the
 * reference every faster provider is tested against. Priority 0, so any available SIMD or GPU provider that
 * implements an operator is preferred for it.
 *
 * <p>Operators: every family package's ({@code averages}, {@code momentum}, ...); {@code quiver features --list}
 * prints them.
 *
 * <p>Registered for {@link java.util.ServiceLoader} in {@code module-info} and {@code META-INF/services}; construct
 * it directly to pass to {@code ProviderDiscovery.builder(...).providers(...)}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class ScalarKernelProvider implements FeatureKernelProvider {
    /** The provider's name. */
    public static final String NAME = "scalar";

    // one line per family: each family package lists its own operators
    private static final OperatorCatalog CATALOG = OperatorCatalog.of(NAME, Stream.of(
            Averages.OPERATORS,
            Momentum.OPERATORS,
            Volatility.OPERATORS,
            Overlays.OPERATORS,
            Volume.OPERATORS,
            Statistics.OPERATORS,
            CrossSection.OPERATORS
    ).flatMap(List::stream).toList());

    /** The provider; does no work (ServiceLoader calls this). */
    public ScalarKernelProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String description() {
        return "scalar reference kernels (plain Java loops, always available)";
    }

    @Override
    public List<OperatorDescriptor> operators() {
        return CATALOG.descriptors();
    }

    @Override
    public Optional<OperatorDescriptor> operator(String name) {
        return CATALOG.descriptor(name);
    }

    @Override
    public boolean supports(String operatorName) {
        return CATALOG.contains(operatorName);
    }

    /**
     * {@inheritDoc}
     *
     * <p>An empty {@code inputs} list means the operator's default columns.
     *
     * @throws IllegalArgumentException naming the operator and the problem: it is unknown, the parameters were bound
     *     to other declarations, or the number of inputs is wrong
     */
    @Override
    public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
        return CATALOG.create(operatorName, params, inputs);
    }

    @Override
    public String toString() {
        return "ScalarKernelProvider[" + NAME + "]";
    }
}
