package dev.quiver.features.volatility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.features.kernel.SmaColumn;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RollingMoments#runBands}, the one pass of {@code bbands}, against the passes it replaces: its middle band is
 * {@link SmaColumn#compute}'s average and its bands {@code middle ± sd·k} from {@link RollingMoments#run}'s standard
 * deviation, bit for bit, on series with gaps, a level far from 0 and windows of one and two values.
 */
class RollingBandsTest {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 20, 64})
    void onePassGivesTheBitsOfTheSmaAndDeviationPasses(int n) {
        SplittableRandom random = new SplittableRandom(n);
        int rows = 5_000;
        double[] x = new double[rows];
        double level = 1e6;
        for (int i = 0; i < rows; i++) {
            level += random.nextGaussian();
            x[i] = random.nextInt(97) == 0 ? Double.NaN : random.nextInt(211) == 0 ? -0.0 : level;
        }
        MemorySegment in = MemorySegment.ofArray(x);
        double k = 2.5;
        double[] middle = new double[rows];
        double[] upper = new double[rows];
        double[] lower = new double[rows];
        new RollingMoments(n, 0, RollingMoments.Output.STD_DEV).runBands(in, MemorySegment.ofArray(middle),
                MemorySegment.ofArray(upper), MemorySegment.ofArray(lower), k, 0, rows);

        double[] sma = new double[rows];
        double[] sd = new double[rows];
        SmaColumn.compute(in, MemorySegment.ofArray(sma), 0, rows, n);
        new RollingMoments(n, 0, RollingMoments.Output.STD_DEV).run(in, MemorySegment.ofArray(sd), 0, rows);
        int outputs = 0;
        for (int i = 0; i < rows; i++) {
            assertThat(Double.doubleToRawLongBits(middle[i])).as("middle row %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(sma[i]));
            assertThat(Double.doubleToRawLongBits(upper[i])).as("upper row %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(sma[i] + sd[i] * k));
            assertThat(Double.doubleToRawLongBits(lower[i])).as("lower row %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(sma[i] - sd[i] * k));
            outputs += Double.isNaN(middle[i]) ? 0 : 1;
        }
        assertThat(outputs).isGreaterThan(rows / 3);
    }
}
