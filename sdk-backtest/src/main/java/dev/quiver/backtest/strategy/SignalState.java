package dev.quiver.backtest.strategy;

import dev.quiver.api.backtest.Bar;
import dev.quiver.api.backtest.OrderRequest;
import dev.quiver.api.backtest.StrategyContext;
import dev.quiver.backtest.engine.PositionSizer;

/**
 * The shared trading rule of the built-in strategies. Long only: on an entry signal while flat, buy the sizer's
 * quantity with a market order; on an exit signal while long, sell the whole position. Long-short
 * ({@code allow_short}): the entry signal goes long from flat or short (one order: cover and buy the sizer's quantity),
 * the exit signal goes short from flat or long (sell the position and the sizer's quantity short). While an order is
 * still open (under next-open fills, until the next bar of the symbol) no new one is sent.
 *
 * <p>Thread-safety: not thread-safe; one per run.
 */
final class SignalState {
    private final PositionSizer sizer;
    private final boolean allowShort;
    private long[] pending = new long[0];

    SignalState(PositionSizer sizer) {
        this(sizer, false);
    }

    SignalState(PositionSizer sizer, boolean allowShort) {
        this.sizer = sizer;
        this.allowShort = allowShort;
    }

    void observe(Bar bar) {
        sizer.observe(bar);
    }

    /** Acts on this bar's signals. */
    void act(Bar bar, StrategyContext context, boolean entry, boolean exit) {
        if (!entry && !exit) {
            return;
        }
        int s = bar.symbolIndex();
        pending = PerSymbol.grow(pending, s);
        if (pending[s] != 0 && context.isOpen(pending[s])) {
            return;
        }
        double position = context.position(bar.symbol());
        if (allowShort) {
            if (entry == exit) {
                return;                          // both at once: no side to take
            }
            if (entry ? position > 0 : position < 0) {
                return;                          // already on that side
            }
            double quantity = sizer.quantity(bar, context);
            if (quantity > 0 && Double.isFinite(quantity)) {
                double order = (entry ? quantity : -quantity) - position;
                pending[s] = context.submit(OrderRequest.market(bar.symbol(), order));
            } else if (position != 0) {
                pending[s] = context.submit(OrderRequest.market(bar.symbol(), -position));
            }
            return;
        }
        if (entry && position == 0) {
            double quantity = sizer.quantity(bar, context);
            if (quantity > 0 && Double.isFinite(quantity)) {
                pending[s] = context.submit(OrderRequest.market(bar.symbol(), quantity));
            }
        } else if (exit && position > 0) {
            pending[s] = context.submit(OrderRequest.market(bar.symbol(), -position));
        }
    }
}
