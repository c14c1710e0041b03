package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./quiver} script as a user runs it, on the application the build just packaged: the JVM's
 * "Using incubator modules" warning does not reach the user, everything else does, and the exit status is java's.
 */
class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("quiver.project.dir", "..")).toAbsolutePath();

    private record Run(int status, String out, String err) {
    }

    private static Run quiver(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("quiver").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("QUIVER_SKIP_BUILD", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void theIncubatorWarningIsGoneAndTheStatusIsKept() throws Exception {
        Run ok = quiver("--version");
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("quiver ");
        assertThat(ok.err()).doesNotContain("incubator");

        Run failed = quiver("features", "--input", "/no/such/file.csv", "--features", "sma(2)", "--output",
                "/tmp/quiver-launcher-it.csv");
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("quiver: /no/such/file.csv: does not exist (nor does its directory "
                + "/no/such)\n");

        Run usage = quiver("frobnicate");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("frobnicate").doesNotContain("incubator");
    }
}
