package dev.quiver.features.statistics;

import dev.quiver.features.kernel.Operator;
import java.util.List;

/**
 * The {@code statistics} family's scalar operators, in listing order. The scalar provider lists every family's.
 *
 * <p>Thread-safety: immutable.
 */
public final class Statistics {
    /** The operators of this family. */
    public static final List<Operator> OPERATORS = List.of(SimpleReturn.OPERATOR, LogReturn.OPERATOR,
            ZScore.OPERATOR, RollingMin.OPERATOR, RollingMax.OPERATOR, RollingMedian.OPERATOR,
            Correlation.OPERATOR, Beta.OPERATOR, LinearRegSlope.OPERATOR);

    private Statistics() {
    }
}
