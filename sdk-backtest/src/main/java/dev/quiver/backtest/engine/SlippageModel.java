package dev.quiver.backtest.engine;

/**
 * Moves a fill price against the trader: buys fill higher, sells lower. The engine applies it to every fill; a
 * limit order's fill is then capped at its limit (a limit order never fills worse than its limit).
 *
 * <p>The built-in models: {@link #none()}, {@link #fixedBps} (a constant fraction of the price) and
 * {@link #volumeShare} (an impact that grows with the order's share of the bar's volume, as zipline's
 * {@code VolumeShareSlippage}).
 *
 * <p>Thread-safety: implementations must be immutable (or otherwise thread-safe): one model serves every run of a
 * sweep.
 */
@FunctionalInterface
public interface SlippageModel {

    /**
     * The price a fill gets.
     *
     * @param price the price before slippage (an open, a close, a stop or limit level)
     * @param quantity the signed quantity (positive buys, negative sells), never 0
     * @param barVolume the volume of the bar the fill happens on ({@code NaN} if unknown)
     * @return the price after slippage: {@code >= price} for a buy, {@code <= price} for a sell
     */
    double fillPrice(double price, double quantity, double barVolume);

    /** No slippage. */
    static SlippageModel none() {
        return (price, quantity, barVolume) -> price;
    }

    /**
     * A fixed fraction of the price: {@code price * (1 ± bps / 10,000)}.
     *
     * @throws IllegalArgumentException if {@code bps} is negative or not finite
     */
    static SlippageModel fixedBps(double bps) {
        if (!(bps >= 0) || Double.isInfinite(bps)) {
            throw new IllegalArgumentException("slippage basis points must be finite and >= 0, not " + bps);
        }
        if (bps == 0) {
            return none();
        }
        double up = 1 + bps / 10_000.0;
        double down = 1 - bps / 10_000.0;
        return (price, quantity, barVolume) -> price * (quantity > 0 ? up : down);
    }

    /**
     * An impact proportional to the square of the order's share of the bar's volume:
     * {@code price * (1 ± impact * share^2)} with {@code share = min(1, |quantity| / barVolume)}. A bar without
     * volume (0 or {@code NaN}) counts as a share of 1, the largest impact. zipline's default impact is 0.1.
     *
     * @throws IllegalArgumentException if {@code impact} is negative or not finite
     */
    static SlippageModel volumeShare(double impact) {
        if (!(impact >= 0) || Double.isInfinite(impact)) {
            throw new IllegalArgumentException("volume-share impact must be finite and >= 0, not " + impact);
        }
        return (price, quantity, barVolume) -> {
            double share = barVolume > 0 ? Math.min(1.0, Math.abs(quantity) / barVolume) : 1.0;
            double move = impact * share * share;
            return price * (quantity > 0 ? 1 + move : 1 - move);
        };
    }
}
