package dev.quiver.features;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.ParamType;
import dev.quiver.api.param.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves a parsed {@link FeatureSpec} against the operators the engine's providers publish: decides which
 * arguments are input columns (or nested expressions) and which are parameters, binds the parameters, and creates a
 * kernel for every call, innermost first. Generic over operators: it reads only their descriptors.
 *
 * <h2>Inputs or parameters</h2>
 * An operator takes {@code k} inputs then {@code m} parameters. Its positional arguments start with the inputs when
 * there are more than {@code m} of them, or when the first one can only be an input: a nested call, or a word that
 * is not a value of the first parameter (any word, if that parameter is numeric). Inputs are given all or none; when
 * none, the operator's default columns are read.
 *
 * <p>Thread-safety: stateless apart from the engine, which is immutable.
 */
final class SpecBinder {
    private final FeatureEngine engine;

    SpecBinder(FeatureEngine engine) {
        this.engine = engine;
    }

    /**
     * A resolved expression: an input column of the panel, or an operator's kernel over resolved inputs.
     */
    sealed interface Node permits ColumnNode, KernelNode {
        /** The names of the node's outputs: a column's name, or the kernel's canonical output names. */
        List<String> outputNames();
    }

    /** A column of the panel, by the name the spec gave. */
    record ColumnNode(String column) implements Node {
        @Override
        public List<String> outputNames() {
            return List.of(column);
        }
    }

    /**
     * An operator's kernel; {@link #inputs} are the nodes and output parts that feed its inputs, in order.
     */
    record KernelNode(FeatureKernel kernel, FeatureKernelProvider provider, List<Source> inputs) implements Node {
        @Override
        public List<String> outputNames() {
            return kernel.outputs();
        }
    }

    /** One output of a node: part {@code part} of a kernel, or part 0 of a column. */
    record Source(Node node, int part) {
        String name() {
            return node.outputNames().get(part);
        }
    }

    /**
     * Binds a call.
     *
     * @throws IllegalArgumentException quoting the spec, saying what is wrong and where
     */
    KernelNode bind(FeatureSpec spec, FeatureSpec.Call call) {
        OperatorDescriptor d = engine.operator(call.operator()).orElseThrow(
                () -> spec.error(engine.unknownOperator(call.operator()), call.index()));
        FeatureKernelProvider provider = engine.provider(d.name());
        d = provider.operator(d.name()).orElse(d);
        List<FeatureSpec.Arg> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        for (FeatureSpec.Arg a : call.args()) {
            if (a.positional()) {
                if (!named.isEmpty()) {
                    throw spec.error("positional argument '" + a.text() + "' after a named one", a.index());
                }
                positional.add(a);
            } else {
                if (a.value() instanceof FeatureSpec.Call) {
                    throw spec.error("parameter '" + a.key() + "' takes a number or a word, not an expression",
                            a.value().index());
                }
                if (named.putIfAbsent(a.key(), a.text()) != null) {
                    throw spec.error("parameter '" + a.key() + "' is given twice", a.index());
                }
            }
        }
        int k = d.inputs().size();
        int m = d.params().size();
        boolean inputsGiven = !positional.isEmpty()
                && (positional.size() > m || onlyAnInput(positional.get(0), m == 0 ? null : d.params().get(0)));
        List<Source> inputs = new ArrayList<>(k);
        if (inputsGiven) {
            String shape = "operator '" + d.name() + "' takes " + k + " input column" + (k == 1 ? "" : "s") + " ("
                    + String.join(", ", d.inputs()) + ") then " + m + " parameter" + (m == 1 ? "" : "s")
                    + (m == 0 ? "" : " (" + paramNames(d) + ")");
            if (positional.size() < k) {
                throw spec.error(shape + "; " + positional.size() + " positional argument"
                        + (positional.size() == 1 ? "" : "s") + " given", positional.get(0).index());
            }
            if (positional.size() > k + m) {
                FeatureSpec.Arg extra = positional.get(k + m);
                throw spec.error(shape + "; '" + extra.text() + "' is one argument too many", extra.index());
            }
            for (int i = 0; i < k; i++) {
                FeatureSpec.Arg a = positional.get(i);
                switch (a.value()) {
                    case FeatureSpec.Word w -> inputs.add(new Source(new ColumnNode(w.text()), 0));
                    case FeatureSpec.Call inner -> inputs.add(source(spec, inner));
                    case FeatureSpec.Number n -> throw spec.error(shape + "; '" + n.text()
                            + "' is not a column name", a.index());
                }
            }
            positional = positional.subList(k, positional.size());
        } else {
            for (String column : d.inputs()) {
                inputs.add(new Source(new ColumnNode(column), 0));
            }
        }
        List<String> values = new ArrayList<>(positional.size());
        for (FeatureSpec.Arg a : positional) {
            if (a.value() instanceof FeatureSpec.Call inner) {
                throw spec.error("operator '" + d.name() + "': '" + inner.operator() + "(...)' is in the place of "
                        + "a parameter; expressions are inputs and come first", a.index());
            }
            values.add(a.text());
        }
        Params params;
        try {
            params = Params.bind(d.params(), values, named);
        } catch (IllegalArgumentException e) {
            throw spec.error(e);
        }
        List<String> inputNames = new ArrayList<>(k);
        for (Source s : inputs) {
            inputNames.add(s.name());
        }
        try {
            // the default columns are passed as "none given", so the kernel names its output without them
            boolean defaults = !inputsGiven;
            FeatureKernel kernel = provider.create(d.name(), params, defaults ? List.of() : inputNames);
            return new KernelNode(kernel, provider, List.copyOf(inputs));
        } catch (IllegalArgumentException e) {
            throw spec.error(e);
        }
    }

