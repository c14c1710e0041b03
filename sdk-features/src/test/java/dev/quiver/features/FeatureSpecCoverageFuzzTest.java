package dev.quiver.features;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Coverage-guided fuzzing (Jazzer) of the feature specification language, with the check of
 * {@link FeatureSpecFuzzTest}: every text compiles to a plan or is refused with a sentence quoting it, within seconds.
 *
 * <p>{@code ./mvnw verify} runs it twice: as a plain test over its seeds and earlier findings
 * ({@code src/test/resources/dev/quiver/features/FeatureSpecCoverageFuzzTestInputs/}), and in the
 * {@code coverage-fuzz} execution, fuzzing for {@code JAZZER_MAX_DURATION} (20 s in the build). A longer run:
 * {@code bin/fuzz.sh sdk-features 10m}.
 */
class FeatureSpecCoverageFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void specsCompileOrAreRefusedWithASentence(@NotNull String text) {
        FeatureSpecFuzzTest.compileOrRefuse(text);
    }
}
