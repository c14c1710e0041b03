package dev.quiver.features.execution;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Large (2 MiB) pages for big column blocks, where the operating system offers them: on Linux with transparent huge
 * pages in {@code madvise} or {@code always} mode, a block of at least 2 MiB is mapped ({@code mmap}) on a 2 MiB
 * boundary, rounded up to whole large pages, and advised with {@code madvise(MADV_HUGEPAGE)} before it is touched, so
 * that the kernel backs it with large pages: one page fault and one TLB entry per 2 MiB instead of per 4 KiB (a 40 MB
 * column: 20 faults instead of 10,000). (Memory from {@code Arena.allocate} cannot be advised in time: the JDK
 * zero-fills it, which faults every page in on small pages first.) The mapping is released when its arena closes.
 *
 * <p>Elsewhere (another OS, huge pages {@code never}, {@code madvise} failing), and where this module may not call
 * native code ({@code --enable-native-access} not given for it, so that the JDK would warn), blocks are allocated as
 * usual: large pages are an optimisation, never a requirement. {@code -Dquiver.features.largepages=false} turns
 * them off.
 *
 * <p>Thread-safety: immutable after class initialisation; safe to call from any thread.
 */
final class LargePages {
    /** The system property that turns large pages off ({@code false}). */
    static final String PROPERTY = "quiver.features.largepages";
    /** The size of a large page on x86-64 and AArch64 Linux (with 4 KiB base pages). */
    static final long SIZE = 2L << 20;
    private static final int MADV_HUGEPAGE = 14;
    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final Native NATIVE = bind();

    private LargePages() {
    }

    /** Whether blocks of {@code bytes} are given large pages here. */
    static boolean applies(long bytes) {
        return NATIVE != null && bytes >= SIZE;
    }

    /** Whether large pages are offered here at all (for tests and {@code quiver providers}). */
    static boolean offered() {
        return NATIVE != null;
    }

    /**
     * A block of {@code bytes} whose lifetime is {@code arena}'s: if {@link #applies}, fresh anonymous memory mapped
     * on a 2 MiB boundary and advised for large pages before anything touches it (the kernel zeroes pages as they
     * are first touched, so the JDK's zero-fill of {@code Arena.allocate} is skipped too) and unmapped when the
     * arena closes; otherwise, or if mapping fails, {@code arena.allocate(bytes, 8)}.
     */
    static MemorySegment allocate(Arena arena, long bytes) {
        if (!applies(bytes)) {
            return ordinary(arena, bytes);
        }
        long rounded = (bytes + SIZE - 1) / SIZE * SIZE;
        long span = rounded + SIZE; // room to start on a large-page boundary
        try {
            MemorySegment raw = (MemorySegment) NATIVE.mmap().invokeExact(MemorySegment.NULL, span,
                    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
            long address = raw.address();
            if (address == -1L || address == 0L) {
                return ordinary(arena, bytes); // MAP_FAILED
            }
            long start = (address + SIZE - 1) / SIZE * SIZE;
            if (start > address) {
                int rc = (int) NATIVE.munmap().invokeExact(MemorySegment.ofAddress(address), start - address);
            }
            long end = address + span;
            if (end > start + rounded) {
                int rc = (int) NATIVE.munmap().invokeExact(MemorySegment.ofAddress(start + rounded),
                        end - start - rounded);
            }
            // a declined advice (rc != 0) leaves good memory on normal pages
            int rc = (int) NATIVE.madvise().invokeExact(MemorySegment.ofAddress(start), rounded, MADV_HUGEPAGE);
            MethodHandle munmap = NATIVE.munmap();
            return MemorySegment.ofAddress(start).reinterpret(rounded, arena, s -> unmap(munmap, s, rounded))
                    .asSlice(0, bytes);
        } catch (Throwable e) {
            return ordinary(arena, bytes);
        }
    }

    private static MemorySegment ordinary(Arena arena, long bytes) {
        return arena.allocate(Math.max(bytes, 1), Long.BYTES).asSlice(0, bytes);
    }

    private static void unmap(MethodHandle munmap, MemorySegment block, long bytes) {
        try {
            int rc = (int) munmap.invokeExact(MemorySegment.ofAddress(block.address()), bytes);
        } catch (Throwable e) {
            // nothing more can be done while an arena closes; the mapping goes when the process does
        }
    }

    /** The libc functions, bound once. */
    private record Native(MethodHandle mmap, MethodHandle munmap, MethodHandle madvise) {
    }

    private static Native bind() {
        try {
            if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))
                    || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return null;
            }
            Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
            String text = Files.isReadable(mode) ? Files.readString(mode) : "";
            if (!text.contains("[madvise]") && !text.contains("[always]")) {
                return null;
            }
            if (!LargePages.class.getModule().isNativeAccessEnabled()) {
                return null;
            }
            Linker linker = Linker.nativeLinker();
            var lookup = linker.defaultLookup();
            MemorySegment mmap = lookup.find("mmap").orElse(null);
            MemorySegment munmap = lookup.find("munmap").orElse(null);
            MemorySegment madvise = lookup.find("madvise").orElse(null);
            if (mmap == null || munmap == null || madvise == null) {
                return null;
            }
            return new Native(
                    linker.downcallHandle(mmap, FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_LONG)),
                    linker.downcallHandle(munmap, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG)),
                    linker.downcallHandle(madvise, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT)));
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
