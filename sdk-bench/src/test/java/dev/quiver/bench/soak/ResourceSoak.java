package dev.quiver.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.ProgressListener;
import dev.quiver.api.backtest.RunOutcome;
import dev.quiver.api.backtest.StrategyRun;
import dev.quiver.api.param.Params;
import dev.quiver.api.table.NativeMemory;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.backtest.engine.EventBacktester;
import dev.quiver.backtest.engine.PositionSizer;
import dev.quiver.backtest.strategy.Strategies;
import dev.quiver.bench.backtest.SyntheticBars;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Resource soak: long loops through the public API must leave heap and native memory where they found them.
 *
 * <ul>
 *   <li>a 100,000-run sweep ({@code sma_cross} over 100,000 (fast, slow) pairs, 1,260 daily bars each), in ten rounds
 *       of 10,000 runs whose results are dropped;
 *   <li>a 10,000-plan feature loop: 10,000 distinct plans (periods vary, so none is a repeat), each compiled and
 *       computed on a 30-symbol × 1,260-day panel and its output closed.
 * </ul>
 *
 * <p>After each round it measures the heap in use after a full collection, Quiver's off-heap table memory
 * ({@link NativeMemory}), the JDK's direct and mapped buffer pools, and the process's resident set. It asserts that
 * Quiver's native memory is back to zero after every round, that the buffer pools do not grow, and that the heap
 * after the last round is within 16 MiB of the heap after the first (the first round warms caches: class data, the
 * column pool up to its bound, JIT), and that the feature engine's column pool has nothing lent and retains no more
 * than its bound. The table of figures is printed.
 *
 * <p>Not part of the default suite (the class name does not end in {@code Test}; tagged {@code soak}). Run it with
 * <pre>{@code ./mvnw -pl sdk-bench -am test -Dtest=ResourceSoak -Dsurefire.failIfNoSpecifiedTests=false}</pre>
 * about two minutes on two cores.
 */
@Tag("soak")
class ResourceSoak {
    private static final long TOLERANCE = 16L << 20;

    @Test
    void aHundredThousandRunSweepLeavesHeapAndNativeMemoryConstant() {
        Panel panel = SyntheticBars.panel(1, 1_260);
        BacktestConfig config = BacktestConfig.defaults().withFill(FillTiming.CLOSE).withParallelism(2);
        EventBacktester engine = EventBacktester.create();
        List<Sample> samples = new ArrayList<>();
        samples.add(Sample.take("before"));
        int rounds = 10;
        int perRound = 10_000;
        long runsDone = 0;
        for (int r = 0; r < rounds; r++) {
            List<StrategyRun> runs = new ArrayList<>(perRound);
            for (int i = 0; i < perRound; i++) {
                int k = r * perRound + i;          // 100,000 distinct pairs: fast 2..401, slow fast+1..fast+250
                int fast = 2 + k / 250;
                int slow = fast + 1 + k % 250;
                Params p = Strategies.bind("sma_cross", Map.of("fast", Integer.toString(fast), "slow",
                        Integer.toString(slow)));
                runs.add(Strategies.run("sma_cross", p, () -> PositionSizer.percentOfEquity(1)));
            }
            List<RunOutcome> outcomes = engine.sweepSummaries(runs, panel, config, ProgressListener.NONE);
            assertThat(outcomes).hasSize(perRound).allSatisfy(o -> assertThat(o).isInstanceOf(RunOutcome.Completed.class));
            runsDone += outcomes.size();
            samples.add(Sample.take("after " + runsDone + " runs"));
        }
        assertThat(runsDone).isEqualTo(100_000);
        check("100,000-run sweep", samples);
    }

    @Test
    void tenThousandFeaturePlansLeaveHeapAndNativeMemoryConstant() {
        Panel panel = SyntheticBars.panel(30, 1_260);
        FeatureEngine engine = FeatureEngine.create();
        List<Sample> samples = new ArrayList<>();
        samples.add(Sample.take("before"));
        int plans = 0;
        for (int r = 0; r < 10; r++) {
            for (int i = 0; i < 1_000; i++) {
                int k = r * 1_000 + i;
                FeaturePlan plan = engine.plan("sma(" + (2 + k % 200) + ")", "rsi(" + (2 + k / 200) + ")",
                        "bbands(" + (5 + k % 37) + ", 2).upper", "xs_rank(roc(" + (1 + k % 50) + "))");
                try (Table out = plan.compute(panel)) {
                    assertThat(out.rowCount()).isEqualTo(panel.table().rowCount());
                }
                plans++;
            }
            samples.add(Sample.take("after " + plans + " plans"));
        }
        check("10,000-plan feature loop", samples);
        // the engine's column pool keeps freed output columns for reuse, within its bound; none is still lent
        var pool = engine.memory();
        System.out.printf(Locale.ROOT, "column pool: %.1f MiB retained (bound %d MiB), %d loans reused, %d fresh%n",
                pool.retainedBytes() / 1048576.0, pool.maxRetainedBytes() >> 20, pool.reusedLoans(), pool.freshLoans());
        assertThat(pool.lentBytes()).isZero();
        assertThat(pool.retainedBytes()).isLessThanOrEqualTo(pool.maxRetainedBytes());
    }

    private static void check(String what, List<Sample> samples) {
        StringBuilder report = new StringBuilder("\n" + what + "\n")
                .append(String.format(Locale.ROOT, "%-22s %12s %14s %12s %12s %12s%n", "", "heap MiB", "Quiver native",
                        "direct MiB", "mapped MiB", "RSS MiB"));
        for (Sample s : samples) {
            report.append(s).append('\n');
        }
        System.out.println(report);
        for (Sample s : samples) {
            assertThat(s.nativeBytes).as("Quiver's off-heap bytes %s", s.label).isZero();
            assertThat(s.nativeRegions).as("Quiver's off-heap regions %s", s.label).isZero();
        }
        Sample first = samples.get(1);
        Sample last = samples.getLast();
        assertThat(last.heap).as("heap after the last round vs the first" + report).isLessThan(first.heap + TOLERANCE);
        assertThat(last.direct).as("direct buffers" + report).isLessThanOrEqualTo(first.direct + TOLERANCE);
        assertThat(last.mapped).as("mapped buffers" + report).isLessThanOrEqualTo(first.mapped);
    }

    /** One measurement, after a full collection. */
    private record Sample(String label, long heap, long nativeBytes, long nativeRegions, long direct, long mapped,
                          long rss) {
        static Sample take(String label) {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long direct = 0;
            long mapped = 0;
            for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
                if (pool.getName().equals("direct")) {
                    direct = pool.getMemoryUsed();
                } else if (pool.getName().equals("mapped")) {
                    mapped = pool.getMemoryUsed();
                }
            }
            return new Sample(label, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                    NativeMemory.bytesInUse(), NativeMemory.regionsInUse(), direct, mapped, residentBytes());
        }

        private static long residentBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (java.io.IOException | NumberFormatException e) {
                // not Linux: not reported
            }
            return -1;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-22s %12.1f %14d %12.1f %12.1f %12.1f", label, heap / 1048576.0,
                    nativeBytes, direct / 1048576.0, mapped / 1048576.0, rss / 1048576.0);
        }
    }
}
