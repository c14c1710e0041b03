package dev.quiver.features.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.Device;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.ScalarKernelProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesModuleTest {

    @Test
    void bindsOneEngineOverTheDiscoveredProviders() {
        Injector injector = Guice.createInjector(new FeaturesModule());
        FeatureEngine engine = injector.getInstance(FeatureEngine.class);
        assertThat(injector.getInstance(FeatureEngine.class)).isSameAs(engine);
        assertThat(engine.operators()).extracting(OperatorDescriptor::name).contains("sma", "ema", "rsi");
        assertThat(engine.kernel("rsi(14)").outputs()).containsExactly("rsi(14)");
    }

    @Test
    void installingTheModuleTwiceIsHarmless() {
        Injector injector = Guice.createInjector(new FeaturesModule(), new FeaturesModule());
        assertThat(injector.getInstance(FeatureEngine.class)).isNotNull();
    }

    @Test
    void pluginProvidersJoinThroughTheMultibinder() {
        Injector injector = Guice.createInjector(new FeaturesModule(), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), FeatureKernelProvider.class).addBinding()
                        .toInstance(new RenamedScalar());
            }
        });
        FeatureEngine engine = injector.getInstance(FeatureEngine.class);
        assertThat(engine.providers()).extracting(p -> p.name()).contains("scalar", "plugin");
        // the plugin has the higher priority, so it serves the operators it shares with scalar
        assertThat(engine.provider("sma")).isInstanceOf(RenamedScalar.class);
    }

    @Test
    void theDeviceIsAutoUnlessBoundAndABoundDeviceKeepsThePlugins() {
        assertThat(Guice.createInjector(new FeaturesModule()).getInstance(FeatureEngine.class).device())
                .isEqualTo(Device.AUTO);
        Injector injector = Guice.createInjector(new FeaturesModule(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), Device.class).setBinding().toInstance(Device.CPU);
                Multibinder.newSetBinder(binder(), FeatureKernelProvider.class).addBinding()
                        .toInstance(new RenamedScalar());
            }
        });
        FeatureEngine engine = injector.getInstance(FeatureEngine.class);
        assertThat(engine.device()).isEqualTo(Device.CPU);
        assertThat(engine.provider("sma")).isInstanceOf(RenamedScalar.class);
    }

    /** A plugin that computes what scalar computes, under another name and a higher priority. */
    static final class RenamedScalar implements FeatureKernelProvider {
        private final ScalarKernelProvider scalar = new ScalarKernelProvider();

        @Override
        public String name() {
            return "plugin";
        }

        @Override
        public int priority() {
            return 500; // above every built-in provider (vector: 100)
        }

        @Override
        public List<OperatorDescriptor> operators() {
            return scalar.operators();
        }

        @Override
        public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
            return scalar.create(operatorName, params, inputs);
        }
    }
}
