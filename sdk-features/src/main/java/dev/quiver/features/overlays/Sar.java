package dev.quiver.features.overlays;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.Operator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Wilder's parabolic stop and reverse, {@code sar(acceleration, maximum)}, as TA-Lib computes it.
 *
 * <ul>
 *   <li><b>Parameters.</b> {@code acceleration}, the step of the acceleration factor, 0 to 1, default 0.02;
 *       {@code maximum}, its cap, 0 to 1, default 0.2 (TA-Lib's and Wilder's). An acceleration above the maximum
 *       is lowered to it, as in TA-Lib.</li>
 *   <li><b>Inputs.</b> {@code high, low}.</li>
 *   <li><b>Seeding and warm-up.</b> TA-Lib's: bar 0 is consumed; at bar 1 the position is short if bar 1's
 *       {@code −DM} is positive (its low fell by more than its high rose), long otherwise; a long starts with
 *       {@code SAR = low₀} and extreme point {@code high₁}, a short with {@code SAR = high₀} and {@code low₁}. The
 *       first value is at row 1: 1 warm-up row. Then each bar outputs the SAR computed for it, reverses if the bar
 *       penetrates it (the new SAR is the old extreme point), and steps
 *       {@code sar = sar + af·(ep − sar)}, {@code af} growing by {@code acceleration} at each new extreme up to
 *       {@code maximum}, the SAR kept outside the last two bars' ranges.</li>
 *   <li><b>Output scale.</b> The price's units.</li>
 *   <li><b>Arithmetic.</b> TA-Lib's; the outputs equal TA-Lib's {@code SAR} bit for bit.</li>
 *   <li><b>Difference from TTR, not tested against it.</b> R TTR's {@code SAR} starts at row 0, long, with an
 *       initial SAR of {@code low₀ − sd(high − low)}, the sd taken over <b>the whole series</b> (so its first values
 *       depend on future bars), and its reversal and clamping rules differ from TA-Lib's: the two paths do not
 *       converge (on AAPL 2013–2018 they differ on 1,095 of 1,259 rows, on some by more than 1%). TA-Lib's is the
 *       reference here.</li>
 *   <li><b>Missing values.</b> A bar with a missing high or low outputs {@code NaN} and is skipped: the next bar
 *       continues from the last complete one.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; its kernels are immutable and their incremental states single-threaded.
 */
public final class Sar {
    /** The published description of {@code sar}. */
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("sar", "overlays",
            OperatorKind.TIME_SERIES, "Wilder's parabolic SAR, TA-Lib's seeding",
            List.of(ParamSpec.ofDouble("acceleration", 0.02, 0.0, 1.0, "acceleration factor step"),
                    ParamSpec.ofDouble("maximum", 0.2, 0.0, 1.0, "acceleration factor cap")),
            List.of("high", "low"), List.of(""));

    /** The operator: {@link #DESCRIPTOR} and its scalar kernel. */
    public static final Operator OPERATOR = Operator.of(DESCRIPTOR, Kernel::new);

    private Sar() {
    }

