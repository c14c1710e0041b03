package dev.quiver.backtest.strategy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import java.util.Map;

/**
 * The feature engine the built-in strategies take their indicators from: created on first use and shared, since
 * discovering providers once per run would cost more than the run.
 *
 * <p>Thread-safety: thread-safe (the engine is immutable; its holder is initialised once by the JVM).
 */
final class Indicators {
    private Indicators() {
    }

    private static final class Holder {
        static final FeatureEngine ENGINE = FeatureEngine.create();
    }

    static FeatureEngine engine() {
        return Holder.ENGINE;
    }

    static FeatureKernel sma(int n) {
        return engine().kernel("sma", Map.of("n", n));
    }

    static FeatureKernel rsi(int n) {
        return engine().kernel("rsi", Map.of("n", n));
    }
}
