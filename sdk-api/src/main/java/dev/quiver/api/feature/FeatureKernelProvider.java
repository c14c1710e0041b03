package dev.quiver.api.feature;

import dev.quiver.api.param.Params;
import dev.quiver.api.provider.QuiverProvider;
import java.util.List;
import java.util.Optional;

/**
 * The FeatureKernel SPI: a family of operators and the kernels that compute them. Built-in providers are
 * {@code scalar} (the reference, always available) and {@code vector} (Vector API); plugin jars add their own
 * operators by registering another provider.
 *
 * <p>Resolution is per operator: {@link dev.quiver.api.provider.ProviderDiscovery#select(java.util.function.Predicate,
 * String)} picks the most preferred available provider that {@link #supports supports} it, or the provider named by
 * {@code quiver.features.provider} for every operator that provider supports.
 *
 * <p>Thread-safety: implementations must be safe to use from any thread.
 */
public interface FeatureKernelProvider extends QuiverProvider {

    /** The operators this provider computes. */
    List<OperatorDescriptor> operators();

    /** The named operator's descriptor, if this provider computes it. */
    default Optional<OperatorDescriptor> operator(String name) {
        for (OperatorDescriptor d : operators()) {
            if (d.name().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Whether this provider computes the named operator. */
    default boolean supports(String operatorName) {
        return operator(operatorName).isPresent();
    }

    /**
     * A kernel for an operator with bound parameters and input columns.
     *
     * @param operatorName the operator's name
     * @param params values bound to the operator's {@link OperatorDescriptor#params() declarations}
     * @param inputs the input column names, one per {@link OperatorDescriptor#inputs() role}; an empty list means
     *     the roles' default column names
     * @throws IllegalArgumentException if the operator is not supported, or the parameters or inputs do not fit it
     */
    FeatureKernel create(String operatorName, Params params, List<String> inputs);
}
