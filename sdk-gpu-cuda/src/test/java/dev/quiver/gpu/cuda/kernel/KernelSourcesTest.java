package dev.quiver.gpu.cuda.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed PTX matches the CUDA sources: each module's recorded source hash is the SHA-256 of its
 * {@code src/main/cuda} file, every source has a module and every module a source; where nvcc is on the PATH, the
 * sources compile (through build-ptx.sh, which also assembles them with ptxas) to exactly the committed PTX.
 */
class KernelSourcesTest {
    private static final Path SOURCES = Path.of("src/main/cuda");

    @Test
    void everyCommittedPtxRecordsTheHashOfItsSource() throws IOException {
        List<String> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cu"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
        assertThat(sources).as("the .cu files of %s", SOURCES).isEqualTo(KernelSources.MODULES);
        for (String module : KernelSources.MODULES) {
            String ptx = KernelSources.ptx(module);
            assertThat(KernelSources.recordedSourceHash(ptx))
                    .as("%s.ptx records the hash of %s.cu: rebuild it with sdk-gpu-cuda/build-ptx.sh", module, module)
                    .isEqualTo(sha256(SOURCES.resolve(module + ".cu")));
            assertThat(ptx).contains(".version 8.0").contains(".target sm_80");
        }
    }

    @Test
    void theModulesDefineTheKernelsTheJavaCodeLaunches() {
        String ts = KernelSources.ptx(KernelSources.TIME_SERIES);
        for (String f : List.of("ts_sma", "ts_moments", "ts_extreme", "ts_ema", "ts_rsi", "ts_atr", "ts_macd")) {
            assertThat(ts).contains(".visible .entry " + f + "(");
        }
        String xs = KernelSources.ptx(KernelSources.CROSS_SECTION);
        for (String f : List.of("xs_rank", "xs_moments", "xs_quantiles", "xs_neutralize")) {
            assertThat(xs).contains(".visible .entry " + f + "(");
        }
        String corr = KernelSources.ptx(KernelSources.CORRELATION);
        for (String f : List.of("corr_standardize", "corr_topk")) {
            assertThat(corr).contains(".visible .entry " + f + "(");
        }
        // --fmad=false: no contracted multiply-add anywhere but the correlation's explicit fma() chain
        assertThat(ts).doesNotContain("fma.rn.f64");
        assertThat(xs).doesNotContain("fma.rn.f64");
    }

    @Test
    void aMissingModuleOrHeaderIsNamed() {
        assertThatThrownBy(() -> KernelSources.ptx("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining("timeseries");
        assertThatThrownBy(() -> KernelSources.recordedSourceHash(".version 8.0\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("build-ptx.sh");
    }

    @Test
    void whereNvccIsInstalledTheSourcesCompileToTheCommittedPtx(@TempDir Path dir) throws Exception {
        if (!onPath("nvcc")) {
            System.out.println("KernelSourcesTest: nvcc is not on the PATH; the recompilation check is skipped");
            return; // the hash check above still holds the committed PTX to its sources
        }
        Process p = new ProcessBuilder("bash", "build-ptx.sh", "--force", dir.toString()).redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("build-ptx.sh: %s", log).isZero();
        for (String module : KernelSources.MODULES) {
            String fresh = Files.readString(dir.resolve(module + ".ptx"));
            String committed = KernelSources.ptx(module);
            if (!release(fresh).equals(release(committed))) {
                System.out.println("KernelSourcesTest: nvcc " + release(fresh) + " here, the PTX was built by "
                        + release(committed) + "; only the source hashes are compared");
                continue;
            }
            assertThat(KernelSources.body(fresh)).as("%s.ptx recompiled", module)
                    .isEqualTo(KernelSources.body(KernelSources.ptx(module)));
        }
    }

    private static String release(String ptx) {
        for (String line : ptx.split("\n", 8)) {
            if (line.startsWith("// quiver-nvcc: release ")) {
                return line.substring("// quiver-nvcc: release ".length()).split(",")[0];
            }
        }
        return "?";
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
