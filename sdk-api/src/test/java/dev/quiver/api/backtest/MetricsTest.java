package dev.quiver.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Metrics: named accessors and snake-case names read the same values; the builder copies. */
class MetricsTest {

    @Test
    void namedAccessorsAndNamesAgree() {
        Metrics m = Metrics.builder().totalReturn(0.25).sharpe(1.5).maxDrawdownBars(12).trades(7).beta(0.9)
                .rejectedOrders(2).build();

        assertThat(m.totalReturn()).isEqualTo(0.25);
        assertThat(m.value("total_return")).isEqualTo(0.25);
        assertThat(m.sharpe()).isEqualTo(m.value("sharpe")).isEqualTo(1.5);
        assertThat(m.maxDrawdownBars()).isEqualTo(12);
        assertThat(m.trades()).isEqualTo(7);
        assertThat(m.value("beta")).isEqualTo(0.9);
        assertThat(m.rejectedOrders()).isEqualTo(2);
        assertThat(m.liquidations()).isZero();
        assertThat(m.informationRatio()).isNaN();
        assertThat(m.toString()).contains("sharpe=1.5", "trades=7");
        Metrics more = m.toBuilder().informationRatio(0.4).build();
        assertThat(more.informationRatio()).isEqualTo(0.4);
        assertThat(m.informationRatio()).isNaN();
        assertThat(more).isNotEqualTo(m);
        assertThat(m.toBuilder().build()).isEqualTo(m).hasSameHashCodeAs(m);
        assertThat(Metrics.NAMES).containsAll(Metrics.COUNTS).containsAll(Metrics.FRACTIONS).doesNotHaveDuplicates();
        assertThatThrownBy(() -> m.value("sharp")).hasMessageContaining("unknown metric 'sharp'");
    }
}
