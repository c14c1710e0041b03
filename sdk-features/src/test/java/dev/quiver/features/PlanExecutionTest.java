package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.ExecutionContext;
import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.feature.PlanExecutor;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.testing.NativeMemoryLeakCheck;
import dev.quiver.features.execution.ColumnPool;
import dev.quiver.features.execution.CpuExecutor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a plan picks its executor, falls back to the CPU, and borrows and gives back its memory. */
class PlanExecutionTest {
    private static final List<String> SPECS = List.of("sma(20)", "x = xs_rank(rsi(14))", "macd(12,26,9).hist",
            "ema(10)", "y = ema(10)");
    @org.junit.jupiter.api.extension.RegisterExtension
    final NativeMemoryLeakCheck memory = new NativeMemoryLeakCheck();

    /** A GPU stand-in: refuses with a given reason, or runs the CPU executor, or scribbles and then fails. */
    private static final class FakeGpu implements PlanExecutor {
        final String refusal;
        final boolean fails;
        final AtomicInteger runs = new AtomicInteger();

        FakeGpu(String refusal, boolean fails) {
            this.refusal = refusal;
            this.fails = fails;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int priority() {
            return 50;
        }

        @Override
        public String device() {
            return "gpu";
        }

        @Override
        public Optional<String> refusal(ExecutionPlan plan, Panel panel) {
            return Optional.ofNullable(refusal);
        }

        @Override
        public void execute(ExecutionPlan plan, Panel panel, MemorySegment[] inputs, MemorySegment[] outputs,
                            ExecutionContext context) {
            runs.incrementAndGet();
            if (fails) {
                outputs[0].setAtIndex(ValueLayout.JAVA_DOUBLE, 0, 12345.0); // half-written, then lost
                throw new IllegalStateException("CUDA_ERROR_LAUNCH_FAILED");
            }
            new CpuExecutor().execute(plan, panel, inputs, outputs, context);
        }
    }

    private static Table panelTable() {
        double[][] series = new double[9][];
        for (int s = 0; s < series.length; s++) {
            series[s] = s == 4 ? TestSeries.randomWithGaps(s, 250) : TestSeries.randomWalk(s, 300 - 7 * s);
        }
        return TestSeries.panelTable(TableBuilder.offHeap(), series);
    }

    /** Each column's values as bit patterns, so that NaN equals NaN and every bit counts. */
    private static long[][] values(Table t) {
        long[][] v = new long[t.columnCount()][];
        for (int c = 0; c < v.length; c++) {
            double[] column = t.float64(t.column(c).name()).toArray();
            v[c] = new long[column.length];
            for (int r = 0; r < column.length; r++) {
                v[c][r] = Double.doubleToRawLongBits(column[r]);
            }
        }
        return v;
    }

    private static long[][] cpuResult(Panel panel) {
        FeatureEngine cpu = FeatureEngine.builder().device(Device.CPU).build();
        try (Table t = cpu.plan(SPECS).compute(panel)) {
            return values(t);
        }
    }

    @Test
    void autoAndGpuPreferADeviceThatTakesThePlanAndCpuNeverUsesIt() {
        try (Table input = panelTable()) {
            Panel panel = TestSeries.panel(input);
            long[][] expected = cpuResult(panel);
            for (Device device : Device.values()) {
                FakeGpu gpu = new FakeGpu(null, false);
                FeaturePlan plan = FeatureEngine.builder().executorPlugins(List.of(gpu)).device(device).build()
                        .plan(SPECS);
                ExecutorChoice choice = plan.executor(panel);
                assertThat(choice.executor().name()).isEqualTo(device == Device.CPU ? "cpu" : "fake");
                try (Table t = plan.compute(panel)) {
                    assertThat(values(t)).isDeepEqualTo(expected);
                }
                assertThat(gpu.runs.get()).as(device.label()).isEqualTo(device == Device.CPU ? 0 : 1);
            }
        }
    }

