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
 * vector kernel agrees with the scalar one where it exists, ta4j gives finite values after its warm-up where it has
 * the operator (and the same values for the definitions without conventions), the copy copies, and the parameter
 * list covers every time-series operator of the scalar provider.
 */
class AllIndicatorsBenchmarkTest {
    private static final Set<String> NO_TA_LIB = Set.of("hma", "keltner", "donchian", "cmf", "vwap", "ret", "logret",
            "zscore", "median");
    private static final Set<String> NO_TA4J = Set.of("ultosc", "trix", "ret", "logret", "median", "beta", "ppo",
            "apo");
    private static final Set<String> VECTOR = Set.of("sma", "ema", "rsi", "trange", "atr", "natr");
    // ta4j computes these by the same definition, so its values after the warm-up are ours up to rounding
    private static final Set<String> SAME_AS_TA4J = Set.of("sma", "wma", "trange", "min", "max", "donchian");
    static final List<String> TA4J_EXTRA = List.of("ppo(12,26,ema)", "apo(12,26,ema)");
    static final List<String> SPECS = List.of(AllIndicatorsBenchmark.SPECS);

    @ParameterizedTest
    @FieldSource("SPECS")
    void everyCaseRunsAndAgreesWithTaLib(String spec) {
        AllIndicatorsBenchmark b = tiny(spec);
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
            checkTa4j(b, spec);
            checkVector(b, spec);
            b.scalar(counter); // the vector case overwrote the outputs
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

    @ParameterizedTest
    @FieldSource("TA4J_EXTRA")
    void ta4jRunsThePriceOscillatorsWithEmas(String spec) {
        AllIndicatorsBenchmark b = tiny(spec);
        try {
            checkTa4j(b, spec);
        } finally {
            b.tearDown();
        }
    }

    private static AllIndicatorsBenchmark tiny(String spec) {
        AllIndicatorsBenchmark b = new AllIndicatorsBenchmark();
        b.spec = spec;
        b.rows = 200;
        b.symbols = 5;
        b.ta4jSymbols = 3;
        b.setUp();
        return b;
    }

    /** ta4j over the first 3 symbols: finite from the middle of the series on, or a clear refusal. */
    private static void checkTa4j(AllIndicatorsBenchmark b, String spec) {
        PanelValues counter = new PanelValues();
        String name = b.kernel().descriptor().name();
        if (NO_TA4J.contains(spec)) {
            assertThatThrownBy(() -> b.ta4j(counter)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining(name);
            return;
        }
        b.scalar(counter);
        b.ta4j(counter);
        assertThat(counter.values).isEqualTo(200L * 5 + 200L * 3);
        assertThat(b.ta4jOutputs()).isEqualTo(spec.equals("stochrsi") ? 1 : b.kernel().outputs().size());
        for (int o = 0; o < b.ta4jOutputs(); o++) {
            for (int s = 0; s < 3; s++) {
                for (int r = 100; r < 200; r++) {
                    assertThat(b.ta4jValue(o, s, r)).as("ta4j %s output %d symbol %d row %d", spec, o, s, r)
                            .isFinite();
                    if (SAME_AS_TA4J.contains(spec)) {
                        double ours = b.value(o, s, r);
                        assertThat(b.ta4jValue(o, s, r)).as("ta4j %s output %d symbol %d row %d", spec, o, s, r)
                                .isCloseTo(ours, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(ours))));
                    }
                }
            }
        }
    }

    /** The vector kernel where the vector provider has the operator (it agrees with the scalar one), else a refusal. */
    private static void checkVector(AllIndicatorsBenchmark b, String spec) {
        PanelValues counter = new PanelValues();
        assertThat(b.hasVector()).as(spec).isEqualTo(VECTOR.contains(spec));
        if (!VECTOR.contains(spec)) {
            assertThatThrownBy(() -> b.vector(counter)).isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        b.scalar(counter);
        double[][] scalar = new double[b.symbols][b.rows];
        for (int s = 0; s < b.symbols; s++) {
            for (int r = 0; r < b.rows; r++) {
                scalar[s][r] = b.value(0, s, r);
            }
        }
        b.vector(counter);
        for (int s = 0; s < b.symbols; s++) {
            for (int r = b.kernel().warmUp(); r < b.rows; r++) {
                assertThat(Math.abs(b.value(0, s, r) - scalar[s][r])).as("vector %s symbol %d row %d", spec, s, r)
                        .isLessThanOrEqualTo(1e-9 * (1 + Math.abs(scalar[s][r])));
            }
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
