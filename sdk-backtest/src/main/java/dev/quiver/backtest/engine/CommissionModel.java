package dev.quiver.backtest.engine;

/**
 * What a fill costs in commission. The engine calls it once per fill with the fill's signed quantity and price
 * (after slippage); the fee is subtracted from cash and attributed to the trades the fill opens or closes.
 *
 * <p>The built-in models: {@link #none()}, {@link #perShare}, {@link #perTrade}, {@link #bps}; models add up with
 * {@link #plus}. Each returns a fee {@code >= 0}, in the account's currency.
 *
 * <p>Thread-safety: implementations must be immutable (or otherwise thread-safe): one model serves every run of a
 * sweep.
 */
@FunctionalInterface
public interface CommissionModel {

    /**
     * The commission of one fill.
     *
     * @param quantity the signed quantity filled (positive buys, negative sells), never 0
     * @param price the fill price
     * @return the fee, {@code >= 0}
     */
    double fee(double quantity, double price);

    /** No commission. */
    static CommissionModel none() {
        return (quantity, price) -> 0.0;
    }

    /**
     * A rate per share (unit) traded, with a minimum per fill: {@code max(minimum, rate * |quantity|)}.
     *
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    static CommissionModel perShare(double rate, double minimum) {
        requireCost("per-share rate", rate);
        requireCost("minimum", minimum);
        return (quantity, price) -> Math.max(minimum, rate * Math.abs(quantity));
    }

    /**
     * A flat amount per fill.
     *
     * @throws IllegalArgumentException if the amount is negative or not finite
     */
    static CommissionModel perTrade(double amount) {
        requireCost("per-trade amount", amount);
        return (quantity, price) -> amount;
    }

    /**
     * Basis points of the traded value, with a minimum per fill: {@code max(minimum, bps / 10,000 * |quantity *
     * price|)}.
     *
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    static CommissionModel bps(double bps, double minimum) {
        requireCost("basis points", bps);
        requireCost("minimum", minimum);
        if (bps == 0 && minimum == 0) {
            return none();
        }
        double rate = bps / 10_000.0;
        return (quantity, price) -> Math.max(minimum, rate * Math.abs(quantity * price));
    }

    /** This model's fee plus another's. */
    default CommissionModel plus(CommissionModel other) {
        java.util.Objects.requireNonNull(other, "other");
        return (quantity, price) -> fee(quantity, price) + other.fee(quantity, price);
    }

    private static void requireCost(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("commission " + what + " must be finite and >= 0, not " + value);
        }
    }
}
