package dev.quiver.gpu.cuda;

import dev.quiver.gpu.cuda.kernel.CudaFailure;
import dev.quiver.gpu.cuda.kernel.DeviceApi;
import dev.quiver.gpu.cuda.kernel.KernelArgs;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DeviceApi} on the host that computes nothing: it keeps its buffers in heap memory, records every call,
 * and can fail a chosen launch, so that tests check what a plan run allocates, launches, copies and frees.
 * A launch fills its output buffers (the buffers after the inputs that the run allocated for it) with nothing:
 * downloads return zeros.
 */
public final class HostDevice implements DeviceApi {
    public final Map<Long, MemorySegment> buffers = new HashMap<>();
    public final List<String> launches = new ArrayList<>();
    public final List<Long> frees = new ArrayList<>();
    public final List<Long> allocs = new ArrayList<>();
    public final List<Long> downloads = new ArrayList<>();
    public final List<Long> uploads = new ArrayList<>();
    /** The live buffers at each launch, in launch order. */
    public final List<List<Long>> liveAtLaunch = new ArrayList<>();
    private final int failAtLaunch;
    private long next = 1;
    public boolean closed;

    /** @param failAtLaunch the launch (1-based) that throws a {@link CudaFailure}, or 0 for none */
    public HostDevice(int failAtLaunch) {
        this.failAtLaunch = failAtLaunch;
    }

    @Override
    public long alloc(long bytes) {
        long h = next++;
        buffers.put(h, MemorySegment.ofArray(new byte[(int) bytes]));
        allocs.add(h);
        return h;
    }

    @Override
    public void free(long handle) {
        if (buffers.remove(handle) == null) {
            throw new IllegalArgumentException("double free of " + handle);
        }
        frees.add(handle);
    }

    @Override
    public void upload(MemorySegment host, long handle) {
        MemorySegment.copy(host, 0, buffers.get(handle), 0, host.byteSize());
        uploads.add(handle);
    }

    @Override
    public void upload(int[] values, long handle) {
        upload(MemorySegment.ofArray(values), handle);
    }

    @Override
    public void download(long handle, MemorySegment host) {
        MemorySegment.copy(buffers.get(handle), 0, host, 0, host.byteSize());
        downloads.add(handle);
    }

    @Override
    public void launch(String module, String function, int blocks, int threads, KernelArgs args) {
        for (KernelArgs.Arg a : args.list()) {
            if (a instanceof KernelArgs.Buffer b && !buffers.containsKey(b.handle())) {
                throw new AssertionError(function + " launched with freed buffer " + b.handle());
            }
        }
        launches.add(function);
        liveAtLaunch.add(List.copyOf(buffers.keySet()));
        if (launches.size() == failAtLaunch) {
            throw new CudaFailure("cuLaunchKernel(" + function + ")", "CUDA_ERROR_LAUNCH_FAILED");
        }
    }

    @Override
    public void synchronize() {
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public void close() {
        closed = true;
    }
}
