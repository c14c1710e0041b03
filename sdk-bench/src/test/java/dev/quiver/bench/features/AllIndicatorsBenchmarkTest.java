package dev.quiver.bench.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.features.ScalarKernelProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Runs each case of {@link AllIndicatorsBenchmark} once on a tiny panel: the scalar kernel and TA-Lib agree where
 * TA-Lib has the operator (to 1e-9 relative: a few operators follow TA-Lib's arithmetic only up to rounding), the
 * copy copies, and the parameter list covers every time-series operator of the scalar provider.
 */
class AllIndicatorsBenchmarkTest {
    private static final Set<String> NO_TA_LIB = Set.of("hma", "keltner", "donchian", "cmf", "vwap", "ret", "logret",
            "zscore", "median");
    static final List<String> SPECS = List.of(AllIndicatorsBenchmark.SPECS);

    @ParameterizedTest
    @FieldSource("SPECS")
    void everyCaseRunsAndAgreesWithTaLib(String spec) {
        AllIndicatorsBenchmark b = new AllIndicatorsBenchmark();
        b.spec = spec;
        b.rows = 200;
        b.symbols = 5;
        b.setUp();
        try {
            PanelValues counter = new PanelValues();
            b.scalar(counter);
            b.copy(counter);
            assertThat(b.copied(4, 199)).isEqualTo(b.close(4, 199));
            assertThat(counter.values).isEqualTo(2L * 200 * 5);
            int warmUp = b.kernel().warmUp();
            for (int o = 0; o < b.kernel().outputs().size(); o++) {
                assertThat(b.value(o, 4, 199)).as("%s output %d", spec, o).isFinite();
                if (warmUp > 0) {
                    assertThat(b.value(o, 4, warmUp - 1)).isNaN();
                }
            }
            if (NO_TA_LIB.contains(spec)) {
                assertThatThrownBy(() -> b.taLib(counter)).isInstanceOf(UnsupportedOperationException.class);
                return;
            }
            b.taLib(counter);
            int outputs = Math.min(b.kernel().outputs().size(), 3);
            for (int s = 0; s < b.symbols; s++) {
                for (int r = warmUp; r < b.rows; r++) {
                    for (int o = 0; o < outputs; o++) {
                        double ours = b.value(o, s, r);
                        double theirs = b.taLibValue(o, s, r);
                        assertThat(Math.abs(ours - theirs)).as("%s output %d symbol %d row %d: %s vs TA-Lib %s",
                                spec, o, s, r, ours, theirs).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(theirs)));
                    }
                }
            }
        } finally {
            b.tearDown();
        }
    }

    @Test
    void theParameterListIsEveryTimeSeriesOperator() throws NoSuchFieldException {
        String[] params = AllIndicatorsBenchmark.class.getField("spec").getAnnotation(Param.class).value();
        assertThat(params).containsExactly(AllIndicatorsBenchmark.SPECS);
        List<String> timeSeries = new ScalarKernelProvider().operators().stream()
                .filter(d -> d.kind() == OperatorKind.TIME_SERIES).map(OperatorDescriptor::name).toList();
        assertThat(SPECS).containsExactlyInAnyOrderElementsOf(timeSeries);
    }
}
