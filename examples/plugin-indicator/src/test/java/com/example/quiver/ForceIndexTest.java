package com.example.quiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.testkit.FeatureKernelConformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ForceIndexTest {

    /** The conformance kit over every operator the plugin publishes. */
    @TestFactory
    Stream<DynamicNode> conformance() {
        return FeatureKernelConformance.forProvider(new ExampleKernelProvider()).build().tests();
    }

    @Test
    void theEngineDiscoversThePluginNextToTheBuiltInProviders() {
        FeatureEngine engine = FeatureEngine.create();
        assertThat(engine.providers()).extracting(p -> p.name()).contains("example", "scalar");
        assertThat(engine.provider("efi")).isInstanceOf(ExampleKernelProvider.class);
        assertThat(engine.provider("sma")).isNotInstanceOf(ExampleKernelProvider.class);
        assertThat(engine.operator("efi").orElseThrow().family()).isEqualTo("volume");
    }

    @Test
    void computesElderForceIndexOverAPanel() {
        FeatureEngine engine = FeatureEngine.create();
        FeatureKernel efi = engine.kernel("efi(2)");
        assertThat(efi.outputs()).containsExactly("efi(2)");
        assertThat(efi.warmUp()).isEqualTo(2);
        // forces: (11-10)*100 = 100, (10-11)*200 = -200, (12-10)*50 = 100, (12-12)*10 = 0
        // ema(2), alpha 2/3: seed (100 - 200)/2 = -50; then -50 + (100 + 50)*2/3 = 50; then 50 + (0 - 50)*2/3
        String[] symbols = {"A", "A", "A", "A", "A", "B", "B"};
        long[] times = {1, 2, 3, 4, 5, 1, 2};
        double[] close = {10, 11, 10, 12, 12, 5, 6};
        double[] volume = {1, 100, 200, 50, 10, 1, 1};
        try (Table input = TableBuilder.onHeap().string("Symbol", symbols).int64("Date", times)
                .float64("Close", close).float64("Volume", volume).build();
             Table out = engine.compute(Panel.of(input, "Symbol", "Date"), java.util.List.of(efi))) {
            double[] values = out.float64("efi(2)").toArray();
            assertThat(values[0]).isNaN();
            assertThat(values[1]).isNaN();
            assertThat(values[2]).isEqualTo(-50.0);
            assertThat(values[3]).isEqualTo(((100.0 - -50.0) * (2.0 / 3)) + -50.0);
            assertThat(values[4]).isEqualTo(((0.0 - values[3]) * (2.0 / 3)) + values[3]);
            assertThat(values[5]).as("symbol B: one force, still warming up").isNaN();
            assertThat(values[6]).isNaN();
        }
    }

    @Test
    void namesOtherColumnsInTheOutput() {
        FeatureKernel k = FeatureEngine.create().kernel("efi(adj_close, volume, 5)");
        assertThat(k.inputs()).containsExactly("adj_close", "volume");
        assertThat(k.outputs()).containsExactly("efi(adj_close,volume,5)");
        assertThatThrownBy(() -> k.incremental().update(1.0)).isInstanceOf(IllegalStateException.class);
    }
}
