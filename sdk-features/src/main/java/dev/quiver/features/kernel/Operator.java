package dev.quiver.features.kernel;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import java.util.List;
import java.util.Objects;

/**
 * An operator a provider computes: its published {@link OperatorDescriptor} and a factory for its kernels. Each
 * indicator class exposes one as {@code OPERATOR}; a provider lists them in an {@link OperatorCatalog}.
 *
 * <p>Thread-safety: implementations are immutable and safe to share.
 */
public interface Operator {

    /** What the operator is: name, family, parameters, inputs, outputs. */
    OperatorDescriptor descriptor();

    /**
     * A kernel with these parameter values and input columns. The {@link OperatorCatalog} has already checked
     * that the parameters were bound to {@link #descriptor()}'s declarations and that there is one input per role.
     *
     * @throws IllegalArgumentException if a combination of values is invalid
     */
    FeatureKernel create(Params params, List<String> inputs);

    /** An operator from a descriptor and a kernel factory. */
    static Operator of(OperatorDescriptor descriptor, Factory factory) {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(factory, "factory");
        return new Operator() {
            @Override
            public OperatorDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public FeatureKernel create(Params params, List<String> inputs) {
                return factory.create(descriptor, params, inputs);
            }

            @Override
            public String toString() {
                return "Operator[" + descriptor.name() + "]";
            }
        };
    }

    /**
     * Makes a kernel of a descriptor's operator; usually a kernel class's constructor.
     *
     * <p>Thread-safety: implementations are stateless.
     */
    @FunctionalInterface
    interface Factory {
        /**
         * A kernel of {@code descriptor}'s operator.
         *
         * @throws IllegalArgumentException if a combination of values is invalid
         */
        FeatureKernel create(OperatorDescriptor descriptor, Params params, List<String> inputs);
    }
}
