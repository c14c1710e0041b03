package dev.quiver.api.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.param.Params;
import dev.quiver.api.table.Panel;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionPlanTest {

    /** A kernel that only has a shape: one input, one or two outputs. */
    private record Shape(String name, int parts) implements FeatureKernel {
        @Override
        public OperatorDescriptor descriptor() {
            return new OperatorDescriptor(name, "test", OperatorKind.TIME_SERIES, name, List.of(), List.of("close"),
                    parts == 1 ? List.of("") : List.of("a", "b"));
        }

        @Override
        public Params params() {
            return Params.bind(List.of(), Map.of());
        }

        @Override
        public List<String> inputs() {
            return List.of("close");
        }

        @Override
        public List<String> outputs() {
            return parts == 1 ? List.of(name) : List.of(name + ".a", name + ".b");
        }

        @Override
        public int warmUp() {
            return 0;
        }

        @Override
        public void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            throw new UnsupportedOperationException("shape only");
        }

        @Override
        public void compute(Panel panel, MemorySegment[] in, MemorySegment[] out) {
            throw new UnsupportedOperationException("shape only");
        }

        @Override
        public IncrementalKernel incremental() {
            throw new UnsupportedOperationException("shape only");
        }
    }

    private static ExecutionPlan.Step step(String name, int parts, ExecutionPlan.Source in, int stage) {
        return new ExecutionPlan.Step(new Shape(name, parts), "test", List.of(in), stage);
    }

    @Test
    void describesStagesAndWhenEachIntermediateIsLastRead() {
        ExecutionPlan plan = new ExecutionPlan(List.of("close"), List.of(
                step("a", 2, new ExecutionPlan.Column(0), 1),
                step("b", 1, new ExecutionPlan.Column(0), 1),
                step("c", 1, new ExecutionPlan.Part(0, 1), 2),
                step("d", 1, new ExecutionPlan.Part(2, 0), 3)),
                List.of(new ExecutionPlan.Output("d", 3, 0), new ExecutionPlan.Output("b", 1, 0)));
        assertThat(plan.stages()).isEqualTo(3);
        assertThat(plan.stage(1)).containsExactly(0, 1);
        assertThat(plan.stage(3)).containsExactly(3);
        assertThat(plan.lastReadStage()).containsExactly(2, 1, 3, 3);
    }

    @Test
    void rejectsSourcesThatAreMissingOrComeLaterAndWrongStages() {
        assertThatThrownBy(() -> new ExecutionPlan(List.of("close"),
                List.of(step("a", 1, new ExecutionPlan.Part(0, 0), 2)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not come before it");
        assertThatThrownBy(() -> new ExecutionPlan(List.of("close"),
                List.of(step("a", 1, new ExecutionPlan.Column(0), 1), step("b", 1, new ExecutionPlan.Part(0, 0), 1)),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage 2");
        assertThatThrownBy(() -> new ExecutionPlan(List.of("close"),
                List.of(step("a", 1, new ExecutionPlan.Column(1), 1)), List.of()))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new ExecutionPlan(List.of("close"),
                List.of(step("a", 1, new ExecutionPlan.Column(0), 1)), List.of(new ExecutionPlan.Output("x", 0, 1))))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void checkSegmentsWantsOneSegmentPerInputAndOutputOfExactlyTheRows() {
        ExecutionPlan plan = new ExecutionPlan(List.of("close"), List.of(step("a", 1, new ExecutionPlan.Column(0), 1)),
                List.of(new ExecutionPlan.Output("a", 0, 0)));
        MemorySegment ten = MemorySegment.ofArray(new double[10]);
        plan.checkSegments(10, new MemorySegment[] {ten}, new MemorySegment[] {MemorySegment.ofArray(new double[10])});
        assertThatThrownBy(() -> plan.checkSegments(10, new MemorySegment[0], new MemorySegment[] {ten}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("0 input segments given, the plan has 1");
        assertThatThrownBy(() -> plan.checkSegments(10, new MemorySegment[] {ten}, new MemorySegment[] {ten, ten}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 output segments given, the plan has 1");
        assertThatThrownBy(() -> plan.checkSegments(11, new MemorySegment[] {ten}, new MemorySegment[] {ten}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input 0 holds 80 bytes, the panel's rows need 88");
        assertThatThrownBy(() -> plan.checkSegments(10, new MemorySegment[] {ten},
                new MemorySegment[] {MemorySegment.ofArray(new double[9])}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output 0 holds 72 bytes, the panel's rows need 80");
    }
}
