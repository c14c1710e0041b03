package dev.quiver.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Backtest settings: ranges are checked, withers copy. */
class BacktestConfigTest {

    @Test
    void theDefaultsAreValid() {
        BacktestConfig d = BacktestConfig.defaults();

        assertThat(d.initialCash()).isEqualTo(100_000);
        assertThat(d.fill()).isEqualTo(FillTiming.NEXT_OPEN);
        assertThat(d.commissionBps()).isZero();
        assertThat(d.slippageBps()).isZero();
        assertThat(d.periodsPerYear()).isEqualTo(252);
        assertThat(d.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void withersChangeOneSetting() {
        BacktestConfig d = new BacktestConfig(1000, FillTiming.NEXT_OPEN, 0, 0, 252, 1);

        assertThat(d.withFill(FillTiming.CLOSE)).isEqualTo(new BacktestConfig(1000, FillTiming.CLOSE, 0, 0, 252, 1));
        assertThat(d.withCosts(1.5, 2)).isEqualTo(new BacktestConfig(1000, FillTiming.NEXT_OPEN, 1.5, 2, 252, 1));
        assertThat(d.withParallelism(8)).isEqualTo(new BacktestConfig(1000, FillTiming.NEXT_OPEN, 0, 0, 252, 8));
    }

    @Test
    void outOfRangeValuesAreRejectedListingTheConfig() {
        assertThatThrownBy(() -> new BacktestConfig(0, FillTiming.CLOSE, 0, 0, 252, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid backtest config: cash 0.0, commission 0.0 bps, slippage 0.0 bps, periods/year "
                        + "252.0, parallelism 1");
        assertThatThrownBy(() -> new BacktestConfig(Double.NaN, FillTiming.CLOSE, 0, 0, 252, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacktestConfig(1, FillTiming.CLOSE, -1, 0, 252, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacktestConfig(1, FillTiming.CLOSE, 0, Double.NaN, 252, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacktestConfig(1, FillTiming.CLOSE, 0, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacktestConfig(1, FillTiming.CLOSE, 0, 0, 252, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BacktestConfig.defaults().withCosts(-0.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commission -0.5 bps");
        assertThatThrownBy(() -> new BacktestConfig(1, null, 0, 0, 252, 1)).isInstanceOf(NullPointerException.class);
    }
}
