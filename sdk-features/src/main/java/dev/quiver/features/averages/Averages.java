package dev.quiver.features.averages;

import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * The {@code averages} family's scalar operators, in listing order. The scalar provider lists every family's.
 *
 * <p>Thread-safety: immutable.
 */
public final class Averages {
    /** The operators of this family. */
    public static final List<Operator> OPERATORS = List.of(Sma.OPERATOR, Ema.OPERATOR, Wma.OPERATOR,
            Dema.OPERATOR, Tema.OPERATOR, Trima.OPERATOR, Kama.OPERATOR, Hma.OPERATOR);

    private Averages() {
    }
}
