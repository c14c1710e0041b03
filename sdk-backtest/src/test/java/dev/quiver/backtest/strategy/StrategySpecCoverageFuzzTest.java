package dev.quiver.backtest.strategy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of strategy specs and sweep grids, with the checks of
 * {@link StrategySpecFuzzTest}: every text parses or is refused with a sentence quoting it, within seconds. The first
 * byte chooses which parser gets the rest.
 *
 * <p>{@code ./mvnw verify} runs it over its seeds and earlier findings
 * ({@code src/test/resources/dev/quiver/backtest/strategy/StrategySpecCoverageFuzzTestInputs/}) and, in the
 * {@code coverage-fuzz} execution, fuzzes for {@code JAZZER_MAX_DURATION} (20 s in the build). A longer run:
 * {@code bin/fuzz.sh sdk-backtest 10m}.
 */
class StrategySpecCoverageFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void specsAndGridsParseOrAreRefusedWithASentence(FuzzedDataProvider data) {
        boolean grid = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        if (grid) {
            StrategySpecFuzzTest.gridOrRefuse(text);
        } else {
            StrategySpecFuzzTest.parseOrRefuse(text);
        }
    }
}
