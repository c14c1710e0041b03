package dev.quiver.features.kernel;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operators one provider serves, by name, and the checks every provider makes before creating a kernel:
 * the operator exists, the parameters were bound to its declarations, and there is one input column per role.
 *
 * <p>Thread-safety: immutable.
 */
public final class OperatorCatalog {
    private final String provider;
    private final Map<String, Operator> byName;
    private final List<OperatorDescriptor> descriptors;

    private OperatorCatalog(String provider, Map<String, Operator> ordered) {
        this.provider = provider;
        List<OperatorDescriptor> d = new ArrayList<>(ordered.size());
        for (Operator op : ordered.values()) {
            d.add(op.descriptor());
        }
        this.descriptors = List.copyOf(d);
        this.byName = Map.copyOf(ordered);
    }

    /**
     * A catalog of these operators, listed in the order given.
     *
     * @param provider the provider's name, for messages
     * @throws IllegalArgumentException if two operators share a name
     */
    public static OperatorCatalog of(String provider, List<Operator> operators) {
        Objects.requireNonNull(provider, "provider");
        Map<String, Operator> byName = new LinkedHashMap<>();
        for (Operator op : operators) {
            if (byName.putIfAbsent(op.descriptor().name(), op) != null) {
                throw new IllegalArgumentException(provider + " provider: operator '" + op.descriptor().name()
                        + "' is listed twice");
            }
        }
        return new OperatorCatalog(provider, byName);
    }

    /** The descriptors, in catalog order. */
    public List<OperatorDescriptor> descriptors() {
        return descriptors;
    }

    /** The named operator's descriptor, if listed. */
    public Optional<OperatorDescriptor> descriptor(String name) {
        Operator op = byName.get(name);
        return op == null ? Optional.empty() : Optional.of(op.descriptor());
    }

    /** Whether the named operator is listed. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * A kernel of the named operator, after checking the request.
     *
     * @param inputs one column name per input role, or an empty list for the roles' default columns
     * @throws IllegalArgumentException naming the operator and what was wrong: unknown operator, parameters bound
     *     to other declarations, wrong number of inputs, or a blank input name
     */
    public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(inputs, "inputs");
        Operator op = byName.get(operatorName);
        if (op == null) {
            throw new IllegalArgumentException("the " + provider + " provider has no operator '" + operatorName
                    + "'; its operators are " + String.join(", ", names()));
        }
        OperatorDescriptor d = op.descriptor();
        if (!params.specs().equals(d.params())) {
            throw new IllegalArgumentException("operator '" + d.name() + "': the parameters were bound to ("
                    + specNames(params.specs()) + ") but it declares (" + specNames(d.params())
                    + "); bind them with Params.bind(descriptor.params(), ...)");
        }
        List<String> columns = inputs.isEmpty() ? d.inputs() : inputs;
        if (columns.size() != d.inputs().size()) {
            throw new IllegalArgumentException("operator '" + d.name() + "' takes " + d.inputs().size()
                    + " input column" + (d.inputs().size() == 1 ? "" : "s") + " (" + String.join(", ", d.inputs())
                    + "), " + columns.size() + " given: " + columns);
        }
        List<String> trimmed = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String c = Objects.requireNonNull(columns.get(i), "input column name");
            if (c.isBlank()) {
                throw new IllegalArgumentException("operator '" + d.name() + "': input " + i + " ("
                        + d.inputs().get(i) + ") has a blank column name");
            }
            trimmed.add(c.trim());
        }
        return op.create(params, List.copyOf(trimmed));
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(descriptors.size());
        for (OperatorDescriptor d : descriptors) {
            names.add(d.name());
        }
        names.sort(null);
        return names;
    }

    private static String specNames(List<ParamSpec> specs) {
        List<String> names = new ArrayList<>(specs.size());
        for (ParamSpec s : specs) {
            names.add(s.name());
        }
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return "OperatorCatalog[" + provider + ": " + String.join(", ", names()) + "]";
    }
}
