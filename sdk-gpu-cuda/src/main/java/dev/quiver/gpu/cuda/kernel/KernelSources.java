package dev.quiver.gpu.cuda.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The committed PTX of Quiver's CUDA kernels, one module per source file of {@code src/main/cuda}: read from the
 * class path ({@code dev/quiver/gpu/cuda/kernel/NAME.ptx}), with the SHA-256 of the source each was compiled from
 * (its header line {@value #HASH_PREFIX}), which {@code KernelSourcesTest} compares with the sources.
 *
 * <p>Thread-safety: stateless.
 */
public final class KernelSources {
    /** The module of the time-series kernels ({@code ts_*}). */
    public static final String TIME_SERIES = "timeseries";
    /** The module of the cross-sectional kernels ({@code xs_*}). */
    public static final String CROSS_SECTION = "crosssection";
    /** The module of the correlation kernels ({@code corr_*}). */
    public static final String CORRELATION = "correlation";
    /** Every module, in a fixed order. */
    public static final List<String> MODULES = List.of(CORRELATION, CROSS_SECTION, TIME_SERIES);
    /** The header line that records the source's hash. */
    public static final String HASH_PREFIX = "// quiver-source-sha256: ";

    private KernelSources() {
    }

    /**
     * The PTX text of a module.
     *
     * @throws IllegalArgumentException if there is no such module
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static String ptx(String module) {
        Objects.requireNonNull(module, "module");
        String path = "/dev/quiver/gpu/cuda/kernel/" + module + ".ptx";
        try (InputStream in = KernelSources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no PTX module '" + module + "' (resource " + path
                        + "); the modules are " + MODULES);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }

    /**
     * The source hash a PTX text records, lower-case hex.
     *
     * @throws IllegalArgumentException if the text has no {@value #HASH_PREFIX} line
     */
    public static String recordedSourceHash(String ptx) {
        for (String line : ptx.split("\n", 8)) {
            if (line.startsWith(HASH_PREFIX)) {
                return line.substring(HASH_PREFIX.length()).strip();
            }
        }
        throw new IllegalArgumentException("the PTX has no '" + HASH_PREFIX.strip() + "' header line: rebuild it "
                + "with sdk-gpu-cuda/build-ptx.sh");
    }

    /** The PTX without Quiver's header lines (those starting {@code // quiver-}): what nvcc wrote, ISA lowered. */
    public static String body(String ptx) {
        StringBuilder b = new StringBuilder(ptx.length());
        for (String line : ptx.split("\n", -1)) {
            if (!line.startsWith("// quiver-")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }
}
