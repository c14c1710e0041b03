package dev.quiver.io;

import dev.quiver.io.fuzzing.FileFuzzing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the CSV and Arrow IPC readers with mutations of real files Quiver wrote (bytes flipped, inserted and
 * deleted, files cut short, lines repeated): every read either returns a table or throws a {@link DataFileException}
 * whose message names the file, within a few seconds, and releases its native memory. Anything else (another
 * exception, an error, a hang) fails with the mutated file's bytes in the report, ready to become a regression test.
 *
 * <p>Tries per property: jqwik's default ({@code jqwik.tries.default} in {@code junit-platform.properties}, 1,000 in
 * the build, about a second each); a longer run: {@code ./mvnw -pl sdk-io test -Dtest=TableFilesFuzzTest
 * -Djqwik.tries.default=100000}.
 */
class TableFilesFuzzTest {
    private static Path dir;
    private static byte[] csv;
    private static byte[] arrow;

    @BeforeContainer
    static void writeSeeds() throws IOException {
        dir = Files.createTempDirectory("quiver-fuzz");
        csv = FileFuzzing.seedFile(dir, "csv");
        arrow = FileFuzzing.seedFile(dir, "arrow");
    }

    @AfterContainer
    static void removeSeeds() throws IOException {
        FileFuzzing.deleteFolder(dir);
    }

    @Provide
    Arbitrary<List<FileFuzzing.Mutation>> mutations() {
        return FileFuzzing.mutations();
    }

    @Property
    void mutatedCsvFilesReadOrFailWithASentence(@ForAll("mutations") List<FileFuzzing.Mutation> mutations) {
        FileFuzzing.readOrFailClearly(dir, FileFuzzing.mutate(csv, mutations), "csv");
    }

    @Property
    void mutatedArrowFilesReadOrFailWithASentence(@ForAll("mutations") List<FileFuzzing.Mutation> mutations) {
        FileFuzzing.readOrFailClearly(dir, FileFuzzing.mutate(arrow, mutations), "arrow");
    }

    @Property
    void arbitraryBytesUnderACsvOrArrowNameFailWithASentence(@ForAll byte[] bytes) {
        FileFuzzing.readOrFailClearly(dir, bytes, "csv");
        FileFuzzing.readOrFailClearly(dir, bytes, "arrow");
    }
}
