package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.api.provider.ProviderDiscovery;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ScalarKernelProviderTest {
    private final ScalarKernelProvider scalar = new ScalarKernelProvider();

    @Test
    void isTheAlwaysAvailableReference() {
        assertThat(scalar.name()).isEqualTo("scalar");
        assertThat(scalar.priority()).isZero();
        assertThat(scalar.availability().available()).isTrue();
        // each family lists its own operators, in family order (averages first); other families add theirs
        assertThat(scalar.operators()).extracting(OperatorDescriptor::name).containsSubsequence("sma", "ema", "rsi");
        assertThat(scalar.operators()).extracting(OperatorDescriptor::name).contains("xs_rank", "xs_zscore");
        assertThat(scalar.supports("rsi")).isTrue();
        assertThat(scalar.supports("nosuch")).isFalse();
    }

    @Test
    void serviceLoaderFindsIt() {
        assertThat(ServiceLoader.load(FeatureKernelProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(ScalarKernelProvider.class);
        ProviderDiscovery<FeatureKernelProvider> discovery =
                ProviderDiscovery.load("features", FeatureKernelProvider.class);
        assertThat(discovery.describe()).anySatisfy(info -> {
            assertThat(info.name()).isEqualTo("scalar");
            assertThat(info.available()).isTrue();
        });
        assertThat(discovery.get("scalar")).isInstanceOf(ScalarKernelProvider.class);
    }

    @Test
    void createsAKernelWithDefaultOrExplicitInputs() {
        Params p = Params.bind(scalar.operator("ema").orElseThrow().params(), Map.of("n", "10"));
        FeatureKernel k = scalar.create("ema", p, List.of());
        assertThat(k.inputs()).containsExactly("close");
        assertThat(k.outputs()).containsExactly("ema(10)");
        FeatureKernel high = scalar.create("ema", p, List.of("High"));
        assertThat(high.inputs()).containsExactly("High");
        assertThat(high.outputs()).containsExactly("ema(high,10)");
        assertThat(high.params()).isEqualTo(p);
        assertThat(high.descriptor().name()).isEqualTo("ema");
    }

    @Test
    void rejectsAnUnknownOperator() {
        assertThatThrownBy(() -> scalar.create("nosuch", Params.none(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the scalar provider has no operator 'nosuch'; its operators are "
                        + String.join(", ", scalar.operators().stream().map(OperatorDescriptor::name).sorted()
                                .toList()));
    }

    @Test
    void rejectsTheWrongNumberOfInputs() {
        Params p = Params.bind(scalar.operator("sma").orElseThrow().params(), Map.of());
        assertThatThrownBy(() -> scalar.create("sma", p, List.of("high", "low")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("operator 'sma' takes 1 input column (close), 2 given: [high, low]");
        assertThatThrownBy(() -> scalar.create("sma", p, List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator 'sma': input 0 (close) has a blank column name");
    }

    @Test
    void rejectsParametersBoundToOtherDeclarations() {
        assertThatThrownBy(() -> scalar.create("rsi", Params.none(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator 'rsi': the parameters were bound to () but it declares (n)");
    }

    @Test
    void rejectsAWindowOfZero() {
        assertThatThrownBy(() -> Params.bind(scalar.operator("sma").orElseThrow().params(), Map.of("n", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'n': '0' is not a whole number in [1, 100000]");
    }
}
