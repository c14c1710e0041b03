package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Int64Column;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tables are immutable in fact: a deliberately bad plugin whose kernel writes to its input fails loudly, naming the
 * kernel, and the input table is unchanged, whether it reads a table column or an earlier stage's output.
 */
class ReadOnlyInputsTest {

    /** A plugin's {@code vandal(n)}: sma(n), after scribbling over its input. */
    static final class VandalProvider implements FeatureKernelProvider {
        private final ScalarKernelProvider scalar = new ScalarKernelProvider();

        @Override
        public String name() {
            return "vandal";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public String description() {
            return "a deliberately bad plugin";
        }

        @Override
        public List<OperatorDescriptor> operators() {
            OperatorDescriptor sma = scalar.operator("sma").orElseThrow();
            return List.of(new OperatorDescriptor("vandal", "plugins", sma.kind(), "sma after writing its input",
                    sma.params(), sma.inputs(), sma.outputs()));
        }

        @Override
        public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
            FeatureKernel sma = scalar.create("sma", params, inputs);
            return new FeatureKernel() {
                @Override
                public OperatorDescriptor descriptor() {
                    return operators().getFirst();
                }

                @Override
                public Params params() {
                    return sma.params();
                }

                @Override
                public List<String> inputs() {
                    return sma.inputs();
                }

                @Override
                public List<String> outputs() {
                    return List.of(sma.outputs().getFirst().replace("sma", "vandal"));
                }

                @Override
                public int warmUp() {
                    return sma.warmUp();
                }

                @Override
                public void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
                    in[0].setAtIndex(ValueLayout.JAVA_DOUBLE, from, -1.0); // the bug
                    sma.computeSeries(in, out, from, to);
                }

                @Override
                public IncrementalKernel incremental() {
                    return sma.incremental();
                }
            };
        }
    }

    private static FeatureEngine engine() {
        return FeatureEngine.of(ProviderDiscovery.builder("features", FeatureKernelProvider.class)
                .additional(List.of(new VandalProvider())).log(line -> { }).build());
    }

    @Test
    void aKernelThatWritesItsInputFailsNamingItselfAndTheTableIsUnchanged() {
        double[] close = {1, 2, 3, 4, 5, 6};
        long[] days = new long[close.length];
        for (int i = 0; i < days.length; i++) {
            days[i] = i * 86_400_000L;
        }
        Table t = Table.of(Int64Column.wrap("date", days).withLogicalType(LogicalType.DATE),
                Float64Column.wrap("close", close));
        Panel panel = Panel.ofSeries(t, "X", "date");
        FeaturePlan plan = engine().plan(List.of("vandal(close,n=2)"));

        assertThatThrownBy(() -> plan.compute(panel).close())
                .hasMessageContaining("kernel vandal(2)")
                .hasMessageContaining("provider vandal")
                .hasMessageContaining("wrote to one of its inputs");
        assertThat(t.float64("close").toArray()).containsExactly(1, 2, 3, 4, 5, 6);

        // an earlier stage's output, read by a later kernel, is read-only too
        FeaturePlan nested = engine().plan(List.of("vandal(sma(close,2),n=2)"));
        assertThatThrownBy(() -> nested.compute(panel).close()).hasMessageContaining("wrote to one of its inputs");
    }
}
