package dev.quiver.features.crosssection;

import dev.quiver.features.kernel.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code crosssection} family's operators, in listing order: per date, across the symbols of a panel. The
 * scalar provider lists every family's.
 *
 * <p>Conventions shared by every operator here: values that are {@code NaN} or infinite are missing, are excluded
 * from the date's statistics and get {@code NaN} (no rank); dates are independent, so results do not depend on the
 * thread count; a date with no value gives {@code NaN} (and {@code xs_count} 0).
 *
 * <p>Thread-safety: immutable.
 */
public final class CrossSection {
    /** The operators of this family. */
    public static final List<Operator> OPERATORS;

    static {
        List<Operator> all = new ArrayList<>();
        all.add(Rank.OPERATOR);
        all.addAll(Moments.OPERATORS);
        all.addAll(Quantiles.OPERATORS);
        all.add(Neutralize.OPERATOR);
        OPERATORS = List.copyOf(all);
    }

    private CrossSection() {
    }
}
