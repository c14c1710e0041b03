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
        BacktestConfig d = cfg(1000, FillTiming.NEXT_OPEN, 0, 0, 252, 1);

        assertThat(d.withFill(FillTiming.CLOSE)).isEqualTo(cfg(1000, FillTiming.CLOSE, 0, 0, 252, 1));
        assertThat(d.withCosts(1.5, 2)).isEqualTo(cfg(1000, FillTiming.NEXT_OPEN, 1.5, 2, 252, 1));
        assertThat(d.withParallelism(8)).isEqualTo(cfg(1000, FillTiming.NEXT_OPEN, 0, 0, 252, 8));
    }

    @Test
    void outOfRangeValuesAreRejectedListingTheConfig() {
        assertThatThrownBy(() -> cfg(0, FillTiming.CLOSE, 0, 0, 252, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid backtest config: cash 0.0, commission 0.0 bps, slippage 0.0 bps, periods/year "
                        + "252.0, parallelism 1");
        assertThatThrownBy(() -> cfg(Double.NaN, FillTiming.CLOSE, 0, 0, 252, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cfg(1, FillTiming.CLOSE, -1, 0, 252, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cfg(1, FillTiming.CLOSE, 0, Double.NaN, 252, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cfg(1, FillTiming.CLOSE, 0, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cfg(1, FillTiming.CLOSE, 0, 0, 252, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BacktestConfig.defaults().withCosts(-0.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commission -0.5 bps");
        assertThatThrownBy(() -> cfg(1, null, 0, 0, 252, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theBuilderSetsTheMarginAccountAndChecksItsRanges() {
        BacktestConfig c = BacktestConfig.builder().initialCash(5000).longMargin(0.6, 0.3).shortMargin(1.5, 0.4)
                .borrowRate(0.02).buyingPowerPolicy(BuyingPowerPolicy.REDUCE).maxVolumeShare(0.1).parallelism(1)
                .build();

        assertThat(c.longInitialMargin()).isEqualTo(0.6);
        assertThat(c.longMaintenanceMargin()).isEqualTo(0.3);
        assertThat(c.shortInitialMargin()).isEqualTo(1.5);
        assertThat(c.shortMaintenanceMargin()).isEqualTo(0.4);
        assertThat(c.borrowRate()).isEqualTo(0.02);
        assertThat(c.buyingPowerPolicy()).isEqualTo(BuyingPowerPolicy.REDUCE);
        assertThat(c.maxVolumeShare()).isEqualTo(0.1);
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.withCosts(1, 2).borrowRate()).isEqualTo(0.02);
        BacktestConfig d = BacktestConfig.defaults();
        assertThat(d.longInitialMargin()).isEqualTo(0.5);
        assertThat(d.longMaintenanceMargin()).isEqualTo(0.25);
        assertThat(d.shortMaintenanceMargin()).isEqualTo(0.3);
        assertThat(d.buyingPowerPolicy()).isEqualTo(BuyingPowerPolicy.REJECT);
        assertThat(d.maxVolumeShare()).isNaN();
        assertThatThrownBy(() -> BacktestConfig.builder().longMargin(0.5, 0.6).build())
                .hasMessageContaining("maintenance (long 0.6");
        assertThatThrownBy(() -> BacktestConfig.builder().maxVolumeShare(0).build())
                .hasMessageContaining("volume share");
        assertThatThrownBy(() -> BacktestConfig.builder().borrowRate(-1).build())
                .hasMessageContaining("borrow rate");
    }

    private static BacktestConfig cfg(double cash, FillTiming fill, double commission, double slippage,
                                      double periods, int threads) {
        return BacktestConfig.builder().initialCash(cash).fill(fill).commissionBps(commission).slippageBps(slippage)
                .periodsPerYear(periods).parallelism(threads).build();
    }
}
