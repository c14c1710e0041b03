package dev.quiver.gpu.cuda.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.gpu.cuda.GpuTests;
import dev.quiver.portfolio.PnlMatrix;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GPU's top-k per row against the CPU's ({@link CpuNeighbours}, itself checked against sdk-portfolio): the same
 * strategies in the same order and correlations within 1e-12 (meant to be bit for bit), for every order, with a
 * constant and a duplicated strategy, and with k above the number of others. Needs a GPU.
 */
@Tag("gpu")
class CudaCorrelationGpuTest {

    private static void compare(PnlMatrix m, int k, CudaCorrelation.Order order) {
        int n = m.strategies();
        Neighbours gpu = CudaCorrelation.topK(m.values(), n, m.days(), k, order, "gpu", 1);
        assertThat(gpu.device()).as("reason: %s", gpu.reason()).isEqualTo("gpu");
        Neighbours cpu = CudaCorrelation.topK(m.values(), n, m.days(), k, order, "cpu", 4);
        int inexact = 0;
        for (int r = 0; r < n; r++) {
            for (int e = 0; e < gpu.count(r); e++) {
                assertThat(gpu.other(r, e)).as("%s k=%d row %d entry %d", order, k, r, e).isEqualTo(cpu.other(r, e));
                assertThat(gpu.correlation(r, e)).isCloseTo(cpu.correlation(r, e),
                        org.assertj.core.data.Offset.offset(1e-12));
                inexact += gpu.correlation(r, e) == cpu.correlation(r, e) ? 0 : 1;
            }
        }
        if (inexact > 0) {
            System.out.printf("correlation %s k=%d: %d entries differ from the CPU's bits%n", order, k, inexact);
        }
    }

    @Test
    void topKMatchesTheCpu() {
        GpuTests.assumeCuda();
        PnlMatrix m = CudaCorrelationTest.matrix(1_000, 82, 21);
        for (CudaCorrelation.Order order : CudaCorrelation.Order.values()) {
            compare(m, 10, order);
        }
        compare(CudaCorrelationTest.matrix(70, 30, 22), 100, CudaCorrelation.Order.HIGHEST);
        compare(CudaCorrelationTest.matrix(130, 5, 23), 1, CudaCorrelation.Order.LOWEST);
    }

    @Test
    void theFullUniverseComputesOnTheGpu() {
        GpuTests.assumeCuda();
        PnlMatrix m = CudaCorrelationTest.matrix(25_544, 82, 24);
        long t0 = System.nanoTime();
        Neighbours gpu = CudaCorrelation.topK(m.values(), m.strategies(), m.days(), 10,
                CudaCorrelation.Order.HIGHEST, "auto", 1);
        long t1 = System.nanoTime();
        assertThat(gpu.device()).isEqualTo("gpu");
        System.out.printf("correlation 25,544 × 82, top 10 per row on the GPU: %.1f ms (first call, JIT included)%n",
                (t1 - t0) / 1e6);
    }
}
