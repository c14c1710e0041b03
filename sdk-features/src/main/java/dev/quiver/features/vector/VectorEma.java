package dev.quiver.features.vector;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.param.Params;
import dev.quiver.features.averages.Ema;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * {@code ema(n)} across symbols, one per lane, bit for bit the scalar kernel: each lane adds its first {@code n}
 * finite values, divides by {@code n}, then steps {@code ((x − ema)·α) + ema}; a missing value leaves the lane's
 * state unchanged and outputs {@code NaN}. While no lane is seeding, a shorter step without the seed's masks runs.
 *
 * <p>Thread-safety: immutable.
 */
final class VectorEma extends AcrossSymbolsKernel {
    private final int n;
    private final double alpha;

    VectorEma(OperatorDescriptor descriptor, Params params, List<String> inputs) {
        super(Ema.OPERATOR.create(params, inputs));
        this.n = params.getInt("n");
        this.alpha = 2.0 / ((double) (n + 1)); // as Ema computes it
    }

    @Override
    double[][] newState() {
        return new double[][] {lanes(0.0), lanes(0.0)}; // ema (the running sum while seeding), values seen
    }

    @Override
    void steps(double[][] state, double[][] in, double[] out, int steps) {
        DoubleVector ema = DoubleVector.fromArray(S, state[0], 0);
        DoubleVector seen = DoubleVector.fromArray(S, state[1], 0);
        final DoubleVector count = DoubleVector.broadcast(S, n);
        final DoubleVector a = DoubleVector.broadcast(S, alpha);
        final DoubleVector one = DoubleVector.broadcast(S, 1.0);
        final DoubleVector nan = DoubleVector.broadcast(S, Double.NaN);
        for (int t = 0; t < steps; t++) {
            DoubleVector x = load(in[0], t);
            VectorMask<Double> finite = x.test(VectorOperators.IS_FINITE);
            VectorMask<Double> seeding = seen.compare(VectorOperators.LT, count);
            DoubleVector stepped = x.sub(ema).mul(a).add(ema);
            if (seeding.anyTrue()) {
                VectorMask<Double> adding = finite.and(seeding);
                DoubleVector summed = ema.add(x, adding);
                seen = seen.add(one, adding);
                VectorMask<Double> seeded = adding.and(seen.compare(VectorOperators.EQ, count));
                VectorMask<Double> recursing = finite.andNot(seeding);
                ema = summed.blend(summed.div(count), seeded).blend(stepped, recursing);
                store(nan.blend(ema, seeded.or(recursing)), out, t);
            } else {
                ema = ema.blend(stepped, finite);
                store(nan.blend(ema, finite), out, t);
            }
        }
        ema.intoArray(state[0], 0);
        seen.intoArray(state[1], 0);
    }
}
