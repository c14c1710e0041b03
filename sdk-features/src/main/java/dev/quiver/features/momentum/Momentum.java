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
    public static final List<Operator> OPERATORS = List.of(Rsi.OPERATOR);

    private Momentum() {
    }
}
