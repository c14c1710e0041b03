package dev.quiver.features.momentum;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Wilder's directional movement system as TA-Lib computes it, shared by {@link PlusDi}, {@link MinusDi},
 * {@link Dx} and {@link Adx}.
 *
 * <p>For each bar after the first: {@code up = high − previous high}, {@code down = previous low − low};
 * {@code +DM = up} if {@code up > 0} and {@code up > down}, else 0; {@code −DM = down} if {@code down > 0} and
 * {@code down > up}, else 0; the true range {@code TR = max(high − low, |previous close − high|, |previous close −
 * low|)}. The sums of the first {@code n − 1} values of each seed Wilder's running sums, which from bar {@code n}
 * on are stepped as {@code S = S − S/n + value}. {@code ±DI = 100·(±DM/TR)};
 * {@code DX = 100·(|−DI − +DI|/(−DI + +DI))}; ADX is the mean of the first {@code n} DX values, then
 * {@code ADX = (ADX·(n−1) + DX)/n}.
 *
 * <p>Where TA-Lib tests a denominator against 1e-8 ({@code TA_IS_ZERO}) this kernel tests for exactly 0 (as
 * {@code rsi} does), because the sums are Wilder sums, which decay but hold no cancellation residue, and the
 * threshold depends on the price scale. On such a bar ±DI is 0, DX repeats its previous value (0 at the first),
 * and ADX is not updated, as in TA-Lib.
 *
 * <p>Thread-safety: the kernel is immutable; its states are single-threaded.
 */
final class DirectionalMovement {
    /** What a kernel outputs. */
    enum Output { PLUS_DI, MINUS_DI, DX, ADX }

