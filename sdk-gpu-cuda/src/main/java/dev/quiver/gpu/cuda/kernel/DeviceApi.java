package dev.quiver.gpu.cuda.kernel;

import java.lang.foreign.MemorySegment;

/**
 * The few device operations a plan run needs, over one stream: device buffers named by {@code long} handles,
 * copies in and out of host memory, kernel launches by name. {@link JCudaDevice} implements it over the CUDA
 * driver API; tests implement it on the host to check the orchestration (what is allocated, when it is freed)
 * without a GPU.
 *
 * <p>Operations are issued in order on one stream: a launch sees the copies and launches issued before it. A copy
 * out ({@link #download}) returns when the host segment holds the values.
 *
 * <p>Thread-safety: an instance serves one thread.
 */
public interface DeviceApi extends AutoCloseable {

    /**
     * Allocates a device buffer.
     *
     * @return its handle, never 0
     */
    long alloc(long bytes);

    /** Frees a buffer {@link #alloc} returned; each handle is freed once. */
    void free(long handle);

    /** Copies all of {@code host} to the start of a device buffer. */
    void upload(MemorySegment host, long handle);

    /** Copies {@code values} to the start of a device buffer. */
    void upload(int[] values, long handle);

    /** Copies the first {@code host.byteSize()} bytes of a device buffer into {@code host}, and waits for them. */
    void download(long handle, MemorySegment host);

    /**
     * Launches {@code function} of {@code module} ({@link KernelSources#MODULES}) on a one-dimensional grid.
     *
     * @param blocks the number of thread blocks (at least 1)
     * @param threads the threads per block
     */
    void launch(String module, String function, int blocks, int threads, KernelArgs args);

    /** Waits for everything issued so far. */
    void synchronize();

    /** The device's name, for logs. */
    String name();

    /** Releases the stream and the host staging buffers; buffers not freed are freed here. */
    @Override
    void close();
}
