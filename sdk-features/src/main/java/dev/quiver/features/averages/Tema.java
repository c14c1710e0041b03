package dev.quiver.features.averages;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Triple exponential moving average, {@code tema(n)}: {@code 3·EMA − 3·EMA(EMA) + EMA(EMA(EMA))}, Mulloy's lag-reduced EMA.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the span of every EMA, 1 to 100,000; default 30 (TA-Lib's).</li>
 *   <li><b>Input.</b> One column, default {@code close}.</li>
 *   <li><b>Seeding and warm-up.</b> Each EMA ({@code α = 2/(n+1)}) is seeded with the mean of the first {@code n}
 *       values it receives, as {@link Ema}: the first at row {@code n − 1}, each further one {@code n − 1} rows
 *       later. {@code 3·(n − 1)} warm-up rows. TA-Lib ({@code TEMA}) seeds the same way. The TTR oracle has no TEMA column.</li>
 *   <li><b>Output scale.</b> The input's units.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's: {@link Ema}'s recursion for each EMA, then {@code e₃ + ((3.0·e₁) − (3.0·e₂))}; the outputs equal TA-Lib's
 *       {@code TEMA} bit for bit.</li>
 *   <li><b>Missing values</b> ({@code NaN}, ±∞): as {@link Ema}, the bar outputs {@code NaN} and every EMA is left
 *       unchanged, so outputs at finite bars equal those of the series with the missing bars removed.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Tema {
    /** TA-Lib's default span. */
    public static final int DEFAULT_N = 30;

    /** The published description of {@code tema}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("tema", "averages",
            OperatorKind.TIME_SERIES, "Triple exponential moving average: 3*EMA - 3*EMA(EMA) + EMA(EMA(EMA))",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "span of each EMA in bars; alpha = 2/(n+1)")),
            List.of("close"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, (d, p, in) -> new ChainedEma(d, p, in, 3));

    private Tema() {
    }
}
