package dev.quiver.gpu.cuda.correlation;

import dev.quiver.gpu.cuda.CudaRuntime;
import dev.quiver.gpu.cuda.CudaStatus;
import dev.quiver.gpu.cuda.kernel.DeviceApi;
import dev.quiver.gpu.cuda.kernel.JCudaDevice;
import dev.quiver.gpu.cuda.kernel.KernelArgs;
import dev.quiver.gpu.cuda.kernel.KernelSources;
import java.lang.foreign.MemorySegment;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Pearson correlations of strategies with each strategy's {@code k} best kept, on the GPU when there is one: the
 * P&amp;L rows are standardised on the device, {@code Z Zᵀ} is computed in 64 × 64 tiles, and each row's top-k list
 * is kept on the device as the tiles pass, so only {@code strategies × k} entries come back, never the
 * {@code strategies²} matrix. The CPU computes the same entries (same arithmetic, {@link CpuNeighbours}) when the
 * GPU is not used.
 *
 * <p>Values: rows centred on their mean and scaled by 1/√(sum of squares) (sdk-portfolio's
 * {@code StandardizedRows}), a correlation is the chain of fused multiply-adds in day order (its
 * {@code StandardizedRows.dot}), clamped to [−1, 1]; a constant strategy correlates 0 with every other. The GPU's
 * entries are meant to equal the CPU's bit for bit; the GPU tests hold them to 1e-12 absolute and the same
 * strategies wherever the scores differ by more than that.
 *
 * <p>Devices: {@code cpu}; {@code gpu} (the CPU, with the reason in {@link Neighbours#reason()}, when CUDA is
 * unavailable or {@code k} exceeds {@value #MAX_GPU_K}); {@code auto}, the GPU when available and the product has
 * at least {@value #AUTO_MIN_PRODUCTS} multiply-adds (strategies² × days; not yet measured), else the CPU.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class CudaCorrelation {
    /** The largest {@code k} the GPU keeps per row (each row's list is insertion-sorted by one thread). */
    public static final int MAX_GPU_K = 1024;
    /** The fewest multiply-adds (strategies² × days) for which {@code auto} uses the GPU. Not yet measured. */
    public static final long AUTO_MIN_PRODUCTS = 100_000_000L;

    private CudaCorrelation() {
    }

    /** Which correlations a row keeps. */
    public enum Order {
        /** The most positive first. */
        HIGHEST,
        /** The most negative first. */
        LOWEST,
        /** The largest absolute value first. */
        ABSOLUTE;

        /** The score a row ranks a correlation by: higher is better. */
        double score(double c) {
            return switch (this) {
                case HIGHEST -> c;
                case LOWEST -> -c;
                case ABSOLUTE -> Math.abs(c);
            };
        }

        int code() {
            return ordinal(); // correlation.cu's order: 0 highest, 1 lowest, 2 absolute
        }
    }

    /**
     * Each strategy's {@code k} most correlated others.
     *
     * @param values the P&amp;L, strategy-major: strategy {@code s} on day {@code d} at {@code [s × days + d]}
     *     (sdk-portfolio's {@code PnlMatrix.values()})
     * @param device {@code auto}, {@code cpu} or {@code gpu}
     * @param threads the CPU's threads, when the CPU computes
     * @throws IllegalArgumentException if the shape does not match, {@code k} is not positive, or the device is
     *     unknown
     */
    public static Neighbours topK(double[] values, int strategies, int days, int k, Order order, String device,
                                  int threads) {
        return topK(values, strategies, days, k, order, device, threads, CudaRuntime::probe, JCudaDevice::new);
    }

    static Neighbours topK(double[] values, int strategies, int days, int k, Order order, String device,
                           int threads, Supplier<CudaStatus> status, Supplier<DeviceApi> devices) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(order, "order");
        if (strategies < 0 || days < 1 || (long) strategies * days != values.length) {
            throw new IllegalArgumentException(strategies + " strategies × " + days + " days do not match "
                    + values.length + " values");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, not " + k);
        }
        String mode = device.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("cpu") && !mode.equals("gpu")) {
            throw new IllegalArgumentException("unknown device '" + device + "'; the devices are auto, cpu and gpu");
        }
        if (mode.equals("cpu")) {
            return CpuNeighbours.compute(values, strategies, days, k, order, threads, "");
        }
        CudaStatus s = status.get();
        String reason = "";
        if (!s.available()) {
            reason = "no CUDA: " + s.reason();
        } else if (k > MAX_GPU_K) {
            reason = "k " + k + " is above the " + MAX_GPU_K + " the GPU keeps per row";
        } else if (mode.equals("auto") && (double) strategies * strategies * days < AUTO_MIN_PRODUCTS) {
            reason = String.format(Locale.ROOT, "%,d strategies × %,d days are below the %,d multiply-adds at which "
                    + "the GPU is expected to pay (not yet measured)", strategies, days, AUTO_MIN_PRODUCTS);
        }
        if (!reason.isEmpty()) {
            return CpuNeighbours.compute(values, strategies, days, k, order, threads, reason + "; computed on the CPU");
        }
        try {
            return onDevice(values, strategies, days, k, order, devices.get());
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // a CUDA failure costs the GPU's speed, never the result
            return CpuNeighbours.compute(values, strategies, days, k, order, threads, "the GPU failed (" + e
                    + "); computed on the CPU");
        }
    }

    /** The GPU computation; {@code device} is closed (and every buffer freed) before this returns or throws. */
    static Neighbours onDevice(double[] values, int strategies, int days, int k, Order order, DeviceApi device) {
        int[] others = new int[strategies * k];
        double[] correlations = new double[strategies * k];
        java.util.Arrays.fill(others, -1);
        java.util.Arrays.fill(correlations, Double.NaN);
        if (strategies == 0) {
            device.close();
            return new Neighbours(0, k, others, correlations, "gpu", "");
        }
        try (device) {
            long bytes = (long) strategies * days * Double.BYTES;
            long input = device.alloc(bytes);
            long z = device.alloc(bytes);
            long topValue = device.alloc((long) strategies * k * Double.BYTES);
            long topIndex = device.alloc((long) strategies * k * Integer.BYTES);
            long topCount = device.alloc((long) strategies * Integer.BYTES);
            device.upload(MemorySegment.ofArray(values), input);
            device.launch(KernelSources.CORRELATION, "corr_standardize", (strategies + 127) / 128, 128,
                    new KernelArgs().buffer(input).buffer(z).i(strategies).i(days));
            device.launch(KernelSources.CORRELATION, "corr_topk", (strategies + 63) / 64, 256,
                    new KernelArgs().buffer(z).i(strategies).i(days).i(k).i(order.code()).buffer(topValue)
                            .buffer(topIndex).buffer(topCount));
            int held = Math.min(k, strategies - 1);
            double[] v = new double[strategies * k];
            int[] idx = new int[strategies * k];
            device.download(topValue, MemorySegment.ofArray(v));
            device.download(topIndex, MemorySegment.ofArray(idx));
            for (int r = 0; r < strategies; r++) {
                for (int e = 0; e < held; e++) {
                    others[r * k + e] = idx[r * k + e];
                    correlations[r * k + e] = Math.max(-1, Math.min(1, v[r * k + e]));
                }
            }
            for (long handle : new long[] {input, z, topValue, topIndex, topCount}) {
                device.free(handle);
            }
        }
        return new Neighbours(strategies, k, others, correlations, "gpu", "");
    }

}
