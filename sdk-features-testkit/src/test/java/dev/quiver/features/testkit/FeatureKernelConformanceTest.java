package dev.quiver.features.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.FeatureKernelProvider;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The kit passes a conforming kernel and catches each kind of broken one. */
class FeatureKernelConformanceTest {

    @TestFactory
    Stream<DynamicNode> aConformingKernelPasses() {
        return FeatureKernelConformance.forProvider(new MidProvider(Fault.NONE)).build().tests();
    }

    @Test
    void generatesParameterVariants() {
        List<FeatureKernel> kernels = FeatureKernelConformance.forProvider(new MidProvider(Fault.NONE)).build()
                .kernels();
        assertThat(kernels).extracting(k -> k.outputs().get(0))
                .containsExactly("mid(0)", "mid(1)", "mid(3)", "mid(20)", "mid(250)");
        assertThat(FeatureKernelConformance.forProvider(new MidProvider(Fault.NONE))
                .params("mid", java.util.Map.of("lag", "2")).build().kernels())
                .extracting(k -> k.outputs().get(0)).containsExactly("mid(2)");
    }

    @Test
    void catchesAnIncrementalFormThatDiffers() {
        assertFails(Fault.INCREMENTAL_DIFFERS, "batch equals incremental: ");
    }

    @Test
    void catchesAWarmUpRowThatIsNotNaN() {
        assertFails(Fault.WARM_UP_WRITTEN, "warm-up rows are NaN, later rows finite: ");
    }

    @Test
    void catchesAnUnwrittenRow() {
        assertFails(Fault.LAST_ROW_UNWRITTEN, "left output 'mid(");
    }

    @Test
    void catchesAWrongOutputName() {
        assertFails(Fault.UPPER_CASE_NAME, "output names: ");
    }

    @Test
    void catchesADifferenceFromTheReference() {
        assertThatThrownBy(() -> FeatureKernelConformance.forProvider(new MidProvider(Fault.NONE))
                .reference(new MidProvider(Fault.BATCH_DIFFERS)).operators("mid").build().assertConforms())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("equals the reference provider's kernel: ");
    }

    @Test
    void aToleranceAcceptsSmallDifferences() {
        FeatureKernelConformance.forProvider(new MidProvider(Fault.INCREMENTAL_DIFFERS)).tolerance("mid", 1e-9)
                .build().assertConforms();
    }

    private static void assertFails(Fault fault, String message) {
        assertThatThrownBy(() -> FeatureKernelConformance.forProvider(new MidProvider(fault)).build()
                .assertConforms())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(message);
    }

    enum Fault { NONE, INCREMENTAL_DIFFERS, BATCH_DIFFERS, WARM_UP_WRITTEN, LAST_ROW_UNWRITTEN, UPPER_CASE_NAME }

    /** {@code mid(lag)}: the midpoint of the high and low {@code lag} bars ago; a missing input gives NaN. */
    static final class MidProvider implements FeatureKernelProvider {
        static final OperatorDescriptor MID = new OperatorDescriptor("mid", "test", OperatorKind.TIME_SERIES,
                "(high + low) / 2, lag bars ago", List.of(ParamSpec.ofInt("lag", 0, 0, 1_000, "lag in bars")),
                List.of("high", "low"), List.of(""));
        private final Fault fault;

        MidProvider(Fault fault) {
            this.fault = fault;
        }

        @Override
        public String name() {
            return "mid";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public List<OperatorDescriptor> operators() {
            return List.of(MID);
        }

        @Override
        public FeatureKernel create(String operatorName, Params params, List<String> inputs) {
            if (!operatorName.equals("mid")) {
                throw new IllegalArgumentException("no operator " + operatorName);
            }
            return new Mid(fault, params, inputs.isEmpty() ? MID.inputs() : inputs);
        }
    }

    private record Mid(Fault fault, Params params, List<String> inputs) implements FeatureKernel {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        int lag() {
            return params.getInt("lag");
        }

        @Override
        public OperatorDescriptor descriptor() {
            return MidProvider.MID;
        }

        @Override
        public List<String> outputs() {
            return List.of((fault == Fault.UPPER_CASE_NAME ? "MID(" : "mid(") + params.canonical() + ")");
        }

        @Override
        public int warmUp() {
            return lag();
        }

        @Override
        public void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            Objects.checkFromToIndex(from, to, out[0].byteSize() / Double.BYTES);
            int end = fault == Fault.LAST_ROW_UNWRITTEN && to - from > 10 ? to - 1 : to;
            for (int i = from; i < end; i++) {
                int j = i - lag();
                double y = j < from ? Double.NaN : mid(in[0].getAtIndex(D, j), in[1].getAtIndex(D, j));
                if (fault == Fault.BATCH_DIFFERS) {
                    y *= 1 + 1e-12;
                }
                if (fault == Fault.WARM_UP_WRITTEN && i == from && lag() > 0) {
                    y = 1.0;
                }
                out[0].setAtIndex(D, i, y);
            }
        }

        static double mid(double high, double low) {
            return Double.isFinite(high) && Double.isFinite(low) ? (high + low) / 2 : Double.NaN;
        }

        @Override
        public IncrementalKernel incremental() {
            return new IncrementalKernel() {
                private final double[] ring = new double[lag() + 1];
                private long count;

                @Override
                public void update(double[] in, double[] out) {
                    ring[(int) (count % ring.length)] = mid(in[0], in[1]);
                    count++;
                    double y = count <= lag() ? Double.NaN : ring[(int) (count % ring.length)];
                    out[0] = fault == Fault.INCREMENTAL_DIFFERS && !Double.isNaN(y) ? y * (1 + 1e-12) : y;
                }

                @Override
                public double update(double value) {
                    throw new IllegalStateException("two inputs");
                }

                @Override
                public void reset() {
                    count = 0;
                }

                @Override
                public long count() {
                    return count;
                }
            };
        }
    }
}
