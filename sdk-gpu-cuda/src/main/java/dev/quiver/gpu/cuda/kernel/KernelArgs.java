package dev.quiver.gpu.cuda.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of one kernel launch, in the kernel's parameter order: device buffers (by the handle
 * {@link DeviceApi#alloc} gave), {@code int}s and {@code double}s.
 *
 * <p>Thread-safety: not thread-safe; built and used by one thread.
 */
public final class KernelArgs {
    /** One argument. */
    public sealed interface Arg {
    }

    /**
     * A device buffer.
     *
     * @param handle the handle {@link DeviceApi#alloc} returned
     */
    public record Buffer(long handle) implements Arg {
    }

    /**
     * An {@code int}.
     *
     * @param value the value
     */
    public record Int(int value) implements Arg {
    }

    /**
     * A {@code double}.
     *
     * @param value the value
     */
    public record Real(double value) implements Arg {
    }

    private final List<Arg> args = new ArrayList<>();

    /** Adds a device buffer. */
    public KernelArgs buffer(long handle) {
        args.add(new Buffer(handle));
        return this;
    }

    /** Adds an {@code int}. */
    public KernelArgs i(int value) {
        args.add(new Int(value));
        return this;
    }

    /** Adds a {@code double}. */
    public KernelArgs d(double value) {
        args.add(new Real(value));
        return this;
    }

    /** The arguments, in order. */
    public List<Arg> list() {
        return List.copyOf(args);
    }

    @Override
    public String toString() {
        return args.toString();
    }
}
