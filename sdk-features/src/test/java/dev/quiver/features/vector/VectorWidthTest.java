package dev.quiver.features.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.api.provider.Availability;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/**
 * The width the vector kernels run at. The build runs this package's tests once at the preferred width and once at
 * each of 128, 256 and 512 bits ({@code -Dquiver.features.vector.bits}, sdk-features' pom); a width the CPU lacks is
 * skipped with a message saying so, never silently.
 */
class VectorWidthTest {

    @Test
    void theKernelsRunAtTheRequestedWidthOrSayWhyNot() {
        int requested = VectorKernels.REQUESTED_BITS;
        int max = VectorKernels.maxBits();
        if (requested == 0) {
            assertThat(VectorKernels.SPECIES.vectorBitSize())
                    .isEqualTo(Math.min(DoubleVector.SPECIES_PREFERRED.vectorBitSize(), 512));
            return;
        }
        assumeTrue(requested <= max, "this CPU's vectors hold at most " + max + " bits: the " + requested
                + "-bit kernels cannot be tested here");
        assertThat(VectorKernels.SPECIES.vectorBitSize()).isEqualTo(requested);
        assertThat(VectorKernels.SPECIES.length()).isEqualTo(requested / 64);
        assertThat(new VectorKernelProvider().availability()).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void aWidthTheCpuLacksOrThatIsNotAWidthMakesTheProviderUnavailableWithTheReason() {
        assertThat(VectorKernels.requestedBits(null)).isZero();
        assertThat(VectorKernels.requestedBits(" 256 ")).isEqualTo(256);
        assertThat(VectorKernels.requestedBits("300")).isEqualTo(-1);
        Availability a = new VectorKernelProvider().availability();
        if (VectorKernels.REQUESTED_BITS > VectorKernels.maxBits()) {
            assertThat(a.available()).isFalse();
            assertThat(a.reason()).contains("asks for wider vectors than this CPU's");
        }
    }
}
