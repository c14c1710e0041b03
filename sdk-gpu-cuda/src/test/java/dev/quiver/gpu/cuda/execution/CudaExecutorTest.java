package dev.quiver.gpu.cuda.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.quiver.api.feature.ExecutionPlan;
import dev.quiver.api.feature.PlanExecutor;
import dev.quiver.api.provider.ProviderDiscovery;
import dev.quiver.api.provider.ProviderInfo;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.features.Device;
import dev.quiver.features.ExecutorChoice;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import dev.quiver.features.execution.CpuExecutor;
import dev.quiver.gpu.cuda.CudaRuntime;
import dev.quiver.gpu.cuda.CudaStatus;
import dev.quiver.gpu.cuda.HostDevice;
import dev.quiver.gpu.cuda.TestPanels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cuda executor without a GPU: discovered, unavailable with one plain reason, leaving every plan to the CPU under
 * {@code auto} and {@code gpu}; its refusals (operators without a kernel, plugin operators, auto's size threshold);
 * and its orchestration on a host-side device: what is uploaded, launched, copied back and freed, on success and
 * when a launch fails mid-plan (the plan is then computed on the CPU, and no device buffer is left behind).
 */
class CudaExecutorTest {
    private static final List<String> SPECS = List.of("sma(20)", "x = xs_rank(rsi(14))", "macd(12,26,9).hist",
            "ema(10)", "y = ema(10)");
    private static final CudaStatus AVAILABLE = new CudaStatus(true, 1, List.of("Test GPU (compute 9.0, 1.0 GiB)"),
            "13.0", "", "");
    private long bytesBefore;
    private long liveBefore;

    @BeforeEach
    void record() {
        bytesBefore = NativeMemory.bytesInUse();
        liveBefore = Allocations.live();
    }

    @AfterEach
    void nothingLeaks() {
        assertThat(NativeMemory.bytesInUse()).as("off-heap bytes").isEqualTo(bytesBefore);
        assertThat(Allocations.live()).as("device buffers").isEqualTo(liveBefore);
    }

    private static long[][] cpu(Panel panel, List<String> specs) {
        try (Table t = FeatureEngine.builder().device(Device.CPU).build().plan(specs).compute(panel)) {
            return TestPanels.bits(t);
        }
    }

    private static FeatureEngine engine(PlanExecutor cuda, Device device) {
        List<Supplier<? extends PlanExecutor>> executors = List.of(() -> cuda, CpuExecutor::new);
        return FeatureEngine.builder().device(device)
                .executors(ProviderDiscovery.builder("executors", PlanExecutor.class).providers(executors).build())
                .build();
    }

    @Test
    void theExecutorIsDiscoveredAndSaysWhyItIsUnavailableHere() {
        assumeFalse(CudaRuntime.probe().available(), "this machine has CUDA; CudaKernelsGpuTest covers it");
        FeatureEngine engine = FeatureEngine.create();
        ProviderInfo cuda = engine.executors().stream().filter(i -> i.name().equals("cuda")).findFirst()
                .orElseThrow(() -> new AssertionError("cuda executor not discovered: " + engine.executors()));
        assertThat(cuda.available()).isFalse();
        assertThat(cuda.availability().reason()).isEqualTo(CudaRuntime.probe().reason()).doesNotContain("\n");
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(cuda.availability().reason()).contains("libcuda.so.1");
        }
    }

    @Test
    void withoutCudaAutoAndGpuComputeOnTheCpuAndSayWhyInOneLine() {
        assumeFalse(CudaRuntime.probe().available(), "this machine has CUDA; CudaKernelsGpuTest covers it");
        try (Table input = TestPanels.bars(40, 120, 1, true)) {
            Panel panel = TestPanels.panel(input);
            long[][] expected = cpu(panel, TestPanels.EVERY_KERNEL);
            for (Device device : Device.values()) {
                FeaturePlan plan = FeatureEngine.builder().device(device).build().plan(TestPanels.EVERY_KERNEL);
                ExecutorChoice choice = plan.executor(panel);
                assertThat(choice.executor().device()).isEqualTo("cpu");
                if (device == Device.CPU) {
                    assertThat(choice.reason()).isEmpty();
                } else {
                    assertThat(choice.reason()).startsWith("cuda is unavailable: " + CudaRuntime.probe().reason())
                            .endsWith("; computing on the CPU").doesNotContain("\n");
                }
                try (Table t = plan.compute(panel)) {
                    assertThat(TestPanels.bits(t)).as(device.label()).isDeepEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theRealExecutorRefusesEveryPlanWithoutADriverAndExecuteSaysWhy() {
        assumeFalse(CudaRuntime.probe().available(), "this machine has CUDA; CudaKernelsGpuTest covers it");
        try (Table input = TestPanels.bars(5, 50, 2, false)) {
            Panel panel = TestPanels.panel(input);
            ExecutionPlan plan = FeatureEngine.create().plan(SPECS).execution();
            CudaExecutor cuda = new CudaExecutor();
            assertThat(cuda.refusal(plan, panel)).hasValue("no CUDA: " + CudaRuntime.probe().reason());
            assertThat(cuda.refusalWhenRequested(plan, panel)).hasValue("no CUDA: " + CudaRuntime.probe().reason());
            assertThatThrownBy(() -> cuda.execute(plan, panel, new java.lang.foreign.MemorySegment[1],
                    new java.lang.foreign.MemorySegment[5], null)).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void refusesOperatorsWithoutAKernelAndSmallPanelsUnderAutoOnly() {
        CudaExecutor cuda = new CudaExecutor(() -> AVAILABLE, () -> new HostDevice(0));
        try (Table input = TestPanels.bars(5, 50, 3, false)) {
            Panel panel = TestPanels.panel(input);
            FeatureEngine engine = FeatureEngine.create();
            ExecutionPlan kama = engine.plan(List.of("sma(5)", "kama(10)")).execution();
            assertThat(cuda.refusalWhenRequested(kama, panel)).hasValue("operator kama (kama(10)) has no CUDA "
                    + "kernel");
            ExecutionPlan small = engine.plan(TestPanels.EVERY_KERNEL).execution();
            assertThat(cuda.refusalWhenRequested(small, panel)).isEmpty();
            assertThat(cuda.refusal(small, panel)).hasValueSatisfying(r -> assertThat(r)
                    .contains("250 rows are below the 1,000,000").contains("not yet measured"));
            // through the planner: auto leaves the small plan to the CPU, gpu takes it
            assertThat(engine(cuda, Device.AUTO).plan(SPECS).executor(panel).executor().device()).isEqualTo("cpu");
            assertThat(engine(cuda, Device.GPU).plan(SPECS).executor(panel).executor().name()).isEqualTo("cuda");
            assertThat(engine(cuda, Device.GPU).plan(List.of("kama(10)")).executor(panel).reason())
                    .isEqualTo("cuda: operator kama (kama(10)) has no CUDA kernel; computing on the CPU");
        }
    }

    @Test
    void uploadsOnceKeepsIntermediatesOnTheDeviceCopiesBackOnlyOutputsAndFreesEverything() {
        HostDevice device = new HostDevice(0);
        CudaExecutor cuda = new CudaExecutor(() -> AVAILABLE, () -> device);
        try (Table input = TestPanels.bars(6, 80, 4, false)) {
            Panel panel = TestPanels.panel(input);
            FeaturePlan plan = engine(cuda, Device.GPU).plan(SPECS);
            assertThat(plan.executor(panel).executor().name()).isEqualTo("cuda");
            try (Table t = plan.compute(panel)) {
                assertThat(t.columnCount()).isEqualTo(SPECS.size());
            }
        }
        // steps: sma, rsi, macd, ema (stage 1), xs_rank(rsi) (stage 2)
        assertThat(device.launches).containsExactly("ts_sma", "ts_rsi", "ts_macd", "ts_ema", "xs_rank");
        // symbol starts, date offsets, date rows, the close column; then 7 step outputs and the rank scratch
        assertThat(device.allocs).hasSize(12);
        assertThat(device.uploads).hasSize(4);
        // sma, x, macd.hist, ema: y = ema(10) is the same computation, copied on the host
        assertThat(device.downloads).hasSize(4);
        assertThat(device.buffers).as("device buffers left").isEmpty();
        assertThat(device.frees).hasSize(12).doesNotHaveDuplicates();
        assertThat(device.closed).isTrue();
        // at stage 2's launch: the indexes and the close column (1-4), rsi's output (6), which xs_rank reads, and
        // xs_rank's output and scratch (11, 12); sma (5), macd (7-9) and ema (10), copied back after stage 1 and read
        // by no later stage, are already freed
        assertThat(device.liveAtLaunch.get(4)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 6L, 11L, 12L);
    }

    @Test
    void aLaunchFailingMidPlanFreesEverythingAndThePlanIsComputedOnTheCpu() {
        for (int failAt = 1; failAt <= 5; failAt++) {
            HostDevice device = new HostDevice(failAt);
            CudaExecutor cuda = new CudaExecutor(() -> AVAILABLE, () -> device);
            try (Table input = TestPanels.bars(6, 80, 5, true)) {
                Panel panel = TestPanels.panel(input);
                try (Table t = engine(cuda, Device.GPU).plan(SPECS).compute(panel)) {
                    assertThat(TestPanels.bits(t)).as("failing at launch %d", failAt)
                            .isDeepEqualTo(cpu(panel, SPECS));
                }
            }
            assertThat(device.launches).hasSize(failAt);
            assertThat(device.buffers).as("device buffers left after a failure at launch %d", failAt).isEmpty();
            assertThat(device.closed).isTrue();
        }
    }

    @Test
    void anEmptyPanelNeedsNoDeviceMemory() {
        HostDevice device = new HostDevice(0);
        CudaExecutor cuda = new CudaExecutor(() -> AVAILABLE, () -> device);
        try (Table input = TestPanels.bars(0, 10, 6, false)) {
            Panel panel = TestPanels.panel(input);
            try (Table t = engine(cuda, Device.GPU).plan(SPECS).compute(panel)) {
                assertThat(t.rowCount()).isZero();
            }
        }
        assertThat(device.allocs).isEmpty();
        assertThat(new ArrayList<>(device.launches)).isEmpty();
    }
}
