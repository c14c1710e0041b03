package dev.quiver.features.volume;

import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * The {@code volume} family's scalar operators, in listing order. The scalar provider lists every family's.
 *
 * <p>Thread-safety: immutable.
 */
public final class Volume {
    /** The operators of this family. */
    public static final List<Operator> OPERATORS = List.of(Obv.OPERATOR, ChaikinAd.OPERATOR,
            ChaikinOscillator.OPERATOR, Cmf.OPERATOR, Vwap.OPERATOR);

    private Volume() {
    }
}
