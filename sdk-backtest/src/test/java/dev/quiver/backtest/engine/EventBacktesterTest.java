package dev.quiver.backtest.engine;

import static dev.quiver.backtest.TestBars.day;
import static dev.quiver.backtest.TestBars.scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.api.backtest.BacktestConfig;
import dev.quiver.api.backtest.BacktestResult;
import dev.quiver.api.backtest.FillTiming;
import dev.quiver.api.backtest.OrderRequest;
import dev.quiver.api.backtest.Strategy;
import dev.quiver.api.backtest.TimeInForce;
import dev.quiver.api.backtest.Trade;
import dev.quiver.api.table.Panel;
import dev.quiver.backtest.TestBars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed scenarios for every order type, both fill timings, gaps, costs, shorting and several symbols sharing
 * one account. Bars (open, high, low, close, volume):
 * <pre>
 * 0: 100 102  99 101      1: 102 104 101 103      2: 103 106 102 105
 * 3: 104 105 100 101      4:  98  99  95  96 (gap down)      5: 97 100 96 99
 * </pre>
 */
class EventBacktesterTest {
    static final double[][] BARS = {
            {100, 102, 99, 101, 1000},
            {102, 104, 101, 103, 1000},
            {103, 106, 102, 105, 1000},
            {104, 105, 100, 101, 1000},
            {98, 99, 95, 96, 1000},
            {97, 100, 96, 99, 1000},
    };
    static final Panel PANEL = TestBars.one("X", BARS);
    static final BacktestConfig NEXT_OPEN = BacktestConfig.builder().initialCash(100_000)
            .fill(FillTiming.NEXT_OPEN).periodsPerYear(252).parallelism(1).build();
    static final BacktestConfig CLOSE = NEXT_OPEN.withFill(FillTiming.CLOSE);

    private static BacktestResult run(Strategy strategy, BacktestConfig config) {
        return EventBacktester.create().run(strategy, PANEL, config);
    }

    private static void assertTrade(Trade t, long entry, long exit, double entryPrice, double exitPrice,
                                    double quantity, double profit) {
        assertThat(t.symbol()).isEqualTo("X");
        assertThat(t.entryTime()).as("entry time").isEqualTo(entry);
        assertThat(t.exitTime()).as("exit time").isEqualTo(exit);
        assertThat(t.entryPrice()).as("entry price").isEqualTo(entryPrice);
        assertThat(t.exitPrice()).as("exit price").isEqualTo(exitPrice);
        assertThat(t.quantity()).as("quantity").isEqualTo(quantity);
        assertThat(t.profit()).as("profit").isCloseTo(profit, within(1e-9));
    }

