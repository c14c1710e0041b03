package dev.quiver.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.BuyingPowerPolicy;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.OrderRequest;
import dev.quiver.api.backtest.TimeInForce;
import dev.quiver.api.backtest.Trade;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.TestBars;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The margin account: buying power (reject or reduce), short-borrow cost, forced liquidation at the maintenance
 * margin, percent sizing split across symbols, and partial fills under a volume cap with each time in force. Every
 * figure is worked out by hand in the comments.
 */
class MarginAccountTest {
    private static final BacktestConfig CLOSE = BacktestConfig.builder().initialCash(1000).fill(FillTiming.CLOSE)
            .parallelism(1).build();

    private static Panel flat(double... closes) {
        double[][] rows = new double[closes.length][];
        for (int i = 0; i < closes.length; i++) {
            rows[i] = new double[] {closes[i], closes[i], closes[i], closes[i], 100};
        }
        return TestBars.one("X", rows);
    }

    private static BacktestResult buyOnFirstBar(double quantity, BacktestConfig config) {
        return EventBacktester.create().run(TestBars.scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", quantity));
            }
            if (i == 2 && ctx.position("X") != 0) {
                ctx.submit(OrderRequest.market("X", -ctx.position("X")));
            }
        }), flat(100, 100, 110), config);
    }

    @Test
    void anOrderBeyondBuyingPowerIsRejectedOrReducedByPolicy() {
        // 1,000 of equity at 50 % initial margin buys at most 2,000 of stock: 20 units at 100
        BacktestResult within = buyOnFirstBar(20, CLOSE);
        assertThat(within.trades()).hasSize(1);
        assertThat(within.metrics().rejectedOrders()).isZero();

        BacktestResult rejected = buyOnFirstBar(30, CLOSE);
        assertThat(rejected.trades()).isEmpty();
        assertThat(rejected.metrics().rejectedOrders()).isEqualTo(1);
        assertThat(rejected.equity().values()).containsOnly(1000.0);

        BacktestResult reduced = buyOnFirstBar(30, CLOSE.toBuilder().buyingPowerPolicy(BuyingPowerPolicy.REDUCE)
                .build());
        assertThat(reduced.metrics().reducedOrders()).isEqualTo(1);
        Trade t = reduced.trades().get(0);
        assertThat(t.quantity()).isCloseTo(20, within(1e-9));
        assertThat(t.profit()).isCloseTo(20 * 10, within(1e-9));

        // a cash account (margin 1) buys 10 units at most
        BacktestResult cash = buyOnFirstBar(30, CLOSE.toBuilder().cashAccount()
                .buyingPowerPolicy(BuyingPowerPolicy.REDUCE).build());
        assertThat(cash.trades().get(0).quantity()).isCloseTo(10, within(1e-9));
    }

    @Test
    void aShortPaysBorrowPerBarAndItsTradeShowsIt() {
        // 0.252 a year over 252 bars: 0.1 % of the short's value per bar; 10 units at 100: 1 a bar
        BacktestConfig config = CLOSE.toBuilder().borrowRate(0.252).build();
        BacktestResult r = EventBacktester.create().run(TestBars.scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", -10));
            } else if (i == 3) {
                ctx.submit(OrderRequest.market("X", 10));
            }
        }), flat(100, 100, 100, 100, 100), config);

        // charged at the ends of bars 0, 1 and 2 (bar 3 closes it before its end)
        Trade t = r.trades().get(0);
        assertThat(t.quantity()).isEqualTo(-10);
        assertThat(t.borrowCost()).isCloseTo(3, within(1e-12));
        assertThat(t.profit()).isCloseTo(-3, within(1e-12));
        assertThat(t.liquidation()).isFalse();
        assertThat(r.metrics().borrowCost()).isCloseTo(3, within(1e-12));
        assertThat(r.equity().values()).containsExactly(999, 998, 997, 997, 997);
    }

    @Test
    void equityBelowTheMaintenanceMarginLiquidatesAtTheCloseAndCancelsOrders() {
        // short 10 at 100 with 1,000: cash 2,000. At 150 equity is 500 against a requirement of 0.3 * 1,500 = 450;
        // at 180 it is 200 against 540: every position is closed at 180
        long[] stopId = new long[1];
        boolean[] open = new boolean[1];
        BacktestResult r = EventBacktester.create().run(TestBars.scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", -10));
                stopId[0] = ctx.submit(OrderRequest.limit("X", 10, 50));
            }
            if (i == 3) {
                open[0] = ctx.isOpen(stopId[0]);
            }
        }), flat(100, 150, 180, 170), CLOSE);

        assertThat(r.trades()).hasSize(1);
        Trade t = r.trades().get(0);
        assertThat(t.liquidation()).isTrue();
        assertThat(t.exitPrice()).isEqualTo(180);
        assertThat(t.exitTime()).isEqualTo(TestBars.day(2));
        assertThat(t.profit()).isCloseTo(-800, within(1e-9));
        assertThat(r.metrics().liquidations()).isEqualTo(1);
        assertThat(r.equity().values()).containsExactly(1000, 500, 200, 200);
        assertThat(open[0]).as("the liquidation cancelled the open limit order").isFalse();
    }

    @Test
    void percentOfEquitySplitsTheEquityAcrossTheSymbols() {
        double[][] a = {{10, 10, 10, 10, 100}, {10, 10, 10, 10, 100}};
        double[][] b = {{40, 40, 40, 40, 100}, {40, 40, 40, 40, 100}};
        Panel panel = TestBars.panel(Map.of("A", a, "B", b));
        PositionSizer sizer = PositionSizer.percentOfEquity(1);
        BacktestResult r = EventBacktester.create().run(TestBars.scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market(bar.symbol(), sizer.quantity(bar, ctx)));
            } else {
                ctx.submit(OrderRequest.market(bar.symbol(), -ctx.position(bar.symbol())));
            }
        }), panel, CLOSE);
        // 1,000 / 2 symbols: 50 units of A at 10, then (1,000 equity still) 12.5 units of B at 40
        assertThat(r.trades()).extracting(Trade::symbol, Trade::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 50.0),
                        org.assertj.core.groups.Tuple.tuple("B", 12.5));
    }

    @Test
    void aVolumeCapFillsPartsAndTimeInForceDecidesTheRest() {
        // volume 100 a bar, at most 10 % per fill: 10 units a bar; next-open fills
        BacktestConfig config = CLOSE.toBuilder().fill(FillTiming.NEXT_OPEN).maxVolumeShare(0.1).build();
        for (TimeInForce tif : TimeInForce.values()) {
            double[] positions = new double[6];
            EventBacktester.create().run(TestBars.scripted((bar, ctx, i) -> {
                positions[i] = ctx.position("X");
                if (i == 0) {
                    ctx.submit(OrderRequest.market("X", 25).withTimeInForce(tif));
                }
            }), flat(10, 10, 10, 10, 10, 10), config);
            switch (tif) {
                case GTC -> assertThat(positions).containsExactly(0, 10, 20, 25, 25, 25);
                case DAY -> assertThat(positions).containsExactly(0, 10, 10, 10, 10, 10);
                case IOC -> assertThat(positions).containsExactly(0, 10, 10, 10, 10, 10);
            }
        }
    }
}
