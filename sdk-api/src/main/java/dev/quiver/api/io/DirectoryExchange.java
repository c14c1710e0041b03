package dev.quiver.api.io;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Swaps two directories in one step with Linux's {@code renameat2(..., RENAME_EXCHANGE)}, called through the JDK's
 * foreign function interface; elsewhere, or where the call is refused (an old kernel, a file system without it), it
 * answers {@code false} and the caller falls back to two renames.
 *
 * <p>Thread-safety: stateless; the method handle is looked up once.
 */
final class DirectoryExchange {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;
    private static final Optional<MethodHandle> RENAMEAT2 = lookUp();

    private DirectoryExchange() {
    }

    private static Optional<MethodHandle> lookUp() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("renameat2").map(address -> linker.downcallHandle(address,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // native access not granted, or no such symbol: fall back
        }
    }

    /** Whether {@code a} and {@code b} (both existing) were swapped. */
    static boolean exchange(Path a, Path b) {
        if (RENAMEAT2.isEmpty()) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment from = arena.allocateFrom(a.toAbsolutePath().toString());
            MemorySegment to = arena.allocateFrom(b.toAbsolutePath().toString());
            int result = (int) RENAMEAT2.get().invokeExact(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
            return result == 0;
        } catch (Throwable e) {
            return false;
        }
    }
}
