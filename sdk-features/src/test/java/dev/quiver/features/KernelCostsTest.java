package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.kernel.OperatorCatalog;
import dev.quiver.features.kernel.SingleInputKernel;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost model that chooses between providers of one operator by timing their kernels. */
class KernelCostsTest {
    static final Duration WARM_UP = Duration.ofMillis(20);
    static final OperatorDescriptor TWICE = new OperatorDescriptor("twice", "test", OperatorKind.TIME_SERIES,
            "twice the input", List.<ParamSpec>of(), List.of("close"), List.of(""));

    /** Computes twice its input, {@code work} times over (so that its cost is known to be larger), counting rows. */
    static final class TwiceProvider implements FeatureKernelProvider {
        final String name;
        final int priority;
        final int work;
        final AtomicLong rows = new AtomicLong();

        TwiceProvider(String name, int priority, int work) {
            this.name = name;
            this.priority = priority;
            this.work = work;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public List<OperatorDescriptor> operators() {
            return List.of(TWICE);
        }

        @Override
        public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
            return OperatorCatalog.of(name, List.of(Operator.of(TWICE, (d, p, in) ->
                    new SingleInputKernel(d, p, in, 0) {
                        @Override
                        protected void computeRange(MemorySegment i, MemorySegment o, int from, int to) {
                            rows.addAndGet(to - from);
                            for (int w = 0; w < work; w++) {
                                for (int r = from; r < to; r++) {
                                    double x = i.getAtIndex(ValueLayout.JAVA_DOUBLE, r);
                                    o.setAtIndex(ValueLayout.JAVA_DOUBLE, r, Math.sqrt(x * x + w) + x);
                                }
                            }
                        }

                        @Override
                        public IncrementalKernel incremental() {
                            throw new UnsupportedOperationException();
                        }
                    }))).create(operatorName, params, inputs);
        }
    }

    @Test
    void aMuchFasterLessPreferredProviderWinsAndTheChoiceIsMeasuredOnce() {
        TwiceProvider slow = new TwiceProvider("slow", 200, 40);
        TwiceProvider fast = new TwiceProvider("fast", 100, 1);
        KernelCosts costs = KernelCosts.measuring(null, WARM_UP);
        assertThat(costs.choose("twice", List.of(slow, fast)).name()).isEqualTo("fast");
        long measured = slow.rows.get() + fast.rows.get();
        assertThat(measured).isPositive();
        assertThat(costs.choose("twice", List.of(slow, fast)).name()).isEqualTo("fast");
        assertThat(slow.rows.get() + fast.rows.get()).as("a second choice measures nothing").isEqualTo(measured);
        KernelCosts.Choice c = costs.choices().get(0);
        assertThat(c.operator()).isEqualTo("twice");
        assertThat(c.source()).isEqualTo("measured");
        assertThat(c.nanosPerValue().get("slow")).isGreaterThan(5 * c.nanosPerValue().get("fast"));
        assertThat(c.describe()).startsWith("twice: fast (slow ").contains("ns per value; measured");
    }

    @Test
    void nearTiesStayWithTheMostPreferredProvider() {
        TwiceProvider a = new TwiceProvider("a", 200, 3);
        TwiceProvider b = new TwiceProvider("b", 100, 3);
        // the same kernel: the margin keeps the preferred one whatever the timing noise
        assertThat(KernelCosts.measuring(null, WARM_UP).choose("twice", List.of(a, b)).name()).isEqualTo("a");
    }

    @Test
    void priorityModeNeverMeasuresAndNeitherDoesAFileModelWithoutCosts(@TempDir Path dir) {
        TwiceProvider slow = new TwiceProvider("slow", 200, 40);
        TwiceProvider fast = new TwiceProvider("fast", 100, 1);
        assertThat(KernelCosts.priorities().choose("twice", List.of(slow, fast)).name()).isEqualTo("slow");
        KernelCosts file = KernelCosts.persistent(dir.resolve("absent.properties"));
        assertThat(file.choose("twice", List.of(slow, fast)).name()).isEqualTo("slow");
        assertThat(file.choices().get(0).describe()).isEqualTo("twice: slow (no measured costs; priority)");
        assertThat(slow.rows.get() + fast.rows.get()).isZero();
        assertThat(KernelCosts.fromProperties(Map.of(KernelCosts.MODE_PROPERTY, "priority")::get))
                .isSameAs(KernelCosts.priorities());
        assertThat(KernelCosts.fromProperties(Map.of(KernelCosts.MODE_PROPERTY, "measure")::get)
                .measuresOnFirstUse()).isTrue();
        assertThat(KernelCosts.fromProperties(Map.of("user.home", dir.toString())::get).file())
                .contains(dir.resolve(".cache/quiver/kernel-costs.properties"));
        assertThat(KernelCosts.fromProperties(Map.of(KernelCosts.FILE_PROPERTY, "none")::get))
                .isSameAs(KernelCosts.priorities());
        assertThatThrownBy(() -> KernelCosts.fromProperties(Map.of(KernelCosts.MODE_PROPERTY, "fastest")::get))
                .hasMessageContaining("quiver.features.costs=fastest")
                .hasMessageContaining("'file', 'measure' or 'priority'");
    }