    @Test
    void marketOrdersFillAtTheNextOpen() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", 10));
                assertThat(ctx.position("X")).as("not filled before the next bar").isZero();
            } else if (i == 1) {
                assertThat(ctx.position("X")).as("filled at this bar's open, before the strategy sees it")
                        .isEqualTo(10);
            } else if (i == 2) {
                ctx.submit(OrderRequest.market("X", -10));
            }
        }), NEXT_OPEN);

        assertThat(r.trades()).hasSize(1);
        assertTrade(r.trades().get(0), day(1), day(3), 102, 104, 10, 20);
        assertThat(r.trades().get(0).profitPct()).isCloseTo(20.0 / 1020, within(1e-15));
        assertThat(r.equity().values()).containsExactly(100_000, 98_980 + 1030, 98_980 + 1050, 100_020, 100_020,
                100_020);
        assertThat(r.equity().times()).containsExactly(day(0), day(1), day(2), day(3), day(4), day(5));
        assertThat(r.metrics().totalReturn()).isCloseTo(20.0 / 100_000, within(1e-15));
        assertThat(r.metrics().exposure()).isCloseTo(2.0 / 6, within(1e-15));
        assertThat(r.metrics().trades()).isEqualTo(1);
    }

    @Test
    void marketOrdersFillAtThisCloseUnderCloseTiming() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", 10));
                assertThat(ctx.position("X")).as("filled at once, at this close").isEqualTo(10);
                assertThat(ctx.cash()).isEqualTo(100_000 - 1010);
            } else if (i == 2) {
                ctx.submit(OrderRequest.market("X", -10));
            }
        }), CLOSE);

        assertTrade(r.trades().get(0), day(0), day(2), 101, 105, 10, 40);
        assertThat(r.equity().values()).containsExactly(100_000, 100_020, 100_040, 100_040, 100_040, 100_040);
    }

    @Test
    void limitOrdersFillAtTheLimitOrAtABetterOpen() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.limit("X", 10, 100.5)); // bars 1, 2 stay above; bar 3's low reaches it
            } else if (i == 3) {
                assertThat(ctx.position("X")).isEqualTo(10);
                ctx.submit(OrderRequest.limit("X", 5, 99));     // bar 4 opens at 98, below the limit: the open
            } else if (i == 4) {
                assertThat(ctx.position("X")).isEqualTo(15);
                ctx.submit(OrderRequest.limit("X", -15, 99.5)); // bar 5: opens 97, high 100 reaches it
            }
        }), NEXT_OPEN);

        assertThat(r.trades()).hasSize(1);
        double entry = (100.5 * 10 + 98 * 5) / 15;
        assertTrade(r.trades().get(0), day(3), day(5), entry, 99.5, 15, (99.5 - entry) * 15);
    }

    @Test
    void sellLimitGappedThroughFillsAtTheBetterOpen() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", 10));        // 102 at bar 1
                ctx.submit(OrderRequest.limit("X", -10, 101.5)); // bar 1 opens at 102, above the limit
            }
        }), NEXT_OPEN);

        assertTrade(r.trades().get(0), day(1), day(1), 102, 102, 10, 0);
    }

    @Test
    void stopOrdersTriggerIntrabarOrFillAtTheOpenAfterAGap() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", 10));        // 102 at bar 1
            } else if (i == 1) {
                ctx.submit(OrderRequest.stop("X", -10, 101.5));  // bar 3's low 100 reaches it: 101.5
            } else if (i == 3) {
                ctx.submit(OrderRequest.market("X", 10));        // 98 at bar 4
                ctx.submit(OrderRequest.stop("X", -10, 99.5));   // bar 4 gaps down to 98: the open
            }
        }), NEXT_OPEN);

        assertThat(r.trades()).hasSize(2);
        assertTrade(r.trades().get(0), day(1), day(3), 102, 101.5, 10, -5);
        assertTrade(r.trades().get(1), day(4), day(4), 98, 98, 10, 0);
    }

    @Test
    void buyStopTriggersWhenTheHighReachesIt() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 1) {
                ctx.submit(OrderRequest.stop("X", 10, 105.5));   // bar 2's high 106: 105.5
            } else if (i == 3) {
                ctx.submit(OrderRequest.market("X", -10));       // 98 at bar 4
            }
        }), NEXT_OPEN);

        assertTrade(r.trades().get(0), day(2), day(4), 105.5, 98, 10, -75);
    }

    @Test
    void stopLimitOrdersTriggerThenActAsLimits() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 1) {
                // triggered within bar 2 at 105.5, within its limit: fills at the stop
                ctx.submit(OrderRequest.stopLimit("X", 10, 105.5, 106));
                // triggered within bar 2 but the limit is below the stop: waits; bar 3 opens at 104 <= 105
                ctx.submit(OrderRequest.stopLimit("X", 5, 105.5, 105));
            } else if (i == 3) {
                assertThat(ctx.position("X")).isEqualTo(15);
                // bar 4 gaps below the stop: triggered at the open 98, which is above the limit 97: fills at 98
                ctx.submit(OrderRequest.stopLimit("X", -15, 99.5, 97));
            }
        }), NEXT_OPEN);

        double entry = (105.5 * 10 + 104 * 5) / 15;
        assertTrade(r.trades().get(0), day(2), day(4), entry, 98, 15, (98 - entry) * 15);
    }

    @Test
    void stopLimitTriggeredByAGapWaitsForItsLimit() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", 10));                  // 102 at bar 1
            } else if (i == 3) {
                // bar 4 opens at 98, through the stop 99.5; below the limit 98.5, but the high 99 reaches it
                ctx.submit(OrderRequest.stopLimit("X", -10, 99.5, 98.5));
            }
        }), NEXT_OPEN);

        assertTrade(r.trades().get(0), day(1), day(4), 102, 98.5, 10, -35);
    }

    @Test
    void trailingStopsFollowTheBestPriceAndTrigger() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", 10));                  // 102 at bar 1
            } else if (i == 1) {
                // from the close 103 at distance 3: level 100; bar 2 (low 102) raises the high to 106, level 103;
                // bar 3's low 100 reaches 103
                ctx.submit(OrderRequest.trailingStop("X", -10, 3));
            }
        }), NEXT_OPEN);

        assertTrade(r.trades().get(0), day(1), day(3), 102, 103, 10, 10);
    }

    @Test
    void buyTrailingStopCoversAShort() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 2) {
                ctx.submit(OrderRequest.market("X", -10));                 // short at 104 (bar 3)
            } else if (i == 3) {
                // from the close 101 at distance 2: level 103; bar 4 (high 99) lowers the low to 95, level 97;
                // bar 5 opens at 97: at the level, fills at the open
                ctx.submit(OrderRequest.trailingStop("X", 10, 2));
            }
        }), NEXT_OPEN);

        Trade t = r.trades().get(0);
        assertThat(t.quantity()).isEqualTo(-10);
        assertThat(t.exitPrice()).isEqualTo(97);
        assertThat(t.profit()).isEqualTo(70);
    }

    @Test
    void dayOrdersExpireAfterOneBarAndGtcOrdersStay() {
        long[] ids = new long[2];
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ids[0] = ctx.submit(OrderRequest.limit("X", 10, 100.5).withTimeInForce(TimeInForce.DAY));
                ids[1] = ctx.submit(OrderRequest.limit("X", 1, 100.5));
                assertThat(ctx.isOpen(ids[0])).isTrue();
            } else if (i == 1) {
                assertThat(ctx.isOpen(ids[0])).as("a DAY order lives for one bar").isFalse();
                assertThat(ctx.isOpen(ids[1])).isTrue();
            } else if (i == 3) {
                assertThat(ctx.isOpen(ids[1])).as("filled").isFalse();
                assertThat(ctx.position("X")).isEqualTo(1);
            }
        }), NEXT_OPEN);
        assertThat(r.metrics().exposure()).isCloseTo(3.0 / 6, within(1e-15));
    }

    @Test
    void cancelledOrdersNeverFillAndReplacedOnesKeepTheirId() {
        long[] ids = new long[2];
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ids[0] = ctx.submit(OrderRequest.limit("X", 10, 100.5));
                ids[1] = ctx.submit(OrderRequest.limit("X", 10, 90));
            } else if (i == 1) {
                assertThat(ctx.cancel(ids[0])).isTrue();
                assertThat(ctx.cancel(ids[0])).as("already cancelled").isFalse();
                assertThat(ctx.replace(ids[1], OrderRequest.limit("X", 5, 100.5))).isTrue();
                assertThat(ctx.isOpen(ids[1])).isTrue();
                assertThatThrownBy(() -> ctx.replace(ids[1], OrderRequest.limit("Y", 5, 100.5)))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same symbol");
            } else if (i == 3) {
                assertThat(ctx.position("X")).isEqualTo(5);
                assertThat(ctx.isOpen(ids[1])).isFalse();
                assertThat(ctx.replace(ids[1], OrderRequest.limit("X", 5, 100.5))).as("no longer open").isFalse();
                ctx.submit(OrderRequest.market("X", -5));
            }
        }), NEXT_OPEN);

        assertTrade(r.trades().get(0), day(3), day(4), 100.5, 98, 5, -12.5);
    }

    @Test
    void slippageAndCommissionAreChargedOnEveryFill() {
        EventBacktester bt = EventBacktester.builder()
                .slippage(SlippageModel.fixedBps(50))
                .commission(CommissionModel.perShare(0.01, 1.0))
                .build();
        BacktestResult r = bt.run(roundTrip(10), PANEL, NEXT_OPEN);

        Trade t = r.trades().get(0);
        double buy = 102 * (1 + 0.005);
        double sell = 104 * (1 - 0.005);
        assertThat(t.entryPrice()).isEqualTo(buy);
        assertThat(t.exitPrice()).isEqualTo(sell);
        assertThat(t.fees()).as("the minimum of 1 per fill").isEqualTo(2);
        assertThat(t.profit()).isCloseTo((sell - buy) * 10 - 2, within(1e-9));
        assertThat(t.profitPct()).isCloseTo(t.profit() / (buy * 10), within(1e-15));
        assertThat(r.equity().equity(5)).isCloseTo(100_000 + t.profit(), within(1e-9));
    }

    @Test
    void commissionModelsComputeTheirFees() {
        assertThat(CommissionModel.perShare(0.01, 1).fee(500, 20)).isEqualTo(5);
        assertThat(CommissionModel.perShare(0.01, 1).fee(-50, 20)).isEqualTo(1);
        assertThat(CommissionModel.perTrade(4.95).fee(-3, 100)).isEqualTo(4.95);
        assertThat(CommissionModel.bps(10, 0).fee(-10, 102)).isCloseTo(1.02, within(1e-12));
        assertThat(CommissionModel.bps(10, 5).fee(10, 102)).isEqualTo(5);
        assertThat(CommissionModel.perTrade(1).plus(CommissionModel.bps(10, 0)).fee(10, 100)).isEqualTo(2);
        assertThatThrownBy(() -> CommissionModel.bps(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void volumeShareSlippageGrowsWithTheSquareOfTheShare() {
        SlippageModel m = SlippageModel.volumeShare(0.1);
        assertThat(m.fillPrice(100, 100, 1000)).isCloseTo(100 * (1 + 0.1 * 0.01), within(1e-12));
        assertThat(m.fillPrice(100, -200, 1000)).isCloseTo(100 * (1 - 0.1 * 0.04), within(1e-12));
        assertThat(m.fillPrice(100, 5000, 1000)).as("capped at a share of 1").isCloseTo(110, within(1e-12));
        assertThat(m.fillPrice(100, 1, Double.NaN)).as("no volume: the largest impact").isCloseTo(110, within(1e-12));

        BacktestResult r = EventBacktester.builder().slippage(m).build().run(roundTrip(100), PANEL, NEXT_OPEN);
        assertThat(r.trades().get(0).entryPrice()).isCloseTo(102 * 1.001, within(1e-12));
        assertThat(r.trades().get(0).exitPrice()).isCloseTo(104 * 0.999, within(1e-12));
    }

    @Test
    void configCostsApplyWhenNoModelIsSet() {
        BacktestResult r = run(roundTrip(10), NEXT_OPEN.withCosts(10, 20));
        Trade t = r.trades().get(0);
        double buy = 102 * 1.002;
        double sell = 104 * 0.998;
        assertThat(t.entryPrice()).isEqualTo(buy);
        assertThat(t.exitPrice()).isEqualTo(sell);
        assertThat(t.fees()).isCloseTo(0.001 * 10 * (buy + sell), within(1e-12));
    }

    @Test
    void shortPositionsProfitFromFallingPrices() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", -10));   // short at 102
            } else if (i == 1) {
                assertThat(ctx.position("X")).isEqualTo(-10);
                assertThat(ctx.cash()).isEqualTo(101_020);
                assertThat(ctx.equity()).isEqualTo(101_020 - 1030);
            } else if (i == 3) {
                ctx.submit(OrderRequest.market("X", 10));    // cover at 98
            }
        }), NEXT_OPEN);

        assertTrade(r.trades().get(0), day(1), day(4), 102, 98, -10, 40);
        assertThat(r.trades().get(0).profitPct()).isCloseTo(40.0 / 1020, within(1e-15));
        assertThat(r.equity().values()).containsExactly(100_000, 99_990, 99_970, 100_010, 100_040, 100_040);
    }

    @Test
    void aFillThroughZeroClosesTheTradeAndOpensTheOtherSide() {
        BacktestResult r = EventBacktester.builder().commission(CommissionModel.perShare(0.1, 0)).build()
                .run(scripted((bar, ctx, i) -> {
                    if (i == 0) {
                        ctx.submit(OrderRequest.market("X", 10));    // long 10 at 102, fee 1
                    } else if (i == 2) {
                        ctx.submit(OrderRequest.market("X", -30));   // at 104: close 10, short 20; fee 3
                    } else if (i == 4) {
                        ctx.submit(OrderRequest.market("X", 20));    // cover at 97, fee 2
                    }
                }), PANEL, NEXT_OPEN);

        assertThat(r.trades()).hasSize(2);
        Trade first = r.trades().get(0);
        assertTrade(first, day(1), day(3), 102, 104, 10, 20 - 1 - 1);
        assertThat(first.fees()).isCloseTo(2, within(1e-12));
        Trade second = r.trades().get(1);
        assertTrade(second, day(3), day(5), 104, 97, -20, 140 - 2 - 2);
        assertThat(second.fees()).isCloseTo(4, within(1e-12));
        assertThat(r.equity().equity(5)).isCloseTo(100_000 + 18 + 136, within(1e-9));
    }

    @Test
    void symbolsShareOneAccountAndAreVisitedInSymbolOrder() {
        double[][] flat = new double[6][];
        for (int i = 0; i < 6; i++) {
            flat[i] = new double[] {50, 50, 50, 50, 1000};
        }
        Panel panel = TestBars.panel(Map.of("X", BARS, "A", flat));
        List<String> seen = new ArrayList<>();
        BacktestResult r = EventBacktester.create().run(scripted((bar, ctx, i) -> {
            seen.add(bar.symbol() + i);
            if (i == 0 && bar.symbol().equals("A")) {
                // X's bar of this timestamp comes next: under CLOSE this fills at X's close (101)
                ctx.submit(OrderRequest.market("X", 10));
                ctx.submit(OrderRequest.market("A", 100));    // A's own bar: at once, at 50
                assertThat(ctx.position("X")).isZero();
            } else if (i == 0) {
                assertThat(ctx.position("X")).isEqualTo(10);
                assertThat(ctx.cash()).isEqualTo(100_000 - 5000 - 1010);
                // A's bar of this timestamp is past: fills at A's next open
                ctx.submit(OrderRequest.market("A", -100));
            } else if (i == 2 && bar.symbol().equals("X")) {
                ctx.submit(OrderRequest.market("X", -10));
            }
        }), panel, CLOSE);

        assertThat(seen.subList(0, 4)).containsExactly("A0", "X0", "A1", "X1");
        assertThat(r.trades()).extracting(Trade::symbol).containsExactly("A", "X");
        assertThat(r.trades().get(0).exitTime()).isEqualTo(day(1));
        assertThat(r.trades().get(1).profit()).isEqualTo(40);
        assertThat(r.equity().size()).isEqualTo(6);
        assertThat(r.equity().equity(0)).isEqualTo(100_000);
        assertThat(r.equity().equity(1)).isEqualTo(100_000 - 1010 + 1030);
        assertThat(r.equity().equity(5)).isEqualTo(100_040);
    }

    @Test
    void unequalCalendarsMarkAtTheLastClose() {
        // Y trades on days 0, 2, 4 only: on days 1, 3 and 5 its position is marked at its previous close
        double[][] y = {{10, 10, 10, 10, 1}, {12, 12, 12, 12, 1}, {14, 14, 14, 14, 1}};
        long[] yDays = {day(0), day(2), day(4)};
        long[] xDays = new long[6];
        for (int i = 0; i < 6; i++) {
            xDays[i] = day(i);
        }
        Panel panel = TestBars.panel(Map.of("X", BARS, "Y", y), Map.of("X", xDays, "Y", yDays));
        BacktestResult r = EventBacktester.create().run(scripted((bar, ctx, i) -> {
            if (i == 0 && bar.symbol().equals("Y")) {
                ctx.submit(OrderRequest.market("Y", 100));
            }
        }), panel, CLOSE);

        assertThat(r.equity().values()).containsExactly(100_000, 100_000, 100_200, 100_200, 100_400, 100_400);
    }

    @Test
    void anOrderForAnUnknownSymbolIsAClearError() {
        assertThatThrownBy(() -> run(scripted((bar, ctx, i) -> ctx.submit(OrderRequest.market("NOPE", 1))),
                NEXT_OPEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown symbol 'NOPE'").hasMessageContaining("[X]");
    }

    @Test
    void aPanelWithoutPriceColumnsIsRejectedNamingTheColumn() {
        Panel noVolume = Panel.ofSeries(dev.quiver.api.table.TableBuilder.onHeap()
                .int64("time", new long[] {day(0)}).float64("open", new double[] {1})
                .float64("high", new double[] {1}).float64("low", new double[] {1})
                .float64("close", new double[] {1}).build(), "X", "time");
        assertThatThrownBy(() -> EventBacktester.create().run(roundTrip(1), noVolume, NEXT_OPEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'volume'");
    }

    @Test
    void ordersSubmittedOnTheLastBarNeverFill() {
        BacktestResult r = run(scripted((bar, ctx, i) -> {
            if (i == 5) {
                ctx.submit(OrderRequest.market("X", 10));
            }
        }), NEXT_OPEN);
        assertThat(r.trades()).isEmpty();
        assertThat(r.equity().equity(5)).isEqualTo(100_000);
    }

    /** Buys at bar 0, sells at bar 2: fills at bars 1 and 3 under NEXT_OPEN. */
    static Strategy roundTrip(double quantity) {
        return scripted((bar, ctx, i) -> {
            if (i == 0) {
                ctx.submit(OrderRequest.market("X", quantity));
            } else if (i == 2) {
                ctx.submit(OrderRequest.market("X", -quantity));
            }
        });
    }
}
