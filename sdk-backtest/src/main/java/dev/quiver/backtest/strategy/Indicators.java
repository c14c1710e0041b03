package dev.quiver.backtest.strategy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feature engine the built-in strategies take their indicators from: created on first use and shared, since
 * discovering providers once per run would cost more than the run; and its kernels, one per indicator and length,
 * made on first use and shared by every run (each run takes its own incremental state from them).
 *
 * <p>Thread-safety: thread-safe (the engine is immutable; its holder is initialised once by the JVM).
 */
final class Indicators {
    private Indicators() {
    }

    // kernels are immutable: one per length serves every run (a lookup in the engine costs more than a short run)
    private static final Map<Integer, FeatureKernel> SMA = new ConcurrentHashMap<>();
    private static final Map<Integer, FeatureKernel> RSI = new ConcurrentHashMap<>();

    private static final class Holder {
        static final FeatureEngine ENGINE = FeatureEngine.create();
    }

    static FeatureEngine engine() {
        return Holder.ENGINE;
    }

    static FeatureKernel sma(int n) {
        return SMA.computeIfAbsent(n, k -> engine().kernel("sma", Map.of("n", k)));
    }

    static FeatureKernel rsi(int n) {
        return RSI.computeIfAbsent(n, k -> engine().kernel("rsi", Map.of("n", k)));
    }
}
