package dev.quiver.backtest.signal;

import dev.quiver.backtest.engine.PositionSizer;

/**
 * How the vectorised path sizes an entry: a fixed quantity, or a fraction of equity at the signal bar's close. Each
 * has an event-engine twin ({@link #toPositionSizer()}) with the same arithmetic, so both paths trade the same
 * quantities.
 *
 * <p>Thread-safety: immutable.
 *
 * @param fixedQuantity the quantity, or {@code NaN} when sizing by equity
 * @param equityFraction the fraction of equity, or {@code NaN} when the quantity is fixed
 */
public record SignalSizing(double fixedQuantity, double equityFraction) {

    /** @throws IllegalArgumentException unless exactly one of the two is a positive, finite number */
    public SignalSizing {
        boolean fixed = fixedQuantity > 0 && Double.isFinite(fixedQuantity);
        boolean fraction = equityFraction > 0 && Double.isFinite(equityFraction);
        if (fixed == fraction || fixed && !Double.isNaN(equityFraction) || fraction && !Double.isNaN(fixedQuantity)) {
            throw new IllegalArgumentException("signal sizing needs one positive quantity or equity fraction; got "
                    + fixedQuantity + " and " + equityFraction);
        }
    }

    /** Always this quantity. */
    public static SignalSizing fixed(double quantity) {
        return new SignalSizing(quantity, Double.NaN);
    }

    /** {@code fraction * equity / close} at the signal bar. */
    public static SignalSizing percentOfEquity(double fraction) {
        return new SignalSizing(Double.NaN, fraction);
    }

    /** The event-engine sizer that sizes identically. */
    public PositionSizer toPositionSizer() {
        return Double.isNaN(fixedQuantity) ? PositionSizer.percentOfEquity(equityFraction)
                : PositionSizer.fixed(fixedQuantity);
    }

    double quantity(double equity, double close) {
        return Double.isNaN(fixedQuantity) ? equityFraction * equity / close : fixedQuantity;
    }
}