    @Test
    void costsPersistInAFileThatASecondProcessReadsInsteadOfMeasuring(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/kernel-costs.properties");
        TwiceProvider slow = new TwiceProvider("slow", 200, 40);
        TwiceProvider fast = new TwiceProvider("fast", 100, 1);
        List<String> heard = new ArrayList<>();
        List<KernelCosts.Choice> made = KernelCosts.persistent(file).calibrate(List.of(fast, slow), WARM_UP,
                (done, total, next) -> heard.add(done + "/" + total + " " + next));
        assertThat(made).extracting(KernelCosts.Choice::provider).containsExactly("fast");
        assertThat(heard).containsExactly("0/2 twice (warm-up)", "1/2 twice", "2/2 ");
        String text = Files.readString(file);
        assertThat(text).contains("fingerprint=").contains("twice.slow=").contains("twice.fast=");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).as("no temporary file left").containsExactly(file);
        }

        TwiceProvider slow2 = new TwiceProvider("slow", 200, 40);
        TwiceProvider fast2 = new TwiceProvider("fast", 100, 1);
        KernelCosts second = KernelCosts.persistent(file);
        assertThat(second.choose("twice", List.of(slow2, fast2)).name()).isEqualTo("fast");
        assertThat(slow2.rows.get() + fast2.rows.get()).as("read from the file, not measured").isZero();
        assertThat(second.choices().get(0).source()).isEqualTo("file");
        assertThatThrownBy(() -> KernelCosts.priorities().calibrate(List.of(slow2), WARM_UP, (d, t, n) -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFileFromAnotherMachineOrACorruptOneIsIgnoredAndRewritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("kernel-costs.properties");
        for (String content : List.of("fingerprint=another machine\ntwice.slow=1\ntwice.fast=100\n",
                "fingerprint=" + KernelCosts.fingerprint().replace("\\", "\\\\") + "\ntwice.slow=oops\ntwice.fast=1\n",
                "\\u00zz broken")) {
            Files.writeString(file, content);
            TwiceProvider slow = new TwiceProvider("slow", 200, 40);
            TwiceProvider fast = new TwiceProvider("fast", 100, 1);
            assertThat(KernelCosts.persistent(file).choose("twice", List.of(slow, fast)).name())
                    .as("the file's costs are not used: " + content).isEqualTo("slow");
            assertThat(KernelCosts.measuring(file, WARM_UP).choose("twice", List.of(slow, fast)).name())
                    .as(content).isEqualTo("fast");
            assertThat(slow.rows.get()).as("measured again: " + content).isPositive();
            assertThat(Files.readString(file)).contains("fingerprint=" + KernelCosts.fingerprint().split("\\|")[0])
                    .doesNotContain("another machine").doesNotContain("oops");
        }
    }

    @Test
    void theEngineUsesTheCostModelAndOverridesComeFirst() {
        TwiceProvider slow = new TwiceProvider("slow", 200, 40);
        TwiceProvider fast = new TwiceProvider("fast", 100, 1);
        ProviderDiscovery<FeatureKernelProvider> d = ProviderDiscovery
                .builder("features", FeatureKernelProvider.class)
                .providers(List.<Supplier<? extends FeatureKernelProvider>>of(() -> slow, () -> fast,
                        ScalarKernelProvider::new))
                .systemProperties(k -> null).environment(k -> null).build();
        FeatureEngine measured = FeatureEngine.builder().discovery(d).costs(KernelCosts.measuring(null, WARM_UP)).build();
        assertThat(measured.provider("twice").name()).isEqualTo("fast");
        assertThat(measured.plan(List.of("twice")).explain()).contains("[fast");
        assertThat(measured.provider("sma").name()).as("one provider: nothing to measure").isEqualTo("scalar");

        FeatureEngine pinned = FeatureEngine.builder().discovery(d).costs(KernelCosts.measuring(null, WARM_UP))
                .provider("twice", "slow").build();
        assertThat(pinned.provider("TWICE").name()).isEqualTo("slow");
        FeatureEngine byPriority = FeatureEngine.builder().discovery(d).costs(KernelCosts.priorities()).build();
        assertThat(byPriority.provider("twice").name()).isEqualTo("slow");

        FeatureEngine wrong = FeatureEngine.builder().discovery(d).provider("twice", "scalar").build();
        assertThatThrownBy(() -> wrong.provider("twice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("provider 'scalar', chosen for operator 'twice'");

        Map<String, String> props = new HashMap<>();
        props.put("quiver.features.provider", "slow");
        ProviderDiscovery<FeatureKernelProvider> global = ProviderDiscovery
                .builder("features", FeatureKernelProvider.class)
                .providers(List.<Supplier<? extends FeatureKernelProvider>>of(() -> slow, () -> fast,
                        ScalarKernelProvider::new))
                .systemProperties(props::get).environment(k -> null).build();
        assertThat(FeatureEngine.builder().discovery(global).costs(KernelCosts.measuring(null, WARM_UP)).build()
                .provider("twice").name()).as("the global choice comes first").isEqualTo("slow");
    }

    @Test
    void theBuiltInProvidersAreMeasuredOnTheirRealKernels() {
        FeatureEngine engine = FeatureEngine.builder().costs(KernelCosts.measuring(null, WARM_UP)).build();
        assertThat(engine.provider("sma").name()).isIn("scalar", "vector");
        // where the vector provider is available, sma was timed on both
        for (KernelCosts.Choice c : engine.costs().choices()) {
            assertThat(c.nanosPerValue()).containsKeys("scalar", "vector");
            assertThat(c.nanosPerValue().values()).allSatisfy(ns -> assertThat(ns).isPositive().isLessThan(1e4));
        }
    }
}
