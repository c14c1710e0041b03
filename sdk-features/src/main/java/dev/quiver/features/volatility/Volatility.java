package dev.quiver.features.volatility;

import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * The {@code volatility} family's scalar operators, in listing order. The scalar provider lists every family's.
 *
 * <p>Thread-safety: immutable.
 */
public final class Volatility {
    /** The operators of this family. */
    public static final List<Operator> OPERATORS = List.of(TrueRange.OPERATOR, Atr.OPERATOR, Atr.NATR_OPERATOR,
            StdDev.OPERATOR, StdDev.VAR_OPERATOR);

    private Volatility() {
    }
}
