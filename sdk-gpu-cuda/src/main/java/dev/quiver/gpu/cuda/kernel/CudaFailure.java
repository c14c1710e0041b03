package dev.quiver.gpu.cuda.kernel;

/**
 * A CUDA driver call that did not return {@code CUDA_SUCCESS}: names the call and the driver's error. The plan
 * runner catches it and computes the plan on the CPU.
 *
 * <p>Thread-safety: immutable.
 */
public final class CudaFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure of {@code call} with the driver's result name, e.g. {@code CUDA_ERROR_OUT_OF_MEMORY}. */
    public CudaFailure(String call, String result) {
        super(call + " failed: " + result);
    }
}
