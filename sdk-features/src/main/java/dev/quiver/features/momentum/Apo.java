package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Absolute price oscillator, {@code apo(fast, slow, ma)}: the fast moving average minus the slow one.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code fast} 2 to 100,000, default 12; {@code slow} 2 to 100,000, default 26, at least
 *       {@code fast} (TA-Lib swaps them silently; here that is an error); {@code ma}, {@code sma} (TA-Lib's
 *       default) or {@code ema}.</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up.</b> Each average is computed on its own from the first row (unlike {@code macd},
 *       whose fast EMA TA-Lib starts on the slow one's row): an EMA is seeded with the mean of its first
 *       {@code n} values. {@code slow − 1} warm-up rows (TA-Lib's lookback).</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_INT_PO}: running-sum SMA or SMA-seeded EMA, then {@code fast − slow});
 *       the
 *       outputs equal TA-Lib's bit for bit. R TTR has no such function; with {@code ma = ema} it is
 *       {@code EMA(x, fast) − EMA(x, slow)} there.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): as the chosen average treats them. With {@code sma} every window
 *       that holds one outputs {@code NaN}, and output resumes {@code slow} rows later; with {@code ema} the bar
 *       outputs {@code NaN} and is skipped, leaving the state unchanged.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Apo {
    /** The published description of {@code apo}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("apo", "momentum",
            OperatorKind.TIME_SERIES,
            "Absolute price oscillator: fast MA - slow MA",
            PriceOscillator.PARAMS, List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (descriptor, params, inputs) -> new PriceOscillator.Kernel(descriptor, params, inputs, false));

    private Apo() {
    }
}