    /** A nested call as an input: a single-output operator, or one part of a multi-output one. */
    private Source source(FeatureSpec spec, FeatureSpec.Call inner) {
        KernelNode node = bind(spec, inner);
        OperatorDescriptor d = node.kernel().descriptor();
        List<String> parts = d.outputs();
        if (inner.part() == null) {
            if (!d.singleOutput()) {
                throw spec.error("operator '" + d.name() + "' has several outputs (" + String.join(", ", parts)
                        + "); choose one as an input, e.g. " + node.outputNames().get(parts.size() - 1),
                        inner.index());
            }
            return new Source(node, 0);
        }
        return new Source(node, part(spec, inner, d));
    }

    /** The index of the call's selected part. */
    static int part(FeatureSpec spec, FeatureSpec.Call call, OperatorDescriptor d) {
        int p = d.outputs().indexOf(call.part());
        if (p < 0 || d.singleOutput()) {
            throw spec.error("operator '" + d.name() + "' has "
                    + (d.singleOutput() ? "a single output, without parts"
                    : "no output '" + call.part() + "'; its outputs are " + String.join(", ", d.outputs())),
                    call.partIndex());
        }
        return p;
    }

    /** Whether a positional argument cannot be a value of the operator's first parameter. */
    private static boolean onlyAnInput(FeatureSpec.Arg a, ParamSpec first) {
        return switch (a.value()) {
            case FeatureSpec.Call c -> true;
            case FeatureSpec.Number n -> false;
            case FeatureSpec.Word w -> first == null || switch (first.type()) {
                case INT, DOUBLE -> true;
                case BOOLEAN -> !w.text().equalsIgnoreCase("true") && !w.text().equalsIgnoreCase("false");
                case CHOICE -> !first.choices().contains(w.text().toLowerCase(Locale.ROOT));
            };
        };
    }

    private static String paramNames(OperatorDescriptor d) {
        List<String> names = new ArrayList<>(d.params().size());
        for (ParamSpec p : d.params()) {
            names.add(p.name());
        }
        return String.join(", ", names);
    }

    static boolean isNumeric(ParamType type) {
        return type == ParamType.INT || type == ParamType.DOUBLE;
    }
}
