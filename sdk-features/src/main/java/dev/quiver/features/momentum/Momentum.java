package dev.quiver.features.momentum;

import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * The {@code momentum} family's scalar operators, in listing order. The scalar provider lists every family's.
 *
 * <p>Thread-safety: immutable.
 */
public final class Momentum {
    /** The operators of this family. */
    public static final List<Operator> OPERATORS = List.of(Rsi.OPERATOR,
            Macd.OPERATOR, Stoch.OPERATOR, StochF.OPERATOR, StochRsi.OPERATOR, WillR.OPERATOR, Cci.OPERATOR,
            Roc.OPERATOR, Mom.OPERATOR, Cmo.OPERATOR, Adx.OPERATOR, PlusDi.OPERATOR, MinusDi.OPERATOR, Dx.OPERATOR,
            Aroon.OPERATOR, AroonOsc.OPERATOR, Mfi.OPERATOR, UltOsc.OPERATOR, Trix.OPERATOR, Ppo.OPERATOR,
            Apo.OPERATOR);

    private Momentum() {
    }
}