    @Test
    void aRefusingDeviceLeavesThePlanToTheCpuAndSaysWhy() {
        try (Table input = panelTable()) {
            Panel panel = TestSeries.panel(input);
            FakeGpu gpu = new FakeGpu("the plan's 2,100 rows are too few to pay for the transfers", false);
            FeaturePlan plan = FeatureEngine.builder().executorPlugins(List.of(gpu)).device(Device.GPU).build()
                    .plan(SPECS);
            ExecutorChoice choice = plan.executor(panel);
            assertThat(choice.executor().device()).isEqualTo("cpu");
            assertThat(choice.reason()).isEqualTo("fake: the plan's 2,100 rows are too few to pay for the "
                    + "transfers; computing on the CPU");
            try (Table t = plan.compute(panel)) {
                assertThat(values(t)).isDeepEqualTo(cpuResult(panel));
            }
            assertThat(gpu.runs.get()).isZero();
        }
    }

    @Test
    void withoutAGpuExecutorTheGpuDeviceSaysSoAndComputesOnTheCpu() {
        try (Table input = panelTable()) {
            Panel panel = TestSeries.panel(input);
            FeaturePlan plan = FeatureEngine.builder().device(Device.GPU).build().plan(SPECS);
            assertThat(plan.executor(panel).reason()).contains("no GPU executor is installed");
            try (Table t = plan.compute(panel)) {
                assertThat(values(t)).isDeepEqualTo(cpuResult(panel));
            }
        }
    }

    @Test
    void aDeviceFailingMidPlanFallsBackToTheCpuWithTheCpuResult() {
        try (Table input = panelTable()) {
            Panel panel = TestSeries.panel(input);
            FakeGpu gpu = new FakeGpu(null, true);
            FeaturePlan plan = FeatureEngine.builder().executorPlugins(List.of(gpu)).build().plan(SPECS);
            try (Table t = plan.compute(panel)) {
                assertThat(values(t)).isDeepEqualTo(cpuResult(panel));
            }
            assertThat(gpu.runs.get()).isEqualTo(1);
        }
    }

    @Test
    void bufferedComputationsEqualFreshOnesAndAllocateNothing() {
        try (Table input = panelTable()) {
            Panel panel = TestSeries.panel(input);
            FeaturePlan plan = FeatureEngine.create().plan(SPECS);
            long[][] expected = cpuResult(panel);
            try (FeatureBuffers buffers = plan.buffers(panel.rowCount())) {
                for (int round = 0; round < 3; round++) {
                    Table t = plan.compute(panel, buffers);
                    assertThat(t.schema().names()).isEqualTo(plan.columns());
                    assertThat(values(t)).isDeepEqualTo(expected);
                }
            }
            try (FeatureBuffers wrong = plan.buffers(panel.rowCount() - 1)) {
                assertThatThrownBy(() -> plan.compute(panel, wrong))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan.buffers");
            }
        }
    }

    @Test
    void outputsAreBorrowedFromThePoolAndGivenBackOnClose() {
        ColumnPool pool = ColumnPool.create(1L << 30, Duration.ofMinutes(5));
        try (Table input = panelTable()) {
            Panel panel = TestSeries.panel(input);
            FeaturePlan plan = FeatureEngine.builder().memory(pool).build().plan(SPECS);
            long[][] first;
            try (Table t = plan.compute(panel)) {
                first = values(t);
                assertThat(pool.lentBytes()).isEqualTo(5L * panel.rowCount() * Double.BYTES);
            }
            long fresh = pool.freshLoans();
            assertThat(pool.lentBytes()).isZero();
            try (Table t = plan.compute(panel)) {
                // the same values from reused memory that held the last result: every row is rewritten
                assertThat(values(t)).isDeepEqualTo(first);
            }
            assertThat(pool.freshLoans()).as("the second computation borrows only reused memory").isEqualTo(fresh);
            assertThat(pool.reusedLoans()).isPositive();
        } finally {
            pool.trim();
        }
    }
}
