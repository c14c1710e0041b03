package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * Aroon oscillator, {@code aroonosc(n)}: Aroon up minus Aroon down ({@link Aroon}), −100 to 100.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n} 2 to 100,000, default 14 (TA-Lib's).</li>
 *   <li><b>Inputs.</b> {@code high, low}.</li>
 *   <li><b>Warm-up.</b> {@code n} rows, as {@code aroon}.</li>
 *   <li><b>Output scale.</b> −100 to 100. R TTR's {@code aroon(HL, n)} column {@code oscillator} agrees where both
 *       extremes lie within its shorter window (see {@code aroon}).</li>
 *   <li><b>Arithmetic.</b> TA-Lib's ({@code TA_AROONOSC}: {@code (100.0/n)·(highestIdx − lowestIdx)}, not the
 *       difference of the two rounded parts); the outputs equal TA-Lib's bit for bit.</li>
 *   <li><b>Missing values</b>: as {@code aroon}.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class AroonOsc {
    /** The published description of {@code aroonosc}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("aroonosc", "momentum",
            OperatorKind.TIME_SERIES, "Aroon oscillator: Aroon up - Aroon down, -100..100",
            List.of(ParamSpec.ofInt("n", 14, 2, 100_000, "look-back in bars; the window spans n + 1 bars")),
            List.of("high", "low"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR,
            (descriptor, params, inputs) -> new Aroon.Kernel(descriptor, params, inputs, true));

    private AroonOsc() {
    }
}
