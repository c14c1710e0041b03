package dev.quiver.features.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import dev.quiver.features.kernel.MultiColumnSeries;
import java.math.BigDecimal;
import java.math.MathContext;

/** Runs statistics kernels (checking that batch and incremental agree) and computes exact references. */
final class Run {
    static final FeatureEngine ENGINE = FeatureEngine.create();
    static final MathContext MC = MathContext.DECIMAL128;

    private Run() {
    }

    /** A one-column kernel's output. */
    static double[] one(String spec, double... x) {
        FeatureKernel k = ENGINE.kernel(spec);
        double[] out = TestSeries.batch(k, x);
        assertThat(TestSeries.incremental(k, x)).containsExactly(out);
        return out;
    }

    /** A kernel's first output over columns in its input order. */
    static double[] columns(String spec, double[]... in) {
        FeatureKernel k = ENGINE.kernel(spec);
        double[] out = MultiColumnSeries.batch(k, in)[0];
        assertThat(MultiColumnSeries.incremental(k, in)[0]).containsExactly(out);
        return out;
    }

    /** The exact mean of {@code x[from, to)}. */
    static BigDecimal mean(double[] x, int from, int to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            sum = sum.add(new BigDecimal(x[i]));
        }
        return sum.divide(BigDecimal.valueOf(to - from), MC);
    }

    /** The exact centred cross product {@code Σ(x − mx)(y − my)} over {@code [from, to)}. */
    static BigDecimal comoment(double[] x, double[] y, int from, int to) {
        BigDecimal mx = mean(x, from, to);
        BigDecimal my = mean(y, from, to);
        BigDecimal s = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            s = s.add(new BigDecimal(x[i]).subtract(mx).multiply(new BigDecimal(y[i]).subtract(my)), MC);
        }
        return s;
    }
}
