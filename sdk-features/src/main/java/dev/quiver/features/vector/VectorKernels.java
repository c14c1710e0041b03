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
     * The system property that fixes the vector width, in bits ({@code 128}, {@code 256} or {@code 512}), instead
     * of the CPU's preferred one: for testing every width this CPU has, and for CPUs where a narrower vector is
     * faster. Read once, when the first vector kernel is created.
     */
    static final String BITS_PROPERTY = "quiver.features.vector.bits";

    /** The width {@link #BITS_PROPERTY} asks for: 0 when it is not set, -1 when it is not 128, 256 or 512. */
    static final int REQUESTED_BITS = requestedBits(System.getProperty(BITS_PROPERTY));

    /**
     * The species every kernel uses, a constant to C2: the width {@link #BITS_PROPERTY} asks for, else the CPU's
     * preferred size, at most 512 bits (8 lanes, which {@link VectorSma}'s prefix sum assumes).
     */
    static final VectorSpecies<Double> SPECIES = switch (REQUESTED_BITS) {
        case 128 -> DoubleVector.SPECIES_128;
        case 256 -> DoubleVector.SPECIES_256;
        case 512 -> DoubleVector.SPECIES_512;
        default -> DoubleVector.SPECIES_PREFERRED.length() <= 8
                ? DoubleVector.SPECIES_PREFERRED : DoubleVector.SPECIES_512;
    };

    static int requestedBits(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        return switch (value.trim()) {
            case "128" -> 128;
            case "256" -> 256;
            case "512" -> 512;
            default -> -1;
        };
    }

    /** The widest vector of doubles this CPU computes in hardware, in bits. */
    static int maxBits() {
        return DoubleVector.SPECIES_MAX.vectorBitSize();
    }

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
