package dev.quiver.gpu.cuda.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.ExecutionContext;
import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.feature.PlanExecutor;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.features.Device;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.features.execution.CpuExecutor;
import dev.quiver.gpu.cuda.GpuTests;
import dev.quiver.gpu.cuda.TestPanels;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every CUDA kernel against the CPU provider, on a 4,000 × 1,260 panel and on the edge cases (missing values, ties,
 * an all-missing date, late starts, one symbol, series shorter than the windows). Needs a GPU: skipped, naming the
 * reason, without one.
 *
 * <p>Tolerances (docs/gpu.md): cross-sectional ranks and counts exactly; every other output within 1e-12 relative
 * (|gpu − cpu| ≤ 1e-12 · max(1, |cpu|)), with NaN exactly where the CPU has NaN. The kernels are written to be bit
 * for bit equal; the test prints how many values are not, per column.
 */
@Tag("gpu")
class CudaKernelsGpuTest {

    /** The real executor, recording a failure instead of letting the planner hide it behind a CPU run. */
    private static final class Watched implements PlanExecutor {
        final CudaExecutor cuda = new CudaExecutor();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        int runs;

        @Override
        public String name() {
            return cuda.name();
        }

        @Override
        public int priority() {
            return cuda.priority();
        }

        @Override
        public String device() {
            return cuda.device();
        }

        @Override
        public Optional<String> refusal(ExecutionPlan plan, Panel panel) {
            return cuda.refusal(plan, panel);
        }

        @Override
        public Optional<String> refusalWhenRequested(ExecutionPlan plan, Panel panel) {
            return cuda.refusalWhenRequested(plan, panel);
        }

        @Override
        public void execute(ExecutionPlan plan, Panel panel, MemorySegment[] inputs, MemorySegment[] outputs,
                            ExecutionContext context) {
            runs++;
            try {
                cuda.execute(plan, panel, inputs, outputs, context);
            } catch (RuntimeException | Error e) {
                failure.set(e);
                throw e;
            }
        }
    }

    private static void compare(Panel panel, List<String> specs, String what) {
        Watched gpu = new Watched();
        List<Supplier<? extends PlanExecutor>> executors = List.of(() -> gpu, CpuExecutor::new);
        FeaturePlan onGpu = FeatureEngine.builder().device(Device.GPU)
                .executors(ProviderDiscovery.builder("executors", PlanExecutor.class).providers(executors).build())
                .build().plan(specs);
        FeaturePlan onCpu = FeatureEngine.builder().device(Device.CPU).build().plan(specs);
        assertThat(onGpu.executor(panel).executor().name()).as(what).isEqualTo("cuda");
        long live = Allocations.live();
        try (Table g = onGpu.compute(panel); Table c = onCpu.compute(panel)) {
            assertThat(gpu.failure.get()).as("%s: the GPU run failed", what).isNull();
            assertThat(gpu.runs).isEqualTo(1);
            assertThat(g.schema().names()).isEqualTo(c.schema().names());
            for (int col = 0; col < c.columnCount(); col++) {
                String name = c.column(col).name();
                double[] gv = g.float64(name).toArray();
                double[] cv = c.float64(name).toArray();
                boolean exact = name.startsWith("xs_rank") || name.startsWith("xs_count");
                int inexact = 0;
                for (int row = 0; row < cv.length; row++) {
                    double a = gv[row];
                    double b = cv[row];
                    if (Double.isNaN(b) || Double.isNaN(a)) {
                        assertThat(Double.isNaN(a)).as("%s %s row %d (symbol %s): gpu %s, cpu %s", what, name, row,
                                panel.symbol(panel.symbolOfRow(row)), a, b).isEqualTo(Double.isNaN(b));
                        continue;
                    }
                    if (Double.doubleToRawLongBits(a) != Double.doubleToRawLongBits(b)) {
                        inexact++;
                        double tolerance = exact ? 0 : 1e-12 * Math.max(1, Math.abs(b));
                        assertThat(Math.abs(a - b)).as("%s %s row %d (symbol %s): gpu %s, cpu %s", what, name, row,
                                panel.symbol(panel.symbolOfRow(row)), a, b).isLessThanOrEqualTo(tolerance);
                    }
                }
                if (inexact > 0) {
                    System.out.printf("%s: %s: %d of %d values differ from the CPU's bits (within tolerance)%n",
                            what, name, inexact, cv.length);
                }
            }
        }
        assertThat(Allocations.live()).as("device buffers after the run").isEqualTo(live);
    }

    @Test
    void everyKernelMatchesTheCpuOnTheFullPanel() {
        GpuTests.assumeCuda();
        try (Table input = TestPanels.bars(4_000, 1_260, 42, false)) {
            compare(TestPanels.panel(input), TestPanels.EVERY_KERNEL, "4,000 × 1,260");
        }
    }

    @Test
    void everyKernelMatchesTheCpuOnTheEdgeCases() {
        GpuTests.assumeCuda();
        try (Table input = TestPanels.bars(1_500, 300, 7, true)) {
            compare(TestPanels.panel(input), TestPanels.EVERY_KERNEL, "edge cases");
        }
        try (Table input = TestPanels.bars(1, 200, 8, true)) {
            compare(TestPanels.panel(input), TestPanels.EVERY_KERNEL, "one symbol");
        }
        try (Table input = TestPanels.bars(50, 9, 9, true)) {
            compare(TestPanels.panel(input), TestPanels.EVERY_KERNEL, "series shorter than the windows");
        }
        try (Table input = TestPanels.bars(3_000, 4, 10, true)) {
            compare(TestPanels.panel(input), TestPanels.EVERY_KERNEL, "wide dates (several tiles per date)");
        }
    }

    @Test
    void autoPicksTheGpuForTheFullPanel() {
        GpuTests.assumeCuda();
        try (Table input = TestPanels.bars(4_000, 300, 43, false)) {
            Panel panel = TestPanels.panel(input);
            assertThat(FeatureEngine.builder().device(Device.AUTO).build().plan(TestPanels.EVERY_KERNEL)
                    .executor(panel).executor().name()).isEqualTo("cuda");
        }
    }
}
