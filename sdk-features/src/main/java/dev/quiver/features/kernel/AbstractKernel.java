package dev.quiver.features.kernel;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import java.util.List;
import java.util.Objects;

/**
 * What every built-in kernel holds: the operator it instantiates, its bound parameters, its input and output column
 * names and its warm-up. The time-series bases ({@link SingleInputKernel}, {@link MultiInputKernel}) and the
 * cross-sectional one extend it and add their computation.
 *
 * <p>Thread-safety: immutable; subclasses must stay immutable so that kernels may run concurrently.
 */
public abstract class AbstractKernel implements FeatureKernel {
    private final OperatorDescriptor descriptor;
    private final Params params;
    private final List<String> inputs;
    private final List<String> outputs;
    private final int warmUp;

    /**
     * A kernel's identity.
     *
     * @throws IllegalArgumentException if the warm-up is negative
     */
    protected AbstractKernel(OperatorDescriptor descriptor, Params params, List<String> inputs, List<String> outputs,
                             int warmUp) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.params = Objects.requireNonNull(params, "params");
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        if (warmUp < 0) {
            throw new IllegalArgumentException("operator '" + descriptor.name() + "': warm-up " + warmUp + " < 0");
        }
        this.warmUp = warmUp;
    }

    @Override
    public final OperatorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public final List<String> inputs() {
        return inputs;
    }

    @Override
    public final List<String> outputs() {
        return outputs;
    }

    @Override
    public final int warmUp() {
        return warmUp;
    }

    @Override
    public String toString() {
        return String.join(",", outputs);
    }
}
