package dev.quiver.features.overlays;

import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import dev.quiver.api.param.ParamSpec;
import dev.quiver.api.param.Params;
import dev.quiver.features.kernel.MultiInputKernel;
import dev.quiver.features.kernel.MultiInputState;
import dev.quiver.features.kernel.Operator;
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
        private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

        private final double acceleration;
        private final double maximum;

        Kernel(OperatorDescriptor descriptor, Params params, List<String> inputs) {
            super(descriptor, params, inputs, 1);
            this.maximum = params.getDouble("maximum");
            this.acceleration = Math.min(params.getDouble("acceleration"), maximum);
        }

        @Override
        protected void computeRange(MemorySegment[] in, MemorySegment[] out, int from, int to) {
            // State.next with its fields in locals (the JIT keeps them in registers; fields are read and written
            // through memory every bar): the same operations in the same order, so the outputs equal the state's
            MemorySegment highIn = in[0];
            MemorySegment lowIn = in[1];
            MemorySegment result = out[0];
            int bars = 0;
            boolean isLong = false;
            double af = 0.0;
            double ep = 0.0;
            double sar = 0.0;
            double newHigh = 0.0;
            double newLow = 0.0;
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
        }

        @Override
        public IncrementalKernel incremental() {
            return new State(acceleration, maximum);
        }
    }

    /** The incremental state; the variable names are TA-Lib's. */
    private static final class State extends MultiInputState {
        private final double acceleration;
        private final double maximum;
        private int bars;           // complete bars seen, up to 2
        private boolean isLong;
        private double af;
        private double ep;
        private double sar;
        private double newHigh;     // the last complete bar's high and low
        private double newLow;

        State(double acceleration, double maximum) {
            super(2, 1);
            this.acceleration = acceleration;
            this.maximum = maximum;
        }

        double out0; // the last bar's outputs

        @Override
        protected void step(double[] in, double[] out) {
            next(in[0], in[1]);
            out[0] = out0;
        }

        /** One bar, into the {@code out} fields: the arithmetic both forms share. */
        void next(double high, double low) {
            out0 = Double.NaN;
            if (!Double.isFinite(high) || !Double.isFinite(low)) {
                out0 = Double.NaN;
                return;
            }
            if (bars == 0) {
                bars = 1;
                newHigh = high;
                newLow = low;
                out0 = Double.NaN;
                return;
            }
            if (bars == 1) {
                bars = 2;
                // the direction from bar 1's -DM, then TA-Lib's "cheat": the first iteration's previous bar is bar 1
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
                    out0 = sar;
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
                    out0 = sar;
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
                out0 = sar;
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
                out0 = sar;
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

        @Override
        protected void clear() {
            bars = 0;
        }
    }
}
