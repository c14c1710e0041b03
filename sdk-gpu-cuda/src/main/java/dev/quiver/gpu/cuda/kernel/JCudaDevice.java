package dev.quiver.gpu.cuda.kernel;

import dev.quiver.gpu.cuda.CudaRuntime;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.driver.JCudaDriver;

/**
 * {@link DeviceApi} over the CUDA driver API (JCuda's {@code JCudaDriver} only, no runtime API, so one build runs on
 * CUDA 12 and 13 drivers): device 0's primary context, Quiver's PTX modules loaded into it once per process
 * ({@code cuModuleLoadData}, which JIT-compiles them for the GPU), one non-blocking stream per instance, and two
 * pinned host staging buffers through which copies run asynchronously ({@code cuMemcpyHtoDAsync}): while one chunk
 * travels, the next is copied into the other buffer.
 *
 * <p>Every driver call's result is checked; a failure throws {@link CudaFailure} naming the call. Only construct it
 * when {@link CudaRuntime#probe()} reported CUDA available.
 *
 * <p>Thread-safety: an instance serves one thread (it makes the context current on that thread); instances on
 * different threads are independent.
 */
public final class JCudaDevice implements DeviceApi {
    /** The size of each of the two pinned staging buffers. */
    static final long STAGING_BYTES = 8L << 20;

    private static final Object LOCK = new Object();
    private static CUcontext context;
    private static String deviceName;
    private static final Map<String, CUmodule> MODULES = new HashMap<>();
    private static final Map<String, CUfunction> FUNCTIONS = new HashMap<>();

    private final CUstream stream = new CUstream();
    private final Pointer[] staging = {new Pointer(), new Pointer()};
    private final MemorySegment[] stagingSegments = new MemorySegment[2];
    private final CUevent[] stagingFree = {new CUevent(), new CUevent()};
    private final boolean[] stagingBusy = new boolean[2];
    private final Map<Long, CUdeviceptr> buffers = new HashMap<>();
    private long nextHandle = 1;
    private boolean closed;

