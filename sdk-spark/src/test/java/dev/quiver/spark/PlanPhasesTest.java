package dev.quiver.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.features.FeatureEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How plans are cut into time-series and cross-sectional phases, and what passes between them. */
class PlanPhasesTest {
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    @Test
    void aTimeSeriesPlanIsOnePhaseWithThePlansOwnOutputs() {
        List<PlanPhases.Phase> phases = PlanPhases.of(ENGINE.plan("sma(20)", "rsi_slow=sma(rsi(14),5)"));
        assertThat(phases).hasSize(1);
        assertThat(phases.get(0).crossSectional()).isFalse();
        assertThat(phases.get(0).outputColumns()).containsExactly("sma(20)", "rsi_slow");
        assertThat(phases.get(0).plan().inputColumns()).containsExactly("close");
    }

    @Test
    void crossSectionalStepsOnTimeSeriesResultsMakeASecondPhaseThatReadsThemAsColumns() {
        List<PlanPhases.Phase> phases = PlanPhases.of(ENGINE.plan("sma(20)", "xs_rank(roc(5))"));
        assertThat(phases).extracting(PlanPhases.Phase::crossSectional).containsExactly(false, true);
        String carried = phases.get(0).outputColumns().getFirst();
        assertThat(carried).startsWith(PlanPhases.INTERMEDIATE_PREFIX);
        assertThat(phases.get(0).outputColumns()).containsExactly(carried, "sma(20)");
        assertThat(phases.get(1).plan().inputColumns()).containsExactly(carried);
        assertThat(phases.get(1).outputColumns()).containsExactly("xs_rank(roc(5))");
    }

    @Test
    void aCrossSectionalStepOnAPanelColumnStartsWithACrossSectionalPhase() {
        List<PlanPhases.Phase> phases = PlanPhases.of(ENGINE.plan("xs_zscore(close)", "xs_rank(xs_zscore(close))"));
        assertThat(phases).hasSize(1);
        assertThat(phases.get(0).crossSectional()).isTrue();
        assertThat(phases.get(0).plan().stages()).isEqualTo(2);
    }

    @Test
    void timeSeriesOnCrossSectionalResultsAlternateThePhases() {
        List<PlanPhases.Phase> phases = PlanPhases.of(ENGINE.plan("xs_rank(sma(xs_zscore(close), 3))", "sma(5)"));
        assertThat(phases).extracting(PlanPhases.Phase::crossSectional).containsExactly(true, false, true);
        // sma(5) reads only the panel, and joins the time-series phase that exists anyway
        assertThat(phases.get(1).outputColumns()).contains("sma(5)");
    }

    @Test
    void prunedToSomeOutputsAPhaseKeepsOnlyTheStepsAndInputsTheyRead() {
        PlanPhases.Phase phase = PlanPhases.of(ENGINE.plan("sma(20)", "rsi_slow=sma(rsi(14),5)", "atr(14)")).get(0);
        var pruned = PlanPhases.prune(phase.plan(), java.util.Set.of("rsi_slow"));
        assertThat(pruned.outputs()).extracting(o -> o.name()).containsExactly("rsi_slow");
        assertThat(pruned.steps()).hasSize(2); // rsi(14) and the sma over it
        assertThat(pruned.inputColumns()).containsExactly("close");
        assertThat(phase.plan().inputColumns()).contains("high", "low", "close");
    }

    @Test
    void theTripOfACrossSectionalPhaseComputesOnlyTheTimeSeriesStepsItReads() {
        List<PlanPhases.Phase> phases = PlanPhases.of(ENGINE.plan("sma(20)", "atr(14)", "xs_rank(roc(5))"));
        var before = PlanPhases.timeSeriesFor(phases, 1, phases.get(1).plan().inputColumns());
        assertThat(before).hasSize(1);
        assertThat(before.getFirst().steps()).hasSize(1); // roc(5), not sma(20) or atr(14)
        assertThat(before.getFirst().outputs()).extracting(o -> o.name())
                .containsExactlyElementsOf(phases.get(1).plan().inputColumns());
        // the last home task needs the plan's time-series outputs, not roc(5), which only the cross-section reads
        var last = PlanPhases.timeSeriesFor(phases, phases.size(), List.of("sma(20)", "atr(14)", "xs_rank(roc(5))"));
        assertThat(last.getFirst().outputs()).extracting(o -> o.name()).containsExactly("sma(20)", "atr(14)");
    }
}
