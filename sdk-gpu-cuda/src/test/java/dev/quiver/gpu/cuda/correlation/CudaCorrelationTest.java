package dev.quiver.gpu.cuda.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.gpu.cuda.CudaRuntime;
import dev.quiver.gpu.cuda.CudaStatus;
import dev.quiver.gpu.cuda.HostDevice;
import dev.quiver.portfolio.PnlGenerator;
import dev.quiver.portfolio.PnlMatrix;
import dev.quiver.portfolio.correlation.CorrelationMatrix;
import dev.quiver.portfolio.correlation.Correlations;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Top-k per row without a GPU: the CPU path equals sdk-portfolio's correlation matrix, bit for bit, ranked with
 * the documented tie rule; device selection and its reasons; and the GPU path's buffers on a host-side device.
 */
class CudaCorrelationTest {
    private static final CudaStatus AVAILABLE = new CudaStatus(true, 1, List.of("Test GPU (compute 9.0, 1.0 GiB)"),
            "13.0", "", "");

    /** A P&L matrix with a constant strategy and a duplicated one (ties in every order). */
    static PnlMatrix matrix(int strategies, int days, long seed) {
        PnlMatrix m = PnlGenerator.generate(strategies, days, seed, LocalDate.of(2020, 1, 1));
        double[] v = m.values().clone();
        Arrays.fill(v, 3 * days, 4 * days, 7.5); // strategy 3 is constant
        System.arraycopy(v, 5 * days, v, 8 * days, days); // strategy 8 repeats strategy 5
        return PnlMatrix.of(m.names(), m.dates(), v);
    }

    @Test
    void theCpuEntriesAreThoseOfThePortfolioCorrelationMatrixRankedByScoreThenStrategy() {
        PnlMatrix m = matrix(70, 40, 11);
        int n = m.strategies();
        CorrelationMatrix full = Correlations.matrix(m, IntStream.range(0, n).toArray(), 1);
        for (CudaCorrelation.Order order : CudaCorrelation.Order.values()) {
            for (int k : new int[] {1, 5, 69, 100}) {
                Neighbours got = CudaCorrelation.topK(m.values(), n, m.days(), k, order, "cpu", 2);
                assertThat(got.device()).isEqualTo("cpu");
                assertThat(got.reason()).isEmpty();
                for (int r = 0; r < n; r++) {
                    int row = r;
                    Integer[] others = IntStream.range(0, n).filter(j -> j != row).boxed().toArray(Integer[]::new);
                    Arrays.sort(others, Comparator.<Integer>comparingDouble(j -> -order.score(full.get(row, j)))
                            .thenComparingInt(j -> j));
                    assertThat(got.count(r)).isEqualTo(Math.min(k, n - 1));
                    for (int e = 0; e < got.count(r); e++) {
                        assertThat(got.other(r, e)).as("%s k=%d row %d entry %d", order, k, r, e)
                                .isEqualTo(others[e]);
                        assertThat(got.correlation(r, e)).isEqualTo(full.get(r, others[e]));
                    }
                    if (k > n - 1) {
                        assertThat(got.others()[r * k + n - 1]).isEqualTo(-1);
                        assertThat(got.correlations()[r * k + n - 1]).isNaN();
                    }
                }
            }
        }
    }

    @Test
    void gpuWithoutCudaComputesOnTheCpuAndSaysWhy() {
        PnlMatrix m = matrix(30, 20, 12);
        CudaStatus none = new CudaStatus(false, 0, List.of(), "", "the CUDA driver could not be loaded", "x");
        Neighbours got = CudaCorrelation.topK(m.values(), 30, 20, 3, CudaCorrelation.Order.HIGHEST, "gpu", 1,
                () -> none, () -> {
                    throw new AssertionError("no device should be opened");
                });
        assertThat(got.device()).isEqualTo("cpu");
        assertThat(got.reason()).isEqualTo("no CUDA: the CUDA driver could not be loaded; computed on the CPU");
        Neighbours cpu = CudaCorrelation.topK(m.values(), 30, 20, 3, CudaCorrelation.Order.HIGHEST, "cpu", 1);
        assertThat(got.others()).isEqualTo(cpu.others());
        assertThat(got.correlations()).isEqualTo(cpu.correlations());
        if (!CudaRuntime.probe().available()) {
            Neighbours real = CudaCorrelation.topK(m.values(), 30, 20, 3, CudaCorrelation.Order.HIGHEST, "gpu", 1);
            assertThat(real.reason()).startsWith("no CUDA: " + CudaRuntime.probe().reason());
        }
    }

    @Test
    void autoLeavesSmallProductsToTheCpuAndGpuTakesThem() {
        PnlMatrix m = matrix(30, 20, 13);
        HostDevice device = new HostDevice(0);
        Neighbours auto = CudaCorrelation.topK(m.values(), 30, 20, 3, CudaCorrelation.Order.HIGHEST, "auto", 1,
                () -> AVAILABLE, () -> device);
        assertThat(auto.device()).isEqualTo("cpu");
        assertThat(auto.reason()).contains("below the 100,000,000 multiply-adds").contains("not yet measured");
        Neighbours gpu = CudaCorrelation.topK(m.values(), 30, 20, 3, CudaCorrelation.Order.HIGHEST, " GPU ", 1,
                () -> AVAILABLE, () -> device);
        assertThat(gpu.device()).isEqualTo("gpu");
        assertThat(device.launches).containsExactly("corr_standardize", "corr_topk");
        assertThat(device.buffers).as("device buffers left").isEmpty();
        assertThat(device.allocs).hasSize(5);
        assertThat(device.closed).isTrue();
        Neighbours big = CudaCorrelation.topK(m.values(), 30, 20, CudaCorrelation.MAX_GPU_K + 1,
                CudaCorrelation.Order.HIGHEST, "gpu", 1, () -> AVAILABLE, () -> device);
        assertThat(big.reason()).startsWith("k 1025 is above the 1024");
    }

    @Test
    void aFailingDeviceFreesItsBuffersAndTheCpuAnswers() {
        PnlMatrix m = matrix(30, 20, 14);
        HostDevice device = new HostDevice(2);
        Neighbours got = CudaCorrelation.topK(m.values(), 30, 20, 4, CudaCorrelation.Order.ABSOLUTE, "gpu", 1,
                () -> AVAILABLE, () -> device);
        assertThat(got.device()).isEqualTo("cpu");
        assertThat(got.reason()).contains("CUDA_ERROR_LAUNCH_FAILED").endsWith("computed on the CPU");
        assertThat(device.closed).isTrue();
        Neighbours cpu = CudaCorrelation.topK(m.values(), 30, 20, 4, CudaCorrelation.Order.ABSOLUTE, "cpu", 1);
        assertThat(got.others()).isEqualTo(cpu.others());
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> CudaCorrelation.topK(new double[5], 2, 3, 1, CudaCorrelation.Order.HIGHEST, "cpu", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 strategies × 3 days");
        assertThatThrownBy(() -> CudaCorrelation.topK(new double[6], 2, 3, 0, CudaCorrelation.Order.HIGHEST, "cpu", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be positive");
        assertThatThrownBy(() -> CudaCorrelation.topK(new double[6], 2, 3, 1, CudaCorrelation.Order.HIGHEST, "tpu", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto, cpu and gpu");
    }
}