    /**
     * Opens the device: the context, a stream, the staging buffers.
     *
     * @throws IllegalStateException if CUDA is unavailable here (with the probe's reason)
     * @throws CudaFailure if a driver call fails
     */
    public JCudaDevice() {
        if (!CudaRuntime.probe().available()) {
            throw new IllegalStateException("CUDA is unavailable: " + CudaRuntime.probe().reason());
        }
        current();
        boolean ok = false;
        int made = 0;
        try {
            check(JCudaDriver.cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate");
            for (int b = 0; b < 2; b++) {
                check(JCudaDriver.cuMemAllocHost(staging[b], STAGING_BYTES), "cuMemAllocHost");
                made++;
                stagingSegments[b] = MemorySegment.ofBuffer(staging[b].getByteBuffer(0, STAGING_BYTES));
                check(JCudaDriver.cuEventCreate(stagingFree[b], CUevent_flags.CU_EVENT_DISABLE_TIMING),
                        "cuEventCreate");
            }
            ok = true;
        } finally {
            if (!ok) {
                for (int b = 0; b < made; b++) {
                    JCudaDriver.cuMemFreeHost(staging[b]);
                }
                JCudaDriver.cuStreamDestroy(stream);
            }
        }
    }

    /** Makes the primary context of device 0 current on this thread, retaining it and loading the modules once. */
    private static void current() {
        synchronized (LOCK) {
            if (context == null) {
                CUdevice device = new CUdevice();
                check(JCudaDriver.cuDeviceGet(device, 0), "cuDeviceGet");
                byte[] name = new byte[256];
                check(JCudaDriver.cuDeviceGetName(name, name.length, device), "cuDeviceGetName");
                int end = 0;
                while (end < name.length && name[end] != 0) {
                    end++;
                }
                CUcontext c = new CUcontext();
                check(JCudaDriver.cuDevicePrimaryCtxRetain(c, device), "cuDevicePrimaryCtxRetain");
                check(JCudaDriver.cuCtxSetCurrent(c), "cuCtxSetCurrent");
                for (String module : KernelSources.MODULES) {
                    CUmodule m = new CUmodule();
                    check(JCudaDriver.cuModuleLoadData(m, KernelSources.ptx(module)), "cuModuleLoadData(" + module
                            + ")");
                    MODULES.put(module, m);
                }
                deviceName = new String(name, 0, end, java.nio.charset.StandardCharsets.US_ASCII).strip();
                context = c; // the primary context stays retained for the life of the process
            }
        }
        check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    private static CUfunction function(String module, String name) {
        synchronized (LOCK) {
            String key = module + "/" + name;
            CUfunction f = FUNCTIONS.get(key);
            if (f == null) {
                CUmodule m = MODULES.get(module);
                if (m == null) {
                    throw new IllegalArgumentException("no CUDA module '" + module + "'");
                }
                f = new CUfunction();
                check(JCudaDriver.cuModuleGetFunction(f, m, name), "cuModuleGetFunction(" + key + ")");
                FUNCTIONS.put(key, f);
            }
            return f;
        }
    }

    @Override
    public long alloc(long bytes) {
        CUdeviceptr p = new CUdeviceptr();
        check(JCudaDriver.cuMemAlloc(p, Math.max(bytes, 8)), "cuMemAlloc(" + bytes + " bytes)");
        long handle = nextHandle++;
        buffers.put(handle, p);
        return handle;
    }

    @Override
    public void free(long handle) {
        CUdeviceptr p = buffers.remove(handle);
        if (p == null) {
            throw new IllegalArgumentException("device buffer " + handle + " is not allocated");
        }
        check(JCudaDriver.cuMemFree(p), "cuMemFree");
    }

    private CUdeviceptr pointer(long handle) {
        CUdeviceptr p = buffers.get(handle);
        if (p == null) {
            throw new IllegalArgumentException("device buffer " + handle + " is not allocated");
        }
        return p;
    }

    /** Waits until staging buffer {@code b} may be written again. */
    private void claim(int b) {
        if (stagingBusy[b]) {
            check(JCudaDriver.cuEventSynchronize(stagingFree[b]), "cuEventSynchronize");
            stagingBusy[b] = false;
        }
    }

    @Override
    public void upload(MemorySegment host, long handle) {
        CUdeviceptr device = pointer(handle);
        long size = host.byteSize();
        int b = 0;
        for (long offset = 0; offset < size; offset += STAGING_BYTES, b ^= 1) {
            long bytes = Math.min(STAGING_BYTES, size - offset);
            claim(b);
            MemorySegment.copy(host, offset, stagingSegments[b], 0, bytes);
            check(JCudaDriver.cuMemcpyHtoDAsync(device.withByteOffset(offset), staging[b], bytes, stream),
                    "cuMemcpyHtoDAsync");
            check(JCudaDriver.cuEventRecord(stagingFree[b], stream), "cuEventRecord");
            stagingBusy[b] = true;
        }
    }

    @Override
    public void upload(int[] values, long handle) {
        upload(MemorySegment.ofArray(values), handle);
    }

    @Override
    public void download(long handle, MemorySegment host) {
        CUdeviceptr device = pointer(handle);
        long size = host.byteSize();
        // chunk c goes into buffer c % 2; chunk c is copied out to the host while chunk c + 1 travels
        long[] pending = {-1, -1};
        int b = 0;
        for (long offset = 0; offset < size; offset += STAGING_BYTES, b ^= 1) {
            long bytes = Math.min(STAGING_BYTES, size - offset);
            drain(b, pending, host);
            claim(b);
            check(JCudaDriver.cuMemcpyDtoHAsync(staging[b], device.withByteOffset(offset), bytes, stream),
                    "cuMemcpyDtoHAsync");
            check(JCudaDriver.cuEventRecord(stagingFree[b], stream), "cuEventRecord");
            stagingBusy[b] = true;
            pending[b] = offset;
        }
        drain(b, pending, host);
        drain(b ^ 1, pending, host);
    }

    /** Copies staging buffer {@code b}'s pending chunk (if any) to the host, once it has arrived. */
    private void drain(int b, long[] pending, MemorySegment host) {
        if (pending[b] < 0) {
            return;
        }
        claim(b);
        long bytes = Math.min(STAGING_BYTES, host.byteSize() - pending[b]);
        MemorySegment.copy(stagingSegments[b], 0, host, pending[b], bytes);
        pending[b] = -1;
    }

    @Override
    public void launch(String module, String function, int blocks, int threads, KernelArgs args) {
        CUfunction f = function(module, function);
        Pointer[] params = new Pointer[args.list().size()];
        int i = 0;
        for (KernelArgs.Arg a : args.list()) {
            params[i++] = switch (a) {
                case KernelArgs.Buffer buffer -> Pointer.to(pointer(buffer.handle()));
                case KernelArgs.Int v -> Pointer.to(new int[] {v.value()});
                case KernelArgs.Real v -> Pointer.to(new double[] {v.value()});
            };
        }
        check(JCudaDriver.cuLaunchKernel(f, Math.max(1, blocks), 1, 1, threads, 1, 1, 0, stream,
                Pointer.to(params), null), "cuLaunchKernel(" + function + ")");
    }

    @Override
    public void synchronize() {
        check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
    }

    @Override
    public String name() {
        return deviceName;
    }

    /** Frees what is left, then the staging buffers, events and stream; the first failure is thrown after all. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // every release is attempted; the first failing result is reported
        int r = JCudaDriver.cuStreamSynchronize(stream);
        for (CUdeviceptr p : buffers.values()) {
            r = first(r, JCudaDriver.cuMemFree(p));
        }
        buffers.clear();
        for (int b = 0; b < 2; b++) {
            r = first(r, JCudaDriver.cuMemFreeHost(staging[b]));
            r = first(r, JCudaDriver.cuEventDestroy(stagingFree[b]));
        }
        r = first(r, JCudaDriver.cuStreamDestroy(stream));
        if (r != CUresult.CUDA_SUCCESS) {
            throw new CudaFailure("releasing the device's stream and buffers", CUresult.stringFor(r));
        }
    }

    private static int first(int earlier, int later) {
        return earlier != CUresult.CUDA_SUCCESS ? earlier : later;
    }

    /** Throws {@link CudaFailure} unless the result is {@code CUDA_SUCCESS}. */
    static void check(int result, String call) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaFailure(call, CUresult.stringFor(result));
        }
    }
}
