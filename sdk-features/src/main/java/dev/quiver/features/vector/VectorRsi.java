package dev.quiver.features.vector;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.momentum.Rsi;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code rsi(n)} across symbols, one per lane, bit for bit the scalar kernel: each lane sums the gains and losses of
 * its first {@code n} changes, divides both by {@code n}, then steps {@code G = (G·(n−1) + gain)/n} (likewise
 * {@code L}) and outputs {@code 100·(G/(G+L))}, or 0 when {@code G + L = 0}; a missing value leaves the lane's state,
 * including its previous price, unchanged and outputs {@code NaN}. While no lane is seeding, a shorter step without
 * the seed's masks runs.
 *
 * <p>Thread-safety: immutable.
 */
final class VectorRsi extends AcrossSymbolsKernel {
    private final int n;

    VectorRsi(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        super(Rsi.OPERATOR.create(params, inputs));
        this.n = params.getInt("n");
    }

    @Override
    double[][] newState() {
        // previous finite value (NaN until there is one), changes seen, gain, loss (sums while seeding)
        return new double[][] {lanes(Double.NaN), lanes(0.0), lanes(0.0), lanes(0.0)};
    }

    @Override
    void steps(double[][] state, double[][] in, double[] out, int steps) {
        DoubleVector previous = DoubleVector.fromArray(S, state[0], 0);
        DoubleVector changes = DoubleVector.fromArray(S, state[1], 0);
        DoubleVector gain = DoubleVector.fromArray(S, state[2], 0);
        DoubleVector loss = DoubleVector.fromArray(S, state[3], 0);
        final DoubleVector count = DoubleVector.broadcast(S, n);
        final DoubleVector keep = DoubleVector.broadcast(S, n - 1);
        final DoubleVector zero = DoubleVector.zero(S);
        final DoubleVector one = DoubleVector.broadcast(S, 1.0);
        final DoubleVector hundred = DoubleVector.broadcast(S, 100.0);
        final DoubleVector nan = DoubleVector.broadcast(S, Double.NaN);
        for (int t = 0; t < steps; t++) {
            DoubleVector x = load(in[0], t);
            VectorMask<Double> finite = x.test(VectorOperators.IS_FINITE);
            VectorMask<Double> seeding = changes.compare(VectorOperators.LT, count);
            DoubleVector change = x.sub(previous);
            DoubleVector up = change.max(zero);   // Rsi.gainOf
            DoubleVector down = change.min(zero); // Rsi.lossOf
            DoubleVector steppedGain = gain.mul(keep).add(up).div(count);
            DoubleVector steppedLoss = loss.mul(keep).sub(down).div(count);
            VectorMask<Double> emit;
            if (seeding.anyTrue()) {
                VectorMask<Double> started = previous.test(VectorOperators.IS_NAN).not();
                VectorMask<Double> adding = finite.and(started).and(seeding);
                DoubleVector gainSum = gain.add(up, adding);
                DoubleVector lossSum = loss.sub(down, adding);
                changes = changes.add(one, adding);
                VectorMask<Double> seeded = adding.and(changes.compare(VectorOperators.EQ, count));
                VectorMask<Double> recursing = finite.andNot(seeding);
                gain = gainSum.blend(gainSum.div(count), seeded).blend(steppedGain, recursing);
                loss = lossSum.blend(lossSum.div(count), seeded).blend(steppedLoss, recursing);
                emit = seeded.or(recursing);
            } else {
                gain = gain.blend(steppedGain, finite);
                loss = loss.blend(steppedLoss, finite);
                emit = finite;
            }
            previous = previous.blend(x, finite);
            DoubleVector total = gain.add(loss);
            DoubleVector index = gain.div(total).mul(hundred).blend(zero, total.compare(VectorOperators.EQ, 0.0));
            store(nan.blend(index, emit), out, t);
        }
        previous.intoArray(state[0], 0);
        changes.intoArray(state[1], 0);
        gain.intoArray(state[2], 0);
        loss.intoArray(state[3], 0);
    }
}
