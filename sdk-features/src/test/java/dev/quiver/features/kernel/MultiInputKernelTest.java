package dev.quiver.features.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The base classes of multi-input, multi-output kernels, on a small kernel written for the test. */
class MultiInputKernelTest {
    /** Two inputs, two outputs: the running sum of a + b and of a − b. */
    private static final OperatorDescriptor SUMS = new OperatorDescriptor("sums", "test", OperatorKind.TIME_SERIES,
            "running sums", List.of(ParamSpec.ofInt("n", 1, 0, 10, "warm-up")), List.of("a", "b"),
            List.of("plus", "minus"));

    private static final class Sums extends MultiInputKernel {
        Sums(Params params, List<String> inputs) {
            super(SUMS, params, inputs, params.getInt("n"));
        }

        @Override
        public MultiInputState incremental() {
            int warmUp = warmUp();
            return new MultiInputState(2, 2) {
                private double plus;
                private double minus;
                private int seen;

                @Override
                protected void step(double[] in, double[] out) {
                    plus += in[0] + in[1];
                    minus += in[0] - in[1];
                    boolean ready = seen++ >= warmUp;
                    out[0] = ready ? plus : Double.NaN;
                    out[1] = ready ? minus : Double.NaN;
                }

                @Override
                protected void clear() {
                    plus = 0;
                    minus = 0;
                    seen = 0;
                }
            };
        }
    }

    private static Sums sums(int n, List<String> inputs) {
        return new Sums(Params.bind(SUMS.params(), Map.of("n", Integer.toString(n))), inputs);
    }

    @Test
    void namesItsPartsAndRunsTheStateOverTheRows() {
        Sums k = sums(1, List.of("a", "b"));
        assertThat(k.outputs()).containsExactly("sums(1).plus", "sums(1).minus");
        assertThat(k.toString()).isEqualTo("sums(1).plus,sums(1).minus");
        double[] a = {1, 2, 3};
        double[] b = {1, 1, 1};
        double[] plus = new double[3];
        double[] minus = new double[3];
        k.computeSeries(new MemorySegment[] {MemorySegment.ofArray(a), MemorySegment.ofArray(b)},
                new MemorySegment[] {MemorySegment.ofArray(plus), MemorySegment.ofArray(minus)}, 0, 3);
        assertThat(plus).containsExactly(Double.NaN, 5, 9);
        assertThat(minus).containsExactly(Double.NaN, 1, 3);
        assertThat(sums(0, List.of("x", "y")).outputs()).containsExactly("sums(x,y,0).plus", "sums(x,y,0).minus");
    }

    @Test
    void checksItsArguments() {
        assertThatThrownBy(() -> sums(1, List.of("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("operator 'sums' takes 2 input columns (a, b), 1 given");
        assertThatThrownBy(() -> new MultiInputKernel(SUMS, Params.bind(SUMS.params(), Map.of()), List.of("a", "b"),
                -1) {
            @Override
            public MultiInputState incremental() {
                throw new AssertionError();
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warm-up -1 < 0");
        MultiInputState state = sums(0, List.of("a", "b")).incremental();
        assertThatThrownBy(() -> state.update(1.0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takes 2 inputs and gives 2 outputs");
        assertThatThrownBy(() -> state.update(new double[1], new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 input and 2 output values expected, 1 and 2 given");
        assertThat(state.count()).isZero();
        assertThatThrownBy(() -> new MultiInputState(0, 1) {
            @Override
            protected void step(double[] in, double[] out) {
            }

            @Override
            protected void clear() {
            }
        }).isInstanceOf(IllegalArgumentException.class);
    }
}
