package dev.quiver.api.feature;

import dev.quiver.api.param.ParamSpec;
import java.util.List;
import java.util.Objects;

/**
 * What an operator is: its name, family, parameters, inputs and outputs. Published by a
 * {@link FeatureKernelProvider}; listed by {@code quiver features --list}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the operator's name, lower case ({@code sma}, {@code rsi}, {@code macd})
 * @param family its family, which is also its package in sdk-features ({@code averages}, {@code momentum}, ...)
 * @param kind how it reads a panel
 * @param description one line
 * @param params its parameters, in positional order
 * @param inputs the roles of its input columns and their default column names, in order (e.g. {@code close}, or
 *     {@code high, low, close})
 * @param outputs the parts it produces, in order; a single-output operator has one part named {@code ""}, and its
 *     output column is the spec text alone ({@code rsi(14)}); others add {@code .part} ({@code macd(12,26,9).signal})
 */
public record OperatorDescriptor(String name, String family, OperatorKind kind, String description,
                                 List<ParamSpec> params, List<String> inputs, List<String> outputs) {

    /** @throws IllegalArgumentException if the name is blank or there are no inputs or outputs */
    public OperatorDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        params = List.copyOf(params);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (name.isBlank() || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("operator name must be non-blank lower case: '" + name + "'");
        }
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("operator '" + name + "' needs at least one input and one output");
        }
    }

    /** Whether it has a single, unnamed output part. */
    public boolean singleOutput() {
        return outputs.size() == 1 && outputs.get(0).isEmpty();
    }
}
