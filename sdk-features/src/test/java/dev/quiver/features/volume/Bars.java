package dev.quiver.features.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.kernel.MultiColumnSeries;

/** Runs a volume kernel over columns given in its input order, checking that batch and incremental agree. */
final class Bars {
    static final FeatureEngine ENGINE = FeatureEngine.create();

    private Bars() {
    }

    static double[] run(String spec, double[]... columns) {
        FeatureKernel k = ENGINE.kernel(spec);
        double[] out = MultiColumnSeries.batch(k, columns)[0];
        assertThat(MultiColumnSeries.incremental(k, columns)[0]).containsExactly(out);
        return out;
    }
}