    static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.ofInt("n", 14, 2, 100_000, "Wilder smoothing length in bars"));
    static final List<String> INPUTS = List.of("high", "low", "close");

    private DirectionalMovement() {
    }

    /** DX from the Wilder sums, or {@code NaN} where it is undefined (no range, or no directional movement). */
    static double dx(double plusDm, double minusDm, double tr) {
        if (tr == 0.0) {
            return Double.NaN;
        }
        double minusDi = 100.0 * (minusDm / tr);
        double plusDi = 100.0 * (plusDm / tr);
        double sum = minusDi + plusDi;
        return sum != 0.0 ? 100.0 * (Math.abs(minusDi - plusDi) / sum) : Double.NaN;
    }

    /** {@code +DM} of a bar: the rise of the high if it is positive and exceeds the fall of the low, else 0. */
    static double plusDm(double up, double down) {
        return up > 0 && up > down ? up : 0.0;
    }

    /** {@code −DM} of a bar: the fall of the low if it is positive and exceeds the rise of the high, else 0. */
    static double minusDm(double up, double down) {
        return down > 0 && up < down ? down : 0.0;
    }

    /** The true range: the bar's range stretched to the previous close, as TA-Lib compares them. */
    static double trueRange(double high, double low, double previousClose) {
        double range = high - low;
        double t = Math.abs(high - previousClose);
        if (t > range) {
            range = t;
        }
        t = Math.abs(low - previousClose);
        return t > range ? t : range;
    }

    /** {@code ±DI} from a Wilder sum of {@code ±DM} and of the true range; 0 where the range is. */
    static double di(double dm, double tr) {
        return tr != 0.0 ? 100.0 * (dm / tr) : 0.0;
    }

    /** The batch kernel: the incremental state's arithmetic, its running values in locals. Immutable. */
    static final class Kernel extends MultiInputKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final int n;
        private final Output output;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs, Output output) {
            super(descriptor, params, inputs,
                    output == Output.ADX ? 2 * params.getInt("n") - 1 : params.getInt("n"));
            this.n = params.getInt("n");
            this.output = output;
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            compute(in, out[0], from, to);
        }

        /*
         * The loop below is State.next with its fields in locals (the JIT keeps them in registers; fields are
         * read and written through memory every bar), the same operations in the same order, so the batch outputs
         * equal the incremental ones bit for bit. A missing bar outputs NaN and leaves the state as it was.
         */

        private void compute(MemorySegment[] in, MemorySegment result, int from, int to) {
            MemorySegment highIn = in[0];
            MemorySegment lowIn = in[1];
            MemorySegment closeIn = in[2];
            final int n = this.n;
            final Output output = this.output;
            final double keep = n - 1;
            double previousHigh = 0.0;
            double previousLow = 0.0;
            double previousClose = 0.0;
            int bars = -1;          // bars after the first, capped at 2n; -1 before the first complete bar
            double plusDm = 0.0;
            double minusDm = 0.0;
            double tr = 0.0;
            double dx = 0.0;
            double sumDx = 0.0;
            double adx = 0.0;
            int i = from;
            // the first bar and the seed of the Wilder sums, then the steady loop, free of the seed's branches
            for (; i < to && bars < n - 1; i++) {
                double high = highIn.getAtIndex(D, i);
                double low = lowIn.getAtIndex(D, i);
                double close = closeIn.getAtIndex(D, i);
                result.setAtIndex(D, i, Double.NaN);
                if (Bars.anyMissing(high, low, close)) {
                    continue;
                }
                if (bars >= 0) {
                    double up = high - previousHigh;
                    double down = previousLow - low;
                    minusDm += minusDm(up, down);
                    plusDm += plusDm(up, down);
                    tr += trueRange(high, low, previousClose);
                }
                bars++;
                previousHigh = high;
                previousLow = low;
                previousClose = close;
            }
            for (; i < to; i++) {
                double high = highIn.getAtIndex(D, i);
                double low = lowIn.getAtIndex(D, i);
                double close = closeIn.getAtIndex(D, i);
                if (Bars.anyMissing(high, low, close)) {
                    result.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                double up = high - previousHigh;
                double down = previousLow - low;
                // ±DI skips the other sum's division: the divider is what bounds this loop
                if (output != Output.PLUS_DI) {
                    minusDm = minusDm - minusDm / n + minusDm(up, down);
                }
                if (output != Output.MINUS_DI) {
                    plusDm = plusDm - plusDm / n + plusDm(up, down);
                }
                tr = tr - (tr / n) + trueRange(high, low, previousClose);
                previousHigh = high;
                previousLow = low;
                previousClose = close;
                if (output == Output.ADX) {
                    double v = dx(plusDm, minusDm, tr);
                    if (bars >= 2 * n) {
                        if (!Double.isNaN(v)) {
                            adx = ((adx * keep) + v) / n;
                        }
                        result.setAtIndex(D, i, adx);
                        continue;
                    }
                    bars++;
                    if (bars < 2 * n) {       // bars n..2n−1 after the first: the seed's DX values
                        if (!Double.isNaN(v)) {
                            sumDx += v;
                        }
                        if (bars == 2 * n - 1) {
                            adx = sumDx / n;
                            result.setAtIndex(D, i, adx);
                        } else {
                            result.setAtIndex(D, i, Double.NaN);
                        }
                    } else {
                        if (!Double.isNaN(v)) {
                            adx = ((adx * keep) + v) / n;
                        }
                        result.setAtIndex(D, i, adx);
                    }
                } else if (output == Output.DX) {
                    double v = dx(plusDm, minusDm, tr);
                    if (!Double.isNaN(v)) {
                        dx = v;
                    }
                    result.setAtIndex(D, i, dx);
                } else {
                    result.setAtIndex(D, i, di(output == Output.PLUS_DI ? plusDm : minusDm, tr));
                }
            }
        }

        @Override
        public MultiInputState incremental() {
            return new State(n, output);
        }
    }

    private static final class State extends MultiInputState {
        private final int n;
        private final Output output;
        private boolean started;
        private double previousHigh;
        private double previousLow;
        private double previousClose;
        private int bars;       // bars after the first, capped at 2n
        private double plusDm;
        private double minusDm;
        private double tr;
        private double dx;      // the last DX output (TA-Lib repeats it where DX is undefined)
        private double sumDx;
        private double adx;

        State(int n, Output output) {
            super(3, 1);
            this.n = n;
            this.output = output;
        }

        @Override
        protected void step(double[] in, double[] out) {
            out[0] = next(in[0], in[1], in[2]);
        }

        /** One bar: the arithmetic both forms share. */
        double next(double high, double low, double close) {
            if (Bars.anyMissing(high, low, close)) {
                return Double.NaN;
            }
            if (!started) {
                started = true;
                previousHigh = high;
                previousLow = low;
                previousClose = close;
                return Double.NaN;
            }
            double up = high - previousHigh;
            double down = previousLow - low;
            double range = trueRange(high, low, previousClose);
            previousHigh = high;
            previousLow = low;
            previousClose = close;
            if (bars < n - 1) {
                minusDm += minusDm(up, down);
                plusDm += plusDm(up, down);
                tr += range;
                bars++;
                return Double.NaN;
            }
            minusDm = minusDm - minusDm / n + minusDm(up, down);
            plusDm = plusDm - plusDm / n + plusDm(up, down);
            tr = tr - (tr / n) + range;
            if (bars < 2 * n) {
                bars++;
            }
            switch (output) {
                case PLUS_DI -> {
                    return di(plusDm, tr);
                }
                case MINUS_DI -> {
                    return di(minusDm, tr);
                }
                case DX -> {
                    double v = dx();
                    if (!Double.isNaN(v)) {
                        dx = v;
                    }
                    return dx;
                }
                case ADX -> {
                    double v = dx();
                    if (bars < 2 * n) {       // bars n..2n−1 after the first: the seed's DX values
                        if (!Double.isNaN(v)) {
                            sumDx += v;
                        }
                        if (bars == 2 * n - 1) {
                            adx = sumDx / n;
                            return adx;
                        }
                        return Double.NaN;
                    }
                    if (!Double.isNaN(v)) {
                        adx = ((adx * (n - 1)) + v) / n;
                    }
                    return adx;
                }
                default -> throw new AssertionError(output);
            }
        }

        /** This bar's DX, or {@code NaN} where it is undefined (no range, or no directional movement). */
        private double dx() {
            return DirectionalMovement.dx(plusDm, minusDm, tr);
        }

        @Override
        protected void clear() {
            started = false;
            bars = 0;
            plusDm = 0.0;
            minusDm = 0.0;
            tr = 0.0;
            dx = 0.0;
            sumDx = 0.0;
            adx = 0.0;
        }
    }
}
