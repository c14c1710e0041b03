package dev.quiver.features.crosssection;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernels;
import dev.quiver.api.table.Panel;
import dev.quiver.features.kernel.Operator;
import java.lang.foreign.MemorySegment;
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

    /** Whether a kernel is one of this family's, which {@link #computeTogether} computes. */
    public static boolean isMember(FeatureKernel kernel) {
        return kernel instanceof CrossSectionKernel;
    }

    /**
     * Computes several of this family's kernels in one pass over the panel's dates, each distinct input segment
     * (by identity) copied into date-major order once per block of dates for all the kernels that read it: what
     * a plan does with the cross-sectional kernels of one stage. The values are those of each kernel's
     * {@code compute(panel, ...)}.
     *
     * @param ins each kernel's input segments
     * @param outs each kernel's output segments
     * @throws IllegalArgumentException if a kernel is not one of this family's ({@link #isMember}), or its segments
     *     do not match it
     */
    public static void computeTogether(Panel panel, List<FeatureKernel> kernels, MemorySegment[][] ins,
                                       MemorySegment[][] outs) {
        List<CrossSectionKernel> members = new ArrayList<>(kernels.size());
        for (int k = 0; k < kernels.size(); k++) {
            if (!(kernels.get(k) instanceof CrossSectionKernel member)) {
                throw new IllegalArgumentException(kernels.get(k) + " is not a built-in cross-sectional kernel");
            }
            FeatureKernels.checkShapes(member, panel.rowCount(), ins[k], outs[k]);
            members.add(member);
        }
        DateMajorPass.run(panel, members, ins, outs);
    }
}
