package com.example.quiver;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Elder's force index, {@code efi(n)}: the exponential moving average of the one-bar force
 * {@code (close − previous close) · volume}.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code n}, the EMA span in bars, 1 to 100,000; default 13 (Elder's).</li>
 *   <li><b>Inputs.</b> {@code close}, {@code volume}.</li>
 *   <li><b>Seeding and warm-up.</b> The first force is at row 1; the EMA ({@code α = 2/(n+1)}) is seeded with the
 *       mean of the first {@code n} forces, as Quiver's {@code ema} is: the first output is at row {@code n}, so
 *       {@code n} warm-up rows.</li>
 *   <li><b>Output scale.</b> Price units times volume units.</li>
 *   <li><b>Missing values.</b> A bar whose close or volume is {@code NaN} or infinite outputs {@code NaN} and leaves
 *       the state (including the previous close) unchanged, Quiver's convention for recursive indicators.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable; its kernels are immutable and their incremental states single-threaded.
 */
public final class ForceIndex {
    /** Elder's span. */
    public static final int DEFAULT_N = 13;

    /** The published description of {@code efi}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("efi", "volume",
            OperatorKind.TIME_SERIES, "Elder's force index: EMA of (close - previous close) * volume",
            List.of(ParamSpec.ofInt("n", DEFAULT_N, 1, 100_000, "EMA span in bars; alpha = 2/(n+1)")),
            List.of("close", "volume"), List.of(""));

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private ForceIndex() {
    }

    /** The batch kernel: one loop, the same arithmetic as {@link State}. Immutable. */
    static final class Kernel implements FeatureKernel {
        private final Params params;
        private final List<String> inputs;
        private final List<String> outputs;
        private final int n;

        Kernel(Params params, List<String> inputs) {
            this.params = params;
            this.inputs = List.copyOf(inputs);
            this.n = params.getInt("n");
            this.outputs = List.of(name(inputs, params));
        }

        /** The canonical spec text: {@code efi(13)}, or {@code efi(adj_close,volume,13)} for other columns. */
        private static String name(List<String> inputs, Params params) {
            boolean defaults = inputs.get(0).equalsIgnoreCase("close") && inputs.get(1).equalsIgnoreCase("volume");
            String columns = defaults ? "" : (String.join(",", inputs) + ",").toLowerCase(Locale.ROOT)
                    .replaceAll("\\s+", "");
            return "efi(" + columns + params.canonical() + ")";
        }

        @Override
        public OperatorDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public Params params() {
            return params;
        }

        @Override
        public List<String> inputs() {
            return inputs;
        }

        @Override
        public List<String> outputs() {
            return outputs;
        }

        @Override
        public int warmUp() {
            return n;
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException if there are not two input segments and one output segment
         * @throws IndexOutOfBoundsException if {@code [from, to)} is not within every segment
         */
        @Override
        public void computeSeries(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            if (in.length != 2 || out.length != 1) {
                throw new IllegalArgumentException(outputs.get(0) + ": " + in.length + " input and " + out.length
                        + " output segments given, 2 and 1 expected");
            }
            long rows = Math.min(Math.min(in[0].byteSize(), in[1].byteSize()), out[0].byteSize()) / Double.BYTES;
            Objects.checkFromToIndex(from, to, rows);
            State state = new State(n);
            for (int i = from; i < to; i++) {
                out[0].setAtIndex(D, i, state.step(in[0].getAtIndex(D, i), in[1].getAtIndex(D, i)));
            }
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(n);
        }

        @Override
        public String toString() {
            return outputs.get(0);
        }
    }

    /** The incremental state; the batch kernel steps one too, so the two agree bit for bit. Single-threaded. */
    static final class State implements IncrementalKernel {
        private final int n;
        private final double alpha;
        private long count;
        private double previous = Double.NaN; // the last finite close
        private int forces;                   // forces seen, up to n
        private double ema;                   // the sum of the forces while seeding

        State(int n) {
            this.n = n;
            this.alpha = 2.0 / (n + 1);
        }

        double step(double close, double volume) {
            if (!Double.isFinite(close) || !Double.isFinite(volume)) {
                return Double.NaN;
            }
            double last = previous;
            previous = close;
            if (Double.isNaN(last)) {
                return Double.NaN;
            }
            double force = (close - last) * volume;
            if (forces == n) {
                ema = ((force - ema) * alpha) + ema;
                return ema;
            }
            ema += force;
            forces++;
            if (forces < n) {
                return Double.NaN;
            }
            ema = ema / n;
            return ema;
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException if {@code in} does not hold two values or {@code out} one
         */
        @Override
        public void update(double[] in, double[] out) {
            if (in.length != 2 || out.length != 1) {
                throw new IllegalArgumentException("efi: two input values (close, volume) and one output expected, "
                        + in.length + " and " + out.length + " given");
            }
            count++;
            out[0] = step(in[0], in[1]);
        }

        /**
         * Not for this kernel, which reads two columns.
         *
         * @throws IllegalStateException always
         */
        @Override
        public double update(double value) {
            throw new IllegalStateException("efi reads two columns (close, volume): call update(double[], double[])");
        }

        @Override
        public void reset() {
            count = 0;
            previous = Double.NaN;
            forces = 0;
            ema = 0.0;
        }

        @Override
        public long count() {
            return count;
        }
    }
}
