package dev.quiver.features.overlays;

import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * The {@code overlays} family's scalar operators (bands and stops drawn over the price), in listing order. The
 * scalar provider lists every family's.
 *
 * <p>Thread-safety: immutable.
 */
public final class Overlays {
    /** The operators of this family. */
    public static final List<Operator> OPERATORS = List.of(Bbands.OPERATOR, Keltner.OPERATOR, Donchian.OPERATOR,
            Sar.OPERATOR);

    private Overlays() {
    }
}
