package dev.quiver.api.backtest;

import java.util.Objects;

/**
 * An order a strategy submits.
 *
 * <p>Thread-safety: immutable.
 *
 * @param symbol the symbol to trade
 * @param quantity signed: positive buys, negative sells; never 0
 * @param type the order type
 * @param limitPrice the limit for {@code LIMIT} and {@code STOP_LIMIT}; {@code NaN} otherwise
 * @param stopPrice the trigger for {@code STOP} and {@code STOP_LIMIT}, the trailing distance for
 *     {@code TRAILING_STOP}; {@code NaN} otherwise
 * @param timeInForce how long it lives unfilled
 */
public record OrderRequest(String symbol, double quantity, OrderType type, double limitPrice, double stopPrice,
                           TimeInForce timeInForce) {

    /** @throws IllegalArgumentException if the quantity is 0 or not finite, or a required price is missing */
    public OrderRequest {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("an order needs a symbol");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity == 0 || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("order quantity must be finite and non-zero, not " + quantity);
        }
        boolean needsLimit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        boolean needsStop = type == OrderType.STOP || type == OrderType.STOP_LIMIT || type == OrderType.TRAILING_STOP;
        if (needsLimit == Double.isNaN(limitPrice) || needsStop == Double.isNaN(stopPrice)) {
            throw new IllegalArgumentException(type + " order needs " + (needsLimit ? "a" : "no") + " limit price and "
                    + (needsStop ? "a" : "no") + " stop price; got limit " + limitPrice + ", stop " + stopPrice);
        }
        if (needsLimit && !(limitPrice > 0 && Double.isFinite(limitPrice))
                || needsStop && !(stopPrice > 0 && Double.isFinite(stopPrice))) {
            throw new IllegalArgumentException(type + " order prices must be finite and positive (a trailing stop's"
                    + " distance too); got limit " + limitPrice + ", stop " + stopPrice);
        }
    }

    /** A good-till-cancelled market order. */
    public static OrderRequest market(String symbol, double quantity) {
        return new OrderRequest(symbol, quantity, OrderType.MARKET, Double.NaN, Double.NaN, TimeInForce.GTC);
    }

    /** A good-till-cancelled limit order. */
    public static OrderRequest limit(String symbol, double quantity, double limitPrice) {
        return new OrderRequest(symbol, quantity, OrderType.LIMIT, limitPrice, Double.NaN, TimeInForce.GTC);
    }

    /** A good-till-cancelled stop order. */
    public static OrderRequest stop(String symbol, double quantity, double stopPrice) {
        return new OrderRequest(symbol, quantity, OrderType.STOP, Double.NaN, stopPrice, TimeInForce.GTC);
    }

    /** A good-till-cancelled stop-limit order: a limit order at {@code limitPrice} once {@code stopPrice} trades. */
    public static OrderRequest stopLimit(String symbol, double quantity, double stopPrice, double limitPrice) {
        return new OrderRequest(symbol, quantity, OrderType.STOP_LIMIT, limitPrice, stopPrice, TimeInForce.GTC);
    }

    /**
     * A good-till-cancelled trailing stop that trails the best price since submission by {@code distance} (in price
     * units): a sell (negative quantity) protects a long, a buy protects a short.
     */
    public static OrderRequest trailingStop(String symbol, double quantity, double distance) {
        return new OrderRequest(symbol, quantity, OrderType.TRAILING_STOP, Double.NaN, distance, TimeInForce.GTC);
    }

    /** This order with another time in force. */
    public OrderRequest withTimeInForce(TimeInForce tif) {
        return new OrderRequest(symbol, quantity, type, limitPrice, stopPrice, tif);
    }
}
