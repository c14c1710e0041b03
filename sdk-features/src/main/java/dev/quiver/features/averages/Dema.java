package dev.quiver.features.averages;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Double exponential moving average, {@code dema(n)}: {@code 2·EMA − EMA(EMA)}, Mulloy's lag-reduced EMA.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the span of every EMA, 1 to 100,000; default 30 (TA-Lib's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up.</b> Each EMA ({@code α = 2/(n+1)}) is seeded with the mean of the first {@code n}
 *       values it receives, as {@link Ema}: the first at row {@code n − 1}, each further one {@code n − 1} rows
 *       later. {@code 2·(n − 1)} warm-up rows. TA-Lib ({@code DEMA}) seeds the same way. R TTR ({@code DEMA(x, n)}) agrees; its {@code dema20} column matches within 1e-12 relative.</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: {@link Ema}'s recursion for each EMA, then {@code (2.0·e₁) − e₂}; the outputs equal TA-Lib's
 *       {@code DEMA} bit for bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): as {@link Ema}, the bar outputs {@code NaN} and every EMA is left
 *       unchanged, so outputs at finite bars equal those of the series with the missing bars removed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Dema {
    /** TA-Lib's default span. */
    public static final int DEFAULT_N = 30;

    /** The published description of {@code dema}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("dema", "averages",
            OperatorKind.TIME_SERIES, "Double exponential moving average: 2*EMA - EMA(EMA)",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "span of each EMA in bars; alpha = 2/(n+1)")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, (d, p, in) -> new ChainedEma(d, p, in, 2));

    private Dema() {
    }
}
