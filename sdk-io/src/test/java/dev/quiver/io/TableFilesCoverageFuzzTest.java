package dev.quiver.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.quiver.io.fuzzing.FileFuzzing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing (Jazzer) of the CSV and Arrow IPC readers, with {@link FileFuzzing}'s check: every file
 * reads as a table or fails with a sentence naming it, within seconds, leaking no native memory. The first byte
 * chooses the format; the seeds are files Quiver wrote.
 *
 * <p>{@code ./mvnw verify} runs it over its seeds and earlier findings
 * ({@code src/test/resources/dev/quiver/io/TableFilesCoverageFuzzTestInputs/}) and, in the {@code coverage-fuzz}
 * execution, fuzzes for {@code JAZZER_MAX_DURATION} (20 s in the build). A longer run:
 * {@code bin/fuzz.sh sdk-io 10m}.
 */
class TableFilesCoverageFuzzTest {
    private static final String[] FORMATS = {"csv", "arrow", "arrows", "tsv"};
    private static final Path DIR = directory();

    private static Path directory() {
        try {
            return Files.createTempDirectory("quiver-coverage-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void removeDirectory() throws IOException {
        FileFuzzing.deleteFolder(DIR);
    }

    @FuzzTest(maxDuration = "20s")
    void filesReadOrFailWithASentence(FuzzedDataProvider data) {
        String format = FORMATS[data.consumeInt(0, FORMATS.length - 1)];
        FileFuzzing.readOrFailClearly(DIR, data.consumeRemainingAsBytes(), format);
    }
}
