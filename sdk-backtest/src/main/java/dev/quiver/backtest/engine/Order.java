package dev.quiver.backtest.engine;

import dev.quiver.api.backtest.OrderRequest;
import dev.quiver.api.backtest.OrderType;
import dev.quiver.api.backtest.TimeInForce;

/**
 * An open order and its working state (a stop-limit's trigger, a trailing stop's best price).
 *
 * <p>Thread-safety: not thread-safe; confined to the run's thread.
 */
final class Order {
    final long id;
    final int symbol;
    /** What is still to fill (a partial fill under a volume cap reduces it). */
    double quantity;
    final OrderType type;
    final double limit;
    /** The stop price, or a trailing stop's distance. */
    final double stop;
    final TimeInForce timeInForce;
    /** The timestamp of the bar it was submitted on; {@link Long#MIN_VALUE} before the first bar. */
    final long submitTime;
    /** A stop-limit whose stop has traded: now a limit order. */
    boolean triggered;
    /** A trailing stop's best price since submission: the highest for a sell, the lowest for a buy. */
    double extreme;

    Order(long id, int symbol, OrderRequest request, long submitTime, double reference) {
        this.id = id;
        this.symbol = symbol;
        this.quantity = request.quantity();
        this.type = request.type();
        this.limit = request.limitPrice();
        this.stop = request.stopPrice();
        this.timeInForce = request.timeInForce();
        this.submitTime = submitTime;
        this.extreme = reference;
    }

    boolean isBuy() {
        return quantity > 0;
    }
}
