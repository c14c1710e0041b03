package dev.quiver.features.vector;

import dev.quiver.features.averages.Ema;
import dev.quiver.features.averages.Sma;
import dev.quiver.features.kernel.OperatorCatalog;
import dev.quiver.features.kernel.Operator;
import dev.quiver.features.momentum.Rsi;
import dev.quiver.features.volatility.Atr;
import dev.quiver.features.volatility.TrueRange;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector provider's operators. This is the first class of the provider that links {@code jdk.incubator.vector};
 * {@link VectorKernelProvider} touches it only after its probe has found the module.
 *
 * <p>Thread-safety: immutable.
 */
final class VectorKernels {
    /**
     * The species every kernel uses, a constant to C2: the CPU's preferred size, at most 512 bits (8 lanes, which
     * {@link VectorSma}'s prefix sum assumes).
     */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED.length() <= 8
            ? DoubleVector.SPECIES_PREFERRED : DoubleVector.SPECIES_512;

    static final OperatorCatalog CATALOG = OperatorCatalog.of(VectorKernelProvider.NAME, List.of(
            Operator.of(Sma.DESCRIPTOR, VectorSma::new),
            Operator.of(Ema.DESCRIPTOR, VectorEma::new),
            Operator.of(Rsi.DESCRIPTOR, VectorRsi::new),
            Operator.of(TrueRange.DESCRIPTOR, VectorAtr::trange),
            Operator.of(Atr.DESCRIPTOR, VectorAtr::atr),
            Operator.of(Atr.NATR_DESCRIPTOR, VectorAtr::natr)));

    private VectorKernels() {
    }

    /** The preferred vector size in bits. */
    static int preferredBits() {
        return SPECIES.vectorBitSize();
    }
}
