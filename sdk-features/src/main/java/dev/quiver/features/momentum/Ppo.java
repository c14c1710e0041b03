package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Percentage price oscillator, {@code ppo(fast, slow, ma)}: the gap between a fast and a slow moving average as a
 * percentage of the slow one.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code fast} 2 to 100,000, default 12; {@code slow} 2 to 100,000, default 26, at least
 *       {@code fast} (TA-Lib swaps them silently; here that is an error); {@code ma}, {@code sma} (TA-Lib's
 *       default) or {@code ema}.</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up.</b> Each average is computed on its own from the first row (unlike {@code macd},
 *       whose fast EMA TA-Lib starts on the slow one's row): an EMA is seeded with the mean of its first
 *       {@code n} values. {@code slow − 1} warm-up rows (TA-Lib's lookback).</li>
 *   <li><b>Output scale.</b> Percent: {@code 100 · (fast − slow) / slow}; 0 where the slow average is exactly 0
 *       (TA-Lib: where it is within 1e-8 of 0, a threshold that depends on the price scale).</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_INT_PO}: running-sum SMA or SMA-seeded EMA, then {@code ((fast −
 *       slow)/slow)·100}); the
 *       outputs equal TA-Lib's bit for bit. R TTR has no such function; with {@code ma = ema} it is
 *       {@code EMA(x, fast) − EMA(x, slow)} there.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): as the chosen average treats them. With {@code sma} every window
 *       that holds one outputs {@code NaN}, and output resumes {@code slow} rows later; with {@code ema} the bar
 *       outputs {@code NaN} and is skipped, leaving the state unchanged.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Ppo {
    /** The published description of {@code ppo}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("ppo", "momentum",
            OperatorKind.TIME_SERIES,
            "Percentage price oscillator: 100 (fast MA - slow MA) / slow MA",
            PriceOscillator.PARAMS, List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (descriptor, params, inputs) -> new PriceOscillator.Kernel(descriptor, params, inputs, true));

    private Ppo() {
    }
}
