package dev.quiver.features.kernel;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The canonical spec text of a kernel, which names its output columns: the operator name, then the input columns
 * if they are not the operator's defaults, then every parameter value in declaration order, all lower case and
 * without spaces. {@code SMA(n=20)} over {@code close} is {@code sma(20)}; {@code EMA(n=10)} over {@code High} is
 * {@code ema(high,10)}; a multi-output operator adds {@code .part} per output ({@code macd(12,26,9).signal}).
 *
 * <p>The text is also a valid spec for {@code FeatureEngine.kernel(String)}, which makes the same kernel again, as
 * long as the input column names are identifiers (letters, digits, {@code _} and {@code .}).
 *
 * <p>Thread-safety: stateless.
 */
public final class KernelNames {
    private KernelNames() {
    }

    /**
     * The canonical spec text.
     *
     * @throws IllegalArgumentException if the number of inputs does not match the descriptor's
     */
    public static String spec(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        if (inputs.size() != descriptor.inputs().size()) {
            throw new IllegalArgumentException("operator '" + descriptor.name() + "' takes "
                    + descriptor.inputs().size() + " inputs, " + inputs.size() + " given");
        }
        List<String> args = new ArrayList<>();
        if (!isDefault(descriptor, inputs)) {
            for (String input : inputs) {
                args.add(normalize(input));
            }
        }
        String values = params.canonical();
        if (!values.isEmpty()) {
            args.add(normalize(values));
        }
        return descriptor.name() + "(" + String.join(",", args) + ")";
    }

    /** The output column names: the spec text for a single output, {@code spec.part} per part otherwise. */
    public static List<String> outputs(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        String spec = spec(descriptor, params, inputs);
        if (descriptor.singleOutput()) {
            return List.of(spec);
        }
        List<String> names = new ArrayList<>(descriptor.outputs().size());
        for (String part : descriptor.outputs()) {
            names.add(spec + "." + part);
        }
        return List.copyOf(names);
    }

    /** Whether the input columns are the descriptor's defaults, ignoring case. */
    public static boolean isDefault(OperatorDescriptor descriptor, List<String> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).trim().equalsIgnoreCase(descriptor.inputs().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
