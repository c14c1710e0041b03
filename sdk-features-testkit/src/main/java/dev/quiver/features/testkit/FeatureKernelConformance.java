package dev.quiver.features.testkit;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.ParamType;
import dev.quiver.api.param.Params;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * The conformance tests of the {@link FeatureKernel} contract, as JUnit 5 dynamic tests that any provider's kernels
 * can run: one container per kernel, one test per check.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> conformance() {
 *     return FeatureKernelConformance.forProvider(new MyProvider()).build().tests();
 * }
 * }</pre>
 *
 * <h2>Kernels</h2>
 * By default every operator the provider {@link FeatureKernelProvider#operators() publishes}, each with its default
 * parameters and, if its first parameter is an integer, with that parameter at its minimum, minimum + 1, 3, 20 and
 * 250 (where in range; a combination the provider rejects with {@code IllegalArgumentException} is skipped), over its
 * default input columns. {@link Builder#operators}, {@link Builder#params} and {@link Builder#kernel} narrow or add.
 *
 * <h2>Checks of a time-series kernel</h2>
 * On {@link SyntheticBars} (input roles {@code open}, {@code high}, {@code low}, {@code close}, {@code volume} by
 * name; other roles get their own walk):
 * <ul>
 *   <li><b>names</b>: one output per descriptor part, named {@code spec} or {@code spec.part}, lower case, without
 *       spaces, distinct; one input per role; parameters bound to the descriptor's declarations; warm-up ≥ 0;</li>
 *   <li><b>warm-up</b>: on gap-free bars the first {@code warmUp()} rows of every output are {@code NaN} and every
 *       later row is finite;</li>
 *   <li><b>batch equals incremental</b>, on gap-free bars and on bars with missing values: bit for bit, or within
 *       the operator's {@link Builder#tolerance tolerance};</li>
 *   <li><b>missing values</b>: all-{@code NaN}, infinite and gappy inputs never throw, and every output row is
 *       written;</li>
 *   <li><b>empty and short series</b>: 0 rows, and every length from 1 to {@code warmUp() + 2} (at most 40), agree
 *       with the incremental form and have their warm-up rows {@code NaN};</li>
 *   <li><b>range</b>: {@code computeSeries(from, to)} writes only rows {@code [from, to)} and equals the same rows
 *       computed alone;</li>
 *   <li><b>determinism</b>: the same input gives the same bits twice, and {@code compute(panel)} over a panel of
 *       series of uneven lengths gives each series' {@code computeSeries} bits;</li>
 *   <li><b>thread safety</b>: one kernel, 8 threads computing 16 different series (and whole panels) at once,
 *       gives the single-threaded bits;</li>
 *   <li><b>incremental state</b>: {@code count()} counts, {@code reset()} forgets;</li>
 *   <li><b>shapes</b>: {@code compute} with a wrong number or size of segments throws
 *       {@code IllegalArgumentException}; rows outside the segments are rejected;</li>
 *   <li><b>reference</b> (if {@link Builder#reference} names one that has the operator): equal to the reference
 *       provider's kernel, bit for bit or within the tolerance, per series and over a panel.</li>
 * </ul>
 * A cross-sectional kernel gets the names, missing-values, empty and one-row panel, determinism, thread-safety and
 * reference checks over {@code compute(panel)}, and must throw {@code UnsupportedOperationException} from
 * {@code computeSeries} and {@code incremental()}.
 *
 * <p>Thread-safety: immutable once built; {@link #tests()} may be called from any thread.
 */
public final class FeatureKernelConformance {
    private final FeatureKernelProvider provider;
    private final FeatureKernelProvider reference;
    private final List<FeatureKernel> kernels;
    private final Map<String, Double> tolerances;

    private FeatureKernelConformance(Builder b) {
        this.provider = b.provider;
        this.reference = b.reference;
        this.tolerances = Map.copyOf(b.tolerances);
        List<FeatureKernel> ks = new ArrayList<>(b.kernels);
        if (b.kernels.isEmpty() || !b.params.isEmpty() || b.operators != null) {
            ks.addAll(kernelsOf(b));
        }
        this.kernels = List.copyOf(ks);
    }

    /** A builder of the tests of this provider's kernels. */
    public static Builder forProvider(FeatureKernelProvider provider) {
        return new Builder(Objects.requireNonNull(provider, "provider"));
    }

    /** The kernels under test, in order. */
    public List<FeatureKernel> kernels() {
        return kernels;
    }

    /** One container per kernel, named {@code provider: output}, holding one dynamic test per check. */
    public Stream<DynamicNode> tests() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (FeatureKernel k : kernels) {
            String op = k.descriptor().name();
            double tolerance = tolerances.getOrDefault(op, 0.0);
            FeatureKernel ref = referenceKernel(k);
            Checks checks = new Checks(k, tolerance, ref);
            nodes.add(DynamicContainer.dynamicContainer(provider.name() + ": " + String.join(" ", k.outputs()),
                    checks.all().entrySet().stream()
                            .map(e -> DynamicTest.dynamicTest(e.getKey(), e.getValue()))));
        }
        return nodes.stream();
    }

    /**
     * Runs every check of every kernel, for callers without JUnit 5's dynamic tests.
     *
     * @throws AssertionError listing every check that failed
     */
    public void assertConforms() {
        List<String> failures = new ArrayList<>();
        for (FeatureKernel k : kernels) {
            Checks checks = new Checks(k, tolerances.getOrDefault(k.descriptor().name(), 0.0), referenceKernel(k));
            for (Map.Entry<String, Executable> e : checks.all().entrySet()) {
                try {
                    e.getValue().execute();
                } catch (Throwable ex) { // a check's failure, whatever its type, is reported with the others
                    failures.add(provider.name() + ": " + k.outputs().get(0) + ": " + e.getKey() + ": "
                            + ex.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " conformance check(s) failed:\n  "
                    + String.join("\n  ", failures));
        }
    }

    private FeatureKernel referenceKernel(FeatureKernel k) {
        if (reference == null || !reference.supports(k.descriptor().name())) {
            return null;
        }
        return reference.create(k.descriptor().name(), k.params(), k.inputs());
    }

    private static List<FeatureKernel> kernelsOf(Builder b) {
        List<FeatureKernel> result = new ArrayList<>();
        for (OperatorDescriptor d : b.provider.operators()) {
            if (b.operators != null && !b.operators.contains(d.name())) {
                continue;
            }
            List<Map<String, String>> explicit = b.params.get(d.name());
            if (explicit != null) {
                for (Map<String, String> values : explicit) {
                    result.add(b.provider.create(d.name(), Params.bind(d.params(), values), List.of()));
                }
                continue;
            }
            result.add(b.provider.create(d.name(), Params.bind(d.params(), Map.of()), List.of()));
            for (Params p : variants(d)) {
                try {
                    result.add(b.provider.create(d.name(), p, List.of()));
                } catch (IllegalArgumentException e) {
                    // a combination the operator rejects (say, a fast period above the slow one): not a variant
                }
            }
        }
        if (result.isEmpty() && b.kernels.isEmpty()) {
            throw new IllegalStateException("provider '" + b.provider.name() + "' has none of the operators "
                    + (b.operators == null ? "" : b.operators + " ") + "to test");
        }
        return result;
    }

    private static List<Params> variants(OperatorDescriptor d) {
        Set<Params> variants = new LinkedHashSet<>();
        if (!d.params().isEmpty() && d.params().get(0).type() == ParamType.INT) {
            ParamSpec first = d.params().get(0);
            Params defaults = Params.bind(d.params(), Map.of());
            for (double v : new double[] {first.min(), first.min() + 1, 3, 20, 250}) {
                if (v >= first.min() && v <= first.max()) {
                    try {
                        Params p = Params.bind(d.params(), Map.of(first.name(), Long.toString((long) v)));
                        if (!p.equals(defaults)) {
                            variants.add(p);
                        }
                    } catch (IllegalArgumentException e) {
                        // out of the declared range after all
                    }
                }
            }
        }
        return List.copyOf(variants);
    }

    @Override
    public String toString() {
        return "FeatureKernelConformance[" + provider.name() + ", " + kernels.size() + " kernels]";
    }

    /**
     * Configures a {@link FeatureKernelConformance}.
     *
     * <p>Thread-safety: not thread-safe; build on one thread.
     */
    public static final class Builder {
        private final FeatureKernelProvider provider;
        private FeatureKernelProvider reference;
        private Set<String> operators;
        private final Map<String, List<Map<String, String>>> params = new LinkedHashMap<>();
        private final List<FeatureKernel> kernels = new ArrayList<>();
        private final Map<String, Double> tolerances = new HashMap<>();

        private Builder(FeatureKernelProvider provider) {
            this.provider = provider;
        }

        /** Tests only these operators of the provider (by default, all it publishes). */
        public Builder operators(String... names) {
            operators = new LinkedHashSet<>(List.of(names));
            return this;
        }

        /**
         * Tests this operator with these parameter values (by name, as text) instead of the generated variants; call
         * again to add more.
         */
        public Builder params(String operator, Map<String, String> values) {
            params.computeIfAbsent(operator, k -> new ArrayList<>()).add(Map.copyOf(values));
            return this;
        }

        /**
         * Tests this kernel too. With only explicit kernels and no {@link #operators} or {@link #params} call, the
         * provider's operators are not tested.
         */
        public Builder kernel(FeatureKernel kernel) {
            kernels.add(Objects.requireNonNull(kernel, "kernel"));
            return this;
        }

        /**
         * Lets this operator's batch form differ from its incremental form (and from the reference) by a relative
         * tolerance: values agree when both are {@code NaN}, or {@code |a − b| ≤ relative · max(|a|, |b|)}. The
         * default is 0: bit for bit.
         *
         * @throws IllegalArgumentException if {@code relative} is negative or not finite
         */
        public Builder tolerance(String operator, double relative) {
            if (!(relative >= 0) || Double.isInfinite(relative)) {
                throw new IllegalArgumentException("tolerance must be finite and >= 0: " + relative);
            }
            tolerances.put(operator, relative);
            return this;
        }

        /** Also compares each kernel with the same operator's kernel from this provider (e.g. the scalar one). */
        public Builder reference(FeatureKernelProvider reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
            return this;
        }

        /**
         * The tests.
         *
         * @throws IllegalArgumentException if the provider rejects an operator's default or explicit parameters
         * @throws IllegalStateException if there is nothing to test
         */
        public FeatureKernelConformance build() {
            return new FeatureKernelConformance(this);
        }
    }
}
