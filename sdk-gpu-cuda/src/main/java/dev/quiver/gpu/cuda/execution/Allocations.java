package dev.quiver.gpu.cuda.execution;

import dev.quiver.gpu.cuda.kernel.DeviceApi;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The device buffers of one plan run, counted: every {@link #alloc} is matched by a {@link #free} or, at the latest,
 * by {@link #close}, which frees whatever is left on every path (success, a kernel's error, a CUDA failure).
 * {@link #live()} counts the buffers held by all runs of the process; tests check that it returns to zero.
 *
 * <p>Thread-safety: an instance belongs to one run (one thread); {@link #live()} and {@link #allocated()} are safe
 * from any thread.
 */
final class Allocations implements AutoCloseable {
    private static final AtomicLong LIVE = new AtomicLong();
    private static final AtomicLong ALLOCATED = new AtomicLong();

    private final DeviceApi device;
    private final Set<Long> held = new LinkedHashSet<>();
    private final Map<Long, Long> sizes = new HashMap<>();
    private long bytes;
    private long peakBytes;

    Allocations(DeviceApi device) {
        this.device = device;
    }

    /** The device buffers held now by every run in this process. */
    static long live() {
        return LIVE.get();
    }

    /** The device buffers allocated by every run since the process started. */
    static long allocated() {
        return ALLOCATED.get();
    }

    long alloc(long size) {
        long handle = device.alloc(size);
        held.add(handle);
        LIVE.incrementAndGet();
        ALLOCATED.incrementAndGet();
        bytes += size;
        peakBytes = Math.max(peakBytes, bytes);
        sizes.put(handle, size);
        return handle;
    }

    void free(long handle) {
        if (!held.remove(handle)) {
            throw new IllegalArgumentException("device buffer " + handle + " is not held by this run");
        }
        LIVE.decrementAndGet();
        bytes -= sizes.remove(handle);
        device.free(handle);
    }

    /** The buffers this run holds now. */
    int held() {
        return held.size();
    }

    /** The most bytes this run held at once. */
    long peakBytes() {
        return peakBytes;
    }

    /** Frees every buffer still held; each is attempted even if one fails, and the first failure is thrown. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Long handle : held.toArray(Long[]::new)) {
            held.remove(handle);
            LIVE.decrementAndGet();
            bytes -= sizes.remove(handle);
            try {
                device.free(handle);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
