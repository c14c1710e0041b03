package dev.quiver.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.backtest.engine.PositionSizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Grid syntax, combination order, and sweep plans over the built-in strategies. */
class ParamGridTest {

    @Test
    void rangesAndListsExpandInOrder() {
        ParamGrid g = ParamGrid.parse(List.of("fast=5:15:5", "slow=20,50"));
        assertThat(g.axes()).isEqualTo(Map.of("fast", List.of("5", "10", "15"), "slow", List.of("20", "50")));
        assertThat(g.size()).isEqualTo(6);
        assertThat(g.combinations()).containsExactly(
                Map.of("fast", "5", "slow", "20"), Map.of("fast", "5", "slow", "50"),
                Map.of("fast", "10", "slow", "20"), Map.of("fast", "10", "slow", "50"),
                Map.of("fast", "15", "slow", "20"), Map.of("fast", "15", "slow", "50"));
        assertThat(ParamGrid.parse(List.of("low=0.1:0.5:0.1")).axes().get("low"))
                .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5");
        assertThat(ParamGrid.parse(List.of("a=1,2;b=3")).size()).isEqualTo(2);
        assertThat(ParamGrid.empty().combinations()).containsExactly(Map.of());
    }

    @Test
    void badAxesAreClearErrors() {
        assertThatThrownBy(() -> ParamGrid.parse(List.of("fast"))).hasMessageContaining("name=v1,v2");
        assertThatThrownBy(() -> ParamGrid.parse(List.of("fast=5:1:1"))).hasMessageContaining("start <= end");
        assertThatThrownBy(() -> ParamGrid.parse(List.of("fast=5:10"))).hasMessageContaining("start:end:step");
        assertThatThrownBy(() -> ParamGrid.parse(List.of("fast=a:b:c"))).hasMessageContaining("must be numbers");
        assertThatThrownBy(() -> ParamGrid.parse(List.of("fast=1", "fast=2"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> ParamGrid.parse(List.of("fast=1,,2"))).hasMessageContaining("empty value");
    }

    @Test
    @Timeout(5)
    void rangeNumbersWithEnormousScalesAreReadAsTheirValues() {
        // found by StrategySpecCoverageFuzzTest: a zero of ten million decimals made end - start take minutes
        assertThat(ParamGrid.parse(List.of("fst=0e-10000005:50:5")).axes().get("fst"))
                .containsExactly("0", "5", "10", "15", "20", "25", "30", "35", "40", "45", "50");
        assertThat(ParamGrid.parse(List.of("x=1.0000000000000000000000:3.00000000000000000000000:1e0")).axes()
                .get("x")).containsExactly("1", "2", "3");
        assertThat(ParamGrid.parse(List.of("x=0e+10000005:2:1")).axes().get("x")).containsExactly("0", "1", "2");
        assertThatThrownBy(() -> ParamGrid.parse(List.of("x=0:1:5e-10000005")))
                .hasMessageContaining("at most 15 decimals");
    }

    @Test
    void plansApplyAxesToTheStrategiesThatHaveThemAndSkipInvalidCombinations() {
        SweepPlan plan = SweepPlan.of(List.of("sma_cross", "breakout(10)"),
                ParamGrid.parse(List.of("fast=10:30:10", "slow=20,40", "n=5,10")), () -> PositionSizer.fixed(1));
        assertThat(plan.runs()).extracting(r -> r.label()).containsExactly(
                "sma_cross(10,20)", "sma_cross(10,40)", "sma_cross(20,40)", "sma_cross(30,40)",
                "breakout(5)", "breakout(10)");
        assertThat(plan.skipped()).hasSize(2);
        assertThat(plan.skipped().get(0).reason()).contains("fast < slow");

        assertThatThrownBy(() -> SweepPlan.of(List.of("breakout"), ParamGrid.parse(List.of("fast=1,2")),
                () -> PositionSizer.fixed(1))).hasMessageContaining("[fast] match no parameter");
        assertThatThrownBy(() -> SweepPlan.of(List.of("sma_cross"), ParamGrid.parse(List.of("fast=50", "slow=10")),
                () -> PositionSizer.fixed(1))).hasMessageContaining("no valid parameter combination");
    }
}
