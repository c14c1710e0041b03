package com.example.quiver;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code example} feature provider: serves {@link ForceIndex efi}. Priority 10: above the built-in
 * {@code scalar} reference (0), below the {@code vector} provider (100); it shares no operator with either, so the
 * priority only matters if a later Quiver version adds one of the same name.
 *
 * <p>Registered for {@link java.util.ServiceLoader} twice, so it is found on the class path and on the module path:
 * {@code provides} in {@code module-info.java} and {@code META-INF/services/dev.quiver.api.feature.FeatureKernelProvider}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class ExampleKernelProvider implements FeatureKernelProvider {
    /** The provider's name. */
    public static final String NAME = "example";

    /** The provider; does no work (ServiceLoader calls this). */
    public ExampleKernelProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String description() {
        return "example plugin: Elder's force index";
    }

    @Override
    public List<OperatorDescriptor> operators() {
        return List.of(ForceIndex.DESCRIPTOR);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the operator is not {@code efi}, the parameters were bound to other
     *     declarations, or there are not two input columns (or none, for the defaults)
     */
    @Override
    public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
        OperatorDescriptor d = ForceIndex.DESCRIPTOR;
        if (!d.name().equals(operatorName)) {
            throw new IllegalArgumentException("the example provider has no operator '" + operatorName
                    + "'; its operators are " + d.name());
        }
        if (!params.specs().equals(d.params())) {
            List<String> names = new ArrayList<>();
            for (ParamSpec s : params.specs()) {
                names.add(s.name());
            }
            throw new IllegalArgumentException("operator '" + d.name() + "': the parameters were bound to ("
                    + String.join(", ", names) + ") but it declares (n)");
        }
        List<String> columns = inputs.isEmpty() ? d.inputs() : List.copyOf(inputs);
        if (columns.size() != d.inputs().size()) {
            throw new IllegalArgumentException("operator '" + d.name() + "' takes 2 input columns (close, volume), "
                    + columns.size() + " given: " + columns);
        }
        return new ForceIndex.Kernel(params, columns);
    }

    @Override
    public String toString() {
        return "ExampleKernelProvider[" + NAME + "]";
    }
}
