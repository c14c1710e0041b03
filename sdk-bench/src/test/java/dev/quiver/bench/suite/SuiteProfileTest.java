package dev.quiver.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;

/** A step's own iteration settings in place of its profile's, value by value. */
class SuiteProfileTest {
    private static final SuiteProfile.Settings PROFILE = new SuiteProfile.Settings(1, 1, 2,
            TimeValue.milliseconds(500), TimeValue.milliseconds(500));

    @Test
    void aStepWithoutSettingsOfItsOwnRunsWithTheProfilesAndItsForks() {
        assertThat(new SuiteProfile.Step("x", List.of(), Map.of()).settings(PROFILE)).isEqualTo(PROFILE);
        assertThat(new SuiteProfile.Step("x", List.of(), Map.of(), 3).settings(PROFILE).forks()).isEqualTo(3);
    }

    @Test
    void aStepsOwnValuesReplaceTheProfilesOneByOne() {
        SuiteProfile.Step step = new SuiteProfile.Step("x", List.of(), Map.of(), -1,
                new SuiteProfile.Settings(-1, 6, -1, TimeValue.seconds(3), null));

        assertThat(step.settings(PROFILE)).isEqualTo(new SuiteProfile.Settings(1, 6, 2, TimeValue.seconds(3),
                TimeValue.milliseconds(500)));
    }

    @Test
    void theQuickProfileWarmsTheFeatureSetUpForSecondsAndTheRestForHalfASecond() {
        SuiteProfile.Settings base = SuiteProfile.QUICK.settings();
        for (SuiteProfile.Step step : SuiteProfile.QUICK.steps()) {
            SuiteProfile.Settings s = step.settings(base);
            if (step.include().contains("FeatureSetBenchmark")) {
                assertThat(s.warmups() * s.warmup().convertTo(java.util.concurrent.TimeUnit.SECONDS))
                        .isGreaterThanOrEqualTo(15);
            } else {
                assertThat(s.warmup()).isEqualTo(base.warmup());
            }
        }
    }
}