    /** The batch kernel: the incremental state's per-bar method in a loop over the segments. Immutable. */
    private static final class Kernel extends MultiInputKernel {
        private final double acceleration;
        private final double maximum;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, 1);
            this.maximum = params.getDouble("maximum");
            this.acceleration = Math.min(params.getDouble("acceleration"), maximum);
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            new Recursion(acceleration, maximum).run(in[0], in[1], out[0], from, to);
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(acceleration, maximum);
        }
    }

    /**
     * The recursion, TA-Lib's variable names: {@link #run} holds the per-bar arithmetic with the state in local
     * variables (the JIT keeps them in registers) and written back at the end; the incremental state runs it over
     * one row, so batch and incremental are one piece of code and agree bit for bit. Not thread-safe.
     */
    private static final class Recursion {
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final double acceleration;
        private final double maximum;
        private int bars;           // complete bars seen, up to 2
        private boolean isLong;
        private double af;
        private double ep;
        private double sar;
        private double newHigh;     // the last complete bar's high and low
        private double newLow;

        Recursion(double acceleration, double maximum) {
            this.acceleration = acceleration;
            this.maximum = maximum;
        }

        /** Consumes rows {@code [from, to)} of the highs and lows, writing each row's SAR to {@code result}. */
        void run(MemorySegment highIn, MemorySegment lowIn, MemorySegment result, int from, int to) {
            final double acceleration = this.acceleration;
            final double maximum = this.maximum;
            int bars = this.bars;
            boolean isLong = this.isLong;
            double af = this.af;
            double ep = this.ep;
            double sar = this.sar;
            double newHigh = this.newHigh;
            double newLow = this.newLow;
            for (int i = from; i < to; i++) {
                double high = highIn.getAtIndex(D, i);
                double low = lowIn.getAtIndex(D, i);
                if (!Double.isFinite(high) || !Double.isFinite(low)) {
                    result.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                if (bars == 0) {
                    bars = 1;
                    newHigh = high;
                    newLow = low;
                    result.setAtIndex(D, i, Double.NaN);
                    continue;
                }
                if (bars == 1) {
                    bars = 2;
                    // the direction from bar 1's -DM, then TA-Lib's "cheat": the first iteration's previous bar
                    // is bar 1
                    double diffPlus = high - newHigh;
                    double diffMinus = newLow - low;
                    isLong = !(diffMinus > 0 && diffPlus < diffMinus);
                    if (isLong) {
                        ep = high;
                        sar = newLow;
                    } else {
                        ep = low;
                        sar = newHigh;
                    }
                    af = acceleration;
                    newHigh = high;
                    newLow = low;
                }
                double prevLow = newLow;
                double prevHigh = newHigh;
                newLow = low;
                newHigh = high;
                if (isLong) {
                    if (newLow <= sar) {
                        isLong = false;
                        sar = ep;
                        if (sar < prevHigh) {
                            sar = prevHigh;
                        }
                        if (sar < newHigh) {
                            sar = newHigh;
                        }
                        result.setAtIndex(D, i, sar);
                        af = acceleration;
                        ep = newLow;
                        sar = sar + af * (ep - sar);
                        if (sar < prevHigh) {
                            sar = prevHigh;
                        }
                        if (sar < newHigh) {
                            sar = newHigh;
                        }
                    } else {
                        result.setAtIndex(D, i, sar);
                        if (newHigh > ep) {
                            ep = newHigh;
                            af += acceleration;
                            if (af > maximum) {
                                af = maximum;
                            }
                        }
                        sar = sar + af * (ep - sar);
                        if (sar > prevLow) {
                            sar = prevLow;
                        }
                        if (sar > newLow) {
                            sar = newLow;
                        }
                    }
                } else if (newHigh >= sar) {
                    isLong = true;
                    sar = ep;
                    if (sar > prevLow) {
                        sar = prevLow;
                    }
                    if (sar > newLow) {
                        sar = newLow;
                    }
                    result.setAtIndex(D, i, sar);
                    af = acceleration;
                    ep = newHigh;
                    sar = sar + af * (ep - sar);
                    if (sar > prevLow) {
                        sar = prevLow;
                    }
                    if (sar > newLow) {
                        sar = newLow;
                    }
                } else {
                    result.setAtIndex(D, i, sar);
                    if (newLow < ep) {
                        ep = newLow;
                        af += acceleration;
                        if (af > maximum) {
                            af = maximum;
                        }
                    }
                    sar = sar + af * (ep - sar);
                    if (sar < prevHigh) {
                        sar = prevHigh;
                    }
                    if (sar < newHigh) {
                        sar = newHigh;
                    }
                }
            }
            this.bars = bars;
            this.isLong = isLong;
            this.af = af;
            this.ep = ep;
            this.sar = sar;
            this.newHigh = newHigh;
            this.newLow = newLow;
        }

        /** Forgets every bar. */
        void clear() {
            bars = 0;
        }
    }

    /** The incremental state: {@link Recursion#run} over a one-row segment. */
    private static final class State extends MultiInputState {
        private final Recursion recursion;
        private final MemorySegment row = Arena.ofAuto().allocate(ValueLayout.JAVA_DOUBLE, 3); // high, low, SAR

        State(double acceleration, double maximum) {
            super(2, 1);
            this.recursion = new Recursion(acceleration, maximum);
        }

        @Override
        protected void step(double[] in, double[] out) {
            row.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, in[0]);
            row.setAtIndex(ValueLayout.JAVA_DOUBLE, 1, in[1]);
            recursion.run(row, row.asSlice(Double.BYTES), row.asSlice(2 * Double.BYTES), 0, 1);
            out[0] = row.getAtIndex(ValueLayout.JAVA_DOUBLE, 2);
        }

        @Override
        protected void clear() {
            recursion.clear();
        }
    }
}
