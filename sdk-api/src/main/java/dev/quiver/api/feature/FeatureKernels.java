package dev.quiver.api.feature;

import java.lang.foreign.MemorySegment;

/**
 * Checks that kernels and their callers share.
 *
 * <p>Thread-safety: stateless.
 */
public final class FeatureKernels {
    private FeatureKernels() {
    }

    /**
     * Checks that there is one input segment per input and one output segment per output, each of {@code rows}
     * doubles.
     *
     * @throws IllegalArgumentException naming the kernel and the segment that does not fit
     */
    public static void checkShapes(FeatureKernel kernel, int rows, MemorySegment[] in, MemorySegment[] out) {
        check(kernel, "input", kernel.inputs().size(), rows, in);
        check(kernel, "output", kernel.outputs().size(), rows, out);
    }

    private static void check(FeatureKernel kernel, String what, int expected, int rows, MemorySegment[] segs) {
        if (segs.length != expected) {
            throw new IllegalArgumentException(kernel.outputs().get(0) + ": " + segs.length + " " + what
                    + " segments given, " + expected + " expected");
        }
        for (int i = 0; i < segs.length; i++) {
            if (segs[i].byteSize() != (long) rows * Double.BYTES) {
                throw new IllegalArgumentException(kernel.outputs().get(0) + ": " + what + " " + i + " has "
                        + segs[i].byteSize() / Double.BYTES + " rows, the panel " + rows);
            }
        }
    }
}
