package dev.quiver.features.vector;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.volatility.Atr;
import dev.quiver.features.volatility.TrueRange;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code trange}, {@code atr(n)} and {@code natr(n)} across symbols, one per lane, bit for bit the scalar kernels:
 * the true range {@code h − l}, replaced by {@code |c₋₁ − h|} or {@code |c₋₁ − l|} where larger (TA-Lib's order);
 * for {@code atr} its Wilder smoothing, seeded with {@code ((0 + tr₁) + … + trₙ)/n}, then
 * {@code ((atr·(n−1)) + tr)/n}; for {@code natr} {@code (atr/c)·100}, or 0 where the close is 0. A bar with a missing
 * high, low or close outputs {@code NaN} and leaves the lane's state (its previous close included) unchanged. While
 * no lane is seeding, a shorter step without the seed's masks runs.
 *
 * <p>Thread-safety: immutable.
 */
final class VectorAtr extends AcrossSymbolsKernel {
    /** What the kernel outputs. */
    enum Output { TRANGE, ATR, NATR }

    private final Output output;
    private final int n;

    private VectorAtr(Output output, int n, dev.quiver.api.feature.FeatureKernel scalar) {
        super(scalar);
        this.output = output;
        this.n = n;
    }

    static VectorAtr trange(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        return new VectorAtr(Output.TRANGE, 1, TrueRange.OPERATOR.create(params, inputs));
    }

    static VectorAtr atr(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        return new VectorAtr(Output.ATR, params.getInt("n"), Atr.OPERATOR.create(params, inputs));
    }

    static VectorAtr natr(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        return new VectorAtr(Output.NATR, params.getInt("n"), Atr.NATR_OPERATOR.create(params, inputs));
    }

    @Override
    double[][] newState() {
        // previous complete close (NaN until there is one), true ranges seen, the average (the sum while seeding)
        return new double[][] {lanes(Double.NaN), lanes(0.0), lanes(0.0)};
    }

    @Override
    void steps(double[][] state, double[][] in, double[] out, int steps) {
        DoubleVector previous = DoubleVector.fromArray(S, state[0], 0);
        DoubleVector seen = DoubleVector.fromArray(S, state[1], 0);
        DoubleVector average = DoubleVector.fromArray(S, state[2], 0);
        final DoubleVector count = DoubleVector.broadcast(S, n);
        final DoubleVector keep = DoubleVector.broadcast(S, n - 1);
        final DoubleVector one = DoubleVector.broadcast(S, 1.0);
        final DoubleVector zero = DoubleVector.zero(S);
        final DoubleVector hundred = DoubleVector.broadcast(S, 100.0);
        final DoubleVector nan = DoubleVector.broadcast(S, Double.NaN);
        final boolean smoothed = output != Output.TRANGE;
        final boolean normalized = output == Output.NATR;
        double[] highs = in[0];
        double[] lows = in[1];
        double[] closes = in[2];
        for (int t = 0; t < steps; t++) {
            DoubleVector h = load(highs, t);
            DoubleVector l = load(lows, t);
            DoubleVector c = load(closes, t);
            VectorMask<Double> complete = h.test(VectorOperators.IS_FINITE).and(l.test(VectorOperators.IS_FINITE))
                    .and(c.test(VectorOperators.IS_FINITE));
            VectorMask<Double> valid = complete.andNot(previous.test(VectorOperators.IS_NAN));
            // TrueRange.of, in its order: replace the greatest only where strictly greater
            DoubleVector range = h.sub(l);
            DoubleVector fromHigh = previous.sub(h).abs();
            range = range.blend(fromHigh, fromHigh.compare(VectorOperators.GT, range));
            DoubleVector fromLow = previous.sub(l).abs();
            range = range.blend(fromLow, fromLow.compare(VectorOperators.GT, range));
            previous = previous.blend(c, complete);
            if (!smoothed) {
                store(nan.blend(range, valid), out, t);
                continue;
            }
            DoubleVector stepped = average.mul(keep).add(range).div(count);
            VectorMask<Double> seeding = seen.compare(VectorOperators.LT, count);
            VectorMask<Double> emit;
            if (seeding.anyTrue()) {
                VectorMask<Double> adding = valid.and(seeding);
                DoubleVector summed = average.add(range, adding);
                seen = seen.add(one, adding);
                VectorMask<Double> seeded = adding.and(seen.compare(VectorOperators.EQ, count));
                VectorMask<Double> recursing = valid.andNot(seeding);
                average = summed.blend(summed.div(count), seeded).blend(stepped, recursing);
                emit = seeded.or(recursing);
            } else {
                average = average.blend(stepped, valid);
                emit = valid;
            }
            DoubleVector value = average;
            if (normalized) {
                value = average.div(c).mul(hundred).blend(zero, c.compare(VectorOperators.EQ, 0.0));
            }
            store(nan.blend(value, emit), out, t);
        }
        previous.intoArray(state[0], 0);
        seen.intoArray(state[1], 0);
        average.intoArray(state[2], 0);
    }
}
