/**
 * Quiver's CUDA support through JCuda. For now: {@link dev.quiver.gpu.cuda.CudaRuntime#probe()}, the one-time probe
 * of the CUDA driver and devices that the CUDA kernels and their provider's availability check use.
 */
module dev.quiver.gpu.cuda {
    requires transitive dev.quiver.api;
    // JCuda's jar has no module descriptor: it is the automatic module "jcuda"
    requires jcuda;

    exports dev.quiver.gpu.cuda;
}
