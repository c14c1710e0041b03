package dev.quiver.backtest.strategy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.ScalarKernelProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feature engine the built-in strategies take their indicators from: created on first use and shared, since
 * discovering providers once per run would cost more than the run; and its kernels, one per indicator and length,
 * made on first use and shared by every run (each run takes its own incremental state from them, or reads their batch
 * column over its panel). {@code sma} comes from the scalar provider, whose batch and incremental forms agree bit
 * for bit.
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
        // sma from the scalar provider, whose batch kernel and incremental state give the same bits (the testkit
        // proves it), so a strategy may read the batch column or step the state and trade the same
        static final FeatureEngine SCALAR_SMA = FeatureEngine.builder().provider("sma", ScalarKernelProvider.NAME)
                .build();
    }

    static FeatureEngine engine() {
        return Holder.ENGINE;
    }

    static FeatureKernel sma(int n) {
        return SMA.computeIfAbsent(n, k -> Holder.SCALAR_SMA.kernel("sma", Map.of("n", k)));
    }

    static FeatureKernel rsi(int n) {
        return RSI.computeIfAbsent(n, k -> engine().kernel("rsi", Map.of("n", k)));
    }
}
