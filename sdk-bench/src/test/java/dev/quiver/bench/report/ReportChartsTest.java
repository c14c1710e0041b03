package dev.quiver.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the charts draw: workloads as groups, a series and a colour per implementation, ratio labels, log axes. */
class ReportChartsTest {
    private static List<JmhResult> all;

    @BeforeAll
    static void read() throws Exception {
        all = JmhResultReader.read(GoalVerdictTest.fixture());
    }

    private static List<JmhResult> of(String benchmarkClass) {
        return all.stream().filter(r -> r.benchmarkClass().endsWith(benchmarkClass)).toList();
    }

    @Test
    void indicatorsAreGroupedBySpecWithASeriesPerImplementationQuiverFirst() {
        ReportCharts.ChartData d = ReportCharts.data("features.AllIndicatorsBenchmark", of("AllIndicatorsBenchmark"));

        // the one parameter the workloads differ in names the axis
        assertThat(d.categoryTitle()).isEqualTo("spec");
        assertThat(d.title()).endsWith(": bars labelled with their speed relative to the best peer");
        assertThat(d.categories()).containsExactly("sma", "ema", "hma", "rsi");
        assertThat(d.series()).containsOnlyKeys("Quiver scalar", "Quiver vector", "TA-Lib", "ta4j", "copy (ceiling)");
        assertThat(List.copyOf(d.series().keySet())).startsWith("Quiver scalar", "Quiver vector").endsWith(
                "copy (ceiling)");
        // G values/s: the values counter, so ta4j's 40-series panel compares with the others' 4,000
        assertThat(d.axisTitle()).isEqualTo("G values/s, higher is faster");
        assertThat(d.series().get("Quiver scalar").getFirst()).isCloseTo(100 * 1260 * 4000 / 1e9, within(1e-12));
        assertThat(d.series().get("ta4j").getFirst()).isCloseTo(50 * 1260 * 40 / 1e9, within(1e-12));
        // a workload lacking an implementation has no bar there
        assertThat(d.series().get("Quiver vector").subList(1, 4)).containsOnlyNulls();
        assertThat(d.series().get("TA-Lib").get(2)).isNull();
        // ratios to the workload's best peer (TA-Lib, not ta4j); without a peer, to the first implementation
        assertThat(d.labels().get("Quiver vector").getFirst()).isEqualTo("2.13x");
        assertThat(d.labels().get("TA-Lib").getFirst()).isEqualTo("1.00x");
        assertThat(d.labels().get("copy (ceiling)").get(1)).isEqualTo("5.00x");
        assertThat(d.labels().get("copy (ceiling)").get(2)).isEqualTo("8.00x");
        // copy against ta4j spans 800x: a log axis
        assertThat(d.logarithmic()).isTrue();
        assertThat(d.colors().get("TA-Lib")).isEqualTo(Implementation.of("taLib").color());
        assertThat(d.colors().values()).doesNotHaveDuplicates();
    }

    @Test
    void threadCountsAreSeriesAndTimedClassesChartTimeOnALinearAxis() {
        ReportCharts.ChartData features = ReportCharts.data("f", of("FeatureSetBenchmark"));
        assertThat(features.categories()).containsExactly("all");
        assertThat(features.categoryTitle()).isEmpty();
        assertThat(features.title()).isEqualTo("f: bars labelled with their speed relative to featureSet, 1 thread");
        assertThat(features.series()).containsOnlyKeys("featureSet, 1 thread", "featureSet, 2 threads");
        assertThat(features.labels().get("featureSet, 2 threads")).containsExactly("1.80x");
        assertThat(features.logarithmic()).isFalse();
        // two of Quiver's own methods get two different colours
        assertThat(features.colors().values()).doesNotHaveDuplicates().doesNotContainNull();

        ReportCharts.ChartData xs = ReportCharts.data("x", of("CrossSectionBenchmark"));
        assertThat(xs.axisTitle()).isEqualTo("time per operation (ms), lower is faster");
        assertThat(xs.series().get("plan, 1 thread")).singleElement().satisfies(v -> assertThat(v)
                .isCloseTo(80.0, within(1e-9)));
        assertThat(xs.labels().get("plan, 2 threads")).containsExactly("1.60x");
    }

    @Test
    void implementationsAreClassifiedByMethodName() {
        assertThat(Implementation.of("taLib").role()).isEqualTo(Implementation.Role.PEER);
        assertThat(Implementation.of("ta4jDouble").label()).isEqualTo("ta4j (double)");
        assertThat(Implementation.of("duckDbReadParquet").label()).isEqualTo("duckDbReadParquet");
        assertThat(Implementation.of("duckDbReadParquet").color()).isEqualTo(Implementation.of("duckDbScan").color());
        assertThat(Implementation.of("top1000PlainLoop").role()).isEqualTo(Implementation.Role.PEER);
        assertThat(Implementation.of("copy").role()).isEqualTo(Implementation.Role.CEILING);
        assertThat(Implementation.of("bareLoop").role()).isEqualTo(Implementation.Role.CEILING);
        Implementation engine = Implementation.of("eventEngine");
        assertThat(engine.quiver()).isTrue();
        assertThat(engine.color()).isNull();
        Color[] fixed = Arrays.stream(new String[] {"scalar", "vector", "taLib", "ta4j", "copy"})
                .map(m -> Implementation.of(m).color()).toArray(Color[]::new);
        assertThat(fixed).doesNotHaveDuplicates();
    }
}
