package dev.quiver.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Orders carry exactly the prices their type needs and a finite, non-zero quantity. */
class OrderRequestTest {
    private static final double NAN = Double.NaN;

    @Test
    void factoriesMakeGoodTillCancelledOrders() {
        OrderRequest market = OrderRequest.market("AAPL", 10);
        OrderRequest limit = OrderRequest.limit("AAPL", -5, 101.5);
        OrderRequest stop = OrderRequest.stop("AAPL", -5, 95);

        assertThat(market.type()).isEqualTo(OrderType.MARKET);
        assertThat(market.limitPrice()).isNaN();
        assertThat(market.stopPrice()).isNaN();
        assertThat(market.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(limit.type()).isEqualTo(OrderType.LIMIT);
        assertThat(limit.quantity()).isEqualTo(-5);
        assertThat(limit.limitPrice()).isEqualTo(101.5);
        assertThat(stop.type()).isEqualTo(OrderType.STOP);
        assertThat(stop.stopPrice()).isEqualTo(95);
    }

    @Test
    void eachTypeAcceptsExactlyItsPrices() {
        assertThat(new OrderRequest("X", 1, OrderType.STOP_LIMIT, 10, 9, TimeInForce.DAY).limitPrice()).isEqualTo(10);
        assertThat(new OrderRequest("X", 1, OrderType.TRAILING_STOP, NAN, 2, TimeInForce.DAY).stopPrice())
                .isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aZeroOrNonFiniteQuantityIsRejected(double quantity) {
        assertThatThrownBy(() -> OrderRequest.market("AAPL", quantity))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order quantity must be finite and non-zero, not " + quantity);
    }

    @Test
    void aMissingRequiredPriceIsRejected() {
        assertThatThrownBy(() -> OrderRequest.limit("AAPL", 1, NAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LIMIT order needs a limit price and no stop price; got limit NaN, stop NaN");
        assertThatThrownBy(() -> OrderRequest.stop("AAPL", 1, NAN))
                .hasMessage("STOP order needs no limit price and a stop price; got limit NaN, stop NaN");
        assertThatThrownBy(() -> new OrderRequest("X", 1, OrderType.STOP_LIMIT, 10, NAN, TimeInForce.GTC))
                .hasMessage("STOP_LIMIT order needs a limit price and a stop price; got limit 10.0, stop NaN");
        assertThatThrownBy(() -> new OrderRequest("X", 1, OrderType.TRAILING_STOP, NAN, NAN, TimeInForce.GTC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnexpectedPriceIsRejected() {
        assertThatThrownBy(() -> new OrderRequest("X", 1, OrderType.MARKET, 10, NAN, TimeInForce.GTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MARKET order needs no limit price and no stop price; got limit 10.0, stop NaN");
        assertThatThrownBy(() -> new OrderRequest("X", 1, OrderType.LIMIT, 10, 9, TimeInForce.GTC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderRequest("X", 1, OrderType.STOP, 10, 9, TimeInForce.GTC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> OrderRequest.market(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OrderRequest("X", 1, null, NAN, NAN, TimeInForce.GTC))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OrderRequest("X", 1, OrderType.MARKET, NAN, NAN, null))
                .isInstanceOf(NullPointerException.class);
    }
}
