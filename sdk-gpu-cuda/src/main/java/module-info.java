/**
 * Quiver's CUDA support through JCuda's driver API: {@link dev.quiver.gpu.cuda.CudaRuntime#probe()}, the one-time
 * probe of the CUDA driver and devices; the {@code cuda} plan executor
 * ({@link dev.quiver.gpu.cuda.execution.CudaExecutor}), which runs feature plans on the GPU with the data kept
 * there; and GPU correlations with top-k per row ({@link dev.quiver.gpu.cuda.correlation.CudaCorrelation}).
 *
 * @provides dev.quiver.api.feature.PlanExecutor the {@code cuda} executor
 */
module dev.quiver.gpu.cuda {
    requires transitive dev.quiver.api;
    // JCuda's jar has no module descriptor: it is the automatic module "jcuda"
    requires jcuda;

    exports dev.quiver.gpu.cuda;
    exports dev.quiver.gpu.cuda.execution;
    exports dev.quiver.gpu.cuda.correlation;

    provides dev.quiver.api.feature.PlanExecutor with dev.quiver.gpu.cuda.execution.CudaExecutor;
}
