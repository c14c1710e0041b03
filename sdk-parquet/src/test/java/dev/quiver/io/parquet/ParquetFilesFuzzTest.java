package dev.quiver.io.parquet;

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
 * Fuzzes the Parquet reader with mutations of a file Quiver wrote (sdk-io's {@link FileFuzzing}): every read gives a
 * table or a sentence naming the file, within seconds, leaking no native memory. A longer run:
 * {@code ./mvnw -pl sdk-parquet test -Dtest=ParquetFilesFuzzTest -Djqwik.tries.default=30000}.
 */
class ParquetFilesFuzzTest {
    private static Path dir;
    private static byte[] parquet;

    @BeforeContainer
    static void writeSeed() throws IOException {
        dir = Files.createTempDirectory("quiver-fuzz");
        parquet = FileFuzzing.seedFile(dir, "parquet");
    }

    @AfterContainer
    static void removeSeed() throws IOException {
        FileFuzzing.deleteFolder(dir);
    }

    @Provide
    Arbitrary<List<FileFuzzing.Mutation>> mutations() {
        return FileFuzzing.mutations();
    }

    @Property
    void mutatedParquetFilesReadOrFailWithASentence(@ForAll("mutations") List<FileFuzzing.Mutation> mutations) {
        FileFuzzing.readOrFailClearly(dir, FileFuzzing.mutate(parquet, mutations), "parquet");
    }

    @Property
    void arbitraryBytesUnderAParquetNameFailWithASentence(@ForAll byte[] bytes) {
        FileFuzzing.readOrFailClearly(dir, bytes, "parquet");
    }
}
