package dev.quiver.features.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.feature.IncrementalKernel;
import dev.quiver.api.feature.OperatorDescriptor;
import dev.quiver.api.feature.OperatorKind;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.function.Executable;

/**
 * The checks of one kernel; see {@link FeatureKernelConformance} for what each one asserts.
 *
 * <p>Thread-safety: immutable; each check may run on any thread.
 */
final class Checks {
    /** What output rows hold before a kernel runs: a row still holding it was not written. */
    static final double SENTINEL = -9.87654321e299;
    private static final int ROWS = 1_500;
    private static final int THREADS = 8;

    private final FeatureKernel kernel;
    private final OperatorDescriptor descriptor;
    private final double tolerance;
    private final FeatureKernel reference;

    Checks(FeatureKernel kernel, double tolerance, FeatureKernel reference) {
        this.kernel = kernel;
        this.descriptor = kernel.descriptor();
        this.tolerance = tolerance;
        this.reference = reference;
    }

    /** Every check that applies to the kernel, by name, in order. */
    Map<String, Executable> all() {
        Map<String, Executable> checks = new LinkedHashMap<>();
        checks.put("output names", this::names);
        if (descriptor.kind() == OperatorKind.CROSS_SECTIONAL) {
            checks.put("has no per-series or incremental form", this::crossSectionalOnly);
            checks.put("missing values never throw", this::crossSectionalMissingValues);
            checks.put("empty and one-row panels", this::crossSectionalEmptyAndOneRow);
            checks.put("deterministic", this::crossSectionalDeterministic);
            checks.put("thread-safe", this::crossSectionalThreadSafe);
            checks.put("segment shapes are checked", this::panelShapes);
        } else {
            checks.put("warm-up rows are NaN, later rows finite", this::warmUp);
            checks.put("batch equals incremental", this::batchEqualsIncremental);
            checks.put("batch equals incremental with missing values", this::batchEqualsIncrementalWithGaps);
            checks.put("missing values never throw", this::missingValues);
            checks.put("empty and short series", this::emptyAndShort);
            checks.put("a range reads and writes only its rows", this::range);
            checks.put("deterministic, and compute(panel) and computeSymbols equal computeSeries", this::deterministic);
            checks.put("thread-safe", this::threadSafe);
            checks.put("incremental count and reset", this::incrementalState);
            checks.put("segment shapes are checked", this::shapes);
        }
        if (reference != null) {
            checks.put("equals the reference provider's kernel", this::matchesReference);
        }
        return checks;
    }

    // ---- every kernel

    private void names() {
        List<String> outputs = kernel.outputs();
        assertThat(kernel.inputs()).as("one input column per role %s", descriptor.inputs())
                .hasSameSizeAs(descriptor.inputs());
        assertThat(kernel.params().specs()).as("parameters bound to the descriptor's declarations")
                .isEqualTo(descriptor.params());
        assertThat(kernel.warmUp()).as("warm-up").isGreaterThanOrEqualTo(0);
        assertThat(outputs).as("one output per part %s", descriptor.outputs()).hasSameSizeAs(descriptor.outputs());
        assertThat(new HashSet<>(outputs)).as("distinct output names").hasSameSizeAs(outputs);
        for (int o = 0; o < outputs.size(); o++) {
            String name = outputs.get(o);
            assertThat(name).as("output name").startsWith(descriptor.name() + "(")
                    .isEqualTo(name.toLowerCase(Locale.ROOT)).doesNotContainAnyWhitespaces();
            String part = descriptor.outputs().get(o);
            if (descriptor.singleOutput()) {
                assertThat(name).as("a single output is named by the spec").endsWith(")");
            } else {
                assertThat(name).as("output %d is named spec.part", o).endsWith(")." + part);
                String spec = name.substring(0, name.length() - part.length() - 1);
                assertThat(outputs.get(0)).as("every part shares the spec").startsWith(spec + ".");
            }
        }
    }

    // ---- time-series kernels

    private void warmUp() {
        double[][] out = batch(kernel, inputs(SyntheticBars.generate(11, ROWS)));
        assertWarmUp(out, "on " + ROWS + " gap-free bars");
    }

    private void assertWarmUp(double[][] out, String where) {
        int w = kernel.warmUp();
        for (int o = 0; o < out.length; o++) {
            for (int r = 0; r < out[o].length; r++) {
                boolean nan = Double.isNaN(out[o][r]);
                if (r < w && !nan) {
                    throw new AssertionError(where + ": output '" + kernel.outputs().get(o) + "' row " + r + " is "
                            + out[o][r] + ", but the first " + w + " rows are warm-up and must be NaN");
                }
                if (r >= w && !Double.isFinite(out[o][r])) {
                    throw new AssertionError(where + ": output '" + kernel.outputs().get(o) + "' row " + r + " is "
                            + out[o][r] + ", but rows after the " + w + " warm-up rows must be finite");
                }
            }
        }
    }

    private void batchEqualsIncremental() {
        double[][] in = inputs(SyntheticBars.generate(12, ROWS));
        assertAgree("incremental vs batch on gap-free bars", batch(kernel, in), incremental(kernel, in), tolerance);
    }

    private void batchEqualsIncrementalWithGaps() {
        for (long seed = 1; seed <= 3; seed++) {
            double[][] in = inputs(SyntheticBars.generate(20 + seed, ROWS).withGaps(seed));
            assertAgree("incremental vs batch on bars with gaps (seed " + seed + ")", batch(kernel, in),
                    incremental(kernel, in), tolerance);
        }
    }

    private void missingValues() {
        int inputs = descriptor.inputs().size();
        int rows = 60;
        double[][][] cases = {
            filled(inputs, rows, Double.NaN),
            filled(inputs, rows, Double.POSITIVE_INFINITY),
            filled(inputs, rows, Double.NEGATIVE_INFINITY),
            alternating(inputs(SyntheticBars.generate(31, rows))),
            inputs(SyntheticBars.generate(32, ROWS).withGaps(7)),
        };
        String[] names = {"all NaN", "all +Infinity", "all -Infinity", "every other row NaN", "bars with gaps"};
        for (int c = 0; c < cases.length; c++) {
            double[][] out = batch(kernel, cases[c]); // fails if a row is left unwritten
            assertAgree("incremental vs batch, " + names[c], out, incremental(kernel, cases[c]), tolerance);
        }
    }

    private void emptyAndShort() {
        double[][] empty = new double[descriptor.inputs().size()][0];
        assertThat(batch(kernel, empty)[0]).as("an empty series").isEmpty();
        assertThat(incremental(kernel, empty)[0]).isEmpty();
        double[][] in = inputs(SyntheticBars.generate(41, 100));
        double[][] out = sentinels(kernel.outputs().size(), 100);
        kernel.computeSeries(inputs(in), segments(out), 50, 50);
        for (double[] o : out) {
            assertThat(o).as("an empty range writes nothing").containsOnly(SENTINEL);
        }
        SyntheticBars bars = SyntheticBars.generate(42, 60);
        for (int length = 1; length <= Math.min(kernel.warmUp() + 2, 40); length++) {
            double[][] x = inputs(bars.head(length));
            double[][] y = batch(kernel, x);
            assertAgree("incremental vs batch, " + length + " rows", y, incremental(kernel, x), tolerance);
            assertWarmUp(y, "a series of " + length + " rows");
        }
    }

    private void range() {
        int rows = 500;
        double[][] in = inputs(SyntheticBars.generate(51, rows).withGaps(3));
        double[][] out = new double[kernel.outputs().size()][rows];
        for (double[] o : out) {
            Arrays.fill(o, -7.0);
        }
        kernel.computeSeries(inputs(in), segments(out), 100, 400);
        double[][] alone = batch(kernel, slice(in, 100, 400));
        assertAgree("rows 100..399 computed in place vs alone", alone, slice(out, 100, 400), 0.0);
        for (int o = 0; o < out.length; o++) {
            assertThat(Arrays.copyOfRange(out[o], 0, 100)).as("rows before the range").containsOnly(-7.0);
            assertThat(Arrays.copyOfRange(out[o], 400, rows)).as("rows after the range").containsOnly(-7.0);
        }
    }

    private void deterministic() {
        double[][] in = inputs(SyntheticBars.generate(61, ROWS).withGaps(5));
        assertAgree("a second run", batch(kernel, in), batch(kernel, in), 0.0);
        PanelFixture panel = PanelFixture.uneven(this, 62);
        double[][] whole = panel.compute(kernel);
        for (int s = 0; s < panel.symbols(); s++) {
            double[][] alone = batch(kernel, panel.series(s));
            assertAgree("compute(panel) vs computeSeries, symbol " + s + " (" + panel.length(s) + " rows)", alone,
                    panel.rowsOf(s, whole), 0.0);
        }
        assertAgree("compute(panel) twice", whole, panel.compute(kernel), 0.0);
        // groups as an engine makes them: empty, of one symbol, not aligned to any lane count
        assertAgree("computeSymbols over groups of symbols vs compute(panel)", whole,
                panel.computeInGroups(kernel, 0, 0, 1, 4, 13, panel.symbols()), 0.0);
    }

    private void threadSafe() throws Exception {
        int count = 2 * THREADS;
        double[][][] series = new double[count][][];
        double[][][] expected = new double[count][][];
        SplittableRandom random = new SplittableRandom(71);
        for (int i = 0; i < count; i++) {
            SyntheticBars bars = SyntheticBars.generate(700 + i, 800 + random.nextInt(700));
            series[i] = inputs(i % 2 == 0 ? bars : bars.withGaps(i));
            expected[i] = batch(kernel, series[i]);
        }
        PanelFixture panel = PanelFixture.uneven(this, 72);
        double[][] panelExpected = panel.compute(kernel);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
            for (int i = 0; i < count; i++) {
                int s = i;
                tasks.add(() -> {
                    assertAgree("series " + s + " computed concurrently", expected[s], batch(kernel, series[s]), 0.0);
                    return null;
                });
            }
            tasks.add(() -> {
                assertAgree("a panel computed concurrently", panelExpected, panel.compute(kernel), 0.0);
                return null;
            });
        }
        runConcurrently(tasks);
    }

    private void incrementalState() {
        double[][] in = inputs(SyntheticBars.generate(81, 300).withGaps(2));
        IncrementalKernel state = kernel.incremental();
        double[] row = new double[in.length];
        double[] out = new double[kernel.outputs().size()];
        for (int r = 0; r < 123; r++) {
            for (int i = 0; i < in.length; i++) {
                row[i] = in[i][r];
            }
            state.update(row, out);
        }
        assertThat(state.count()).as("count after 123 bars").isEqualTo(123);
        state.reset();
        assertThat(state.count()).as("count after reset").isZero();
        assertAgree("incremental after reset vs batch", batch(kernel, in), run(kernel, state, in), tolerance);
        assertThat(state.count()).as("count after the whole series").isEqualTo(300);
        assertThat(kernel.incremental()).as("incremental() returns a new state each call")
                .isNotSameAs(kernel.incremental());
    }

    private void shapes() {
        panelShapes();
        double[][] in = inputs(SyntheticBars.generate(91, 20));
        double[][] out = sentinels(kernel.outputs().size(), 20);
        assertThatThrownBy(() -> kernel.computeSeries(inputs(in), segments(out), 0, 21))
                .as("rows beyond the segments")
                .isInstanceOfAny(IndexOutOfBoundsException.class, IllegalArgumentException.class);
    }

    // ---- cross-sectional kernels

    private void crossSectionalOnly() {
        double[][] in = inputs(SyntheticBars.generate(101, 10));
        double[][] out = sentinels(kernel.outputs().size(), 10);
        assertThatThrownBy(() -> kernel.computeSeries(inputs(in), segments(out), 0, 10))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(kernel::incremental).isInstanceOf(UnsupportedOperationException.class);
    }

    private void crossSectionalMissingValues() {
        PanelFixture.uneven(this, 111).compute(kernel); // the fixture's half of series have gaps
        PanelFixture.filled(this, 112, Double.NaN).compute(kernel);
        PanelFixture.filled(this, 113, Double.POSITIVE_INFINITY).compute(kernel);
    }

    private void crossSectionalEmptyAndOneRow() {
        assertThat(PanelFixture.of(this, List.of()).compute(kernel)[0]).isEmpty();
        PanelFixture.of(this, List.of(SyntheticBars.generate(121, 1))).compute(kernel);
        PanelFixture.of(this, List.of(SyntheticBars.generate(122, 1), SyntheticBars.generate(123, 1)))
                .compute(kernel);
    }

    private void crossSectionalDeterministic() {
        PanelFixture panel = PanelFixture.uneven(this, 131);
        assertAgree("compute(panel) twice", panel.compute(kernel), panel.compute(kernel), 0.0);
    }

    private void crossSectionalThreadSafe() throws Exception {
        PanelFixture panel = PanelFixture.uneven(this, 141);
        double[][] expected = panel.compute(kernel);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 3 * THREADS; i++) {
            tasks.add(() -> {
                assertAgree("a panel computed concurrently", expected, panel.compute(kernel), 0.0);
                return null;
            });
        }
        runConcurrently(tasks);
    }

    private void panelShapes() {
        PanelFixture panel = PanelFixture.uneven(this, 151);
        MemorySegment[] in = inputs(panel.columns());
        MemorySegment[] out = segments(sentinels(kernel.outputs().size(), panel.rows()));
        MemorySegment[] oneMore = Arrays.copyOf(in, in.length + 1);
        oneMore[in.length] = in[0];
        assertThatThrownBy(() -> kernel.compute(panel.panel(), oneMore, out)).as("one input segment too many")
                .isInstanceOf(IllegalArgumentException.class);
        MemorySegment[] shortOut = out.clone();
        shortOut[0] = out[0].asSlice(0, out[0].byteSize() - Double.BYTES);
        assertThatThrownBy(() -> kernel.compute(panel.panel(), in, shortOut)).as("an output segment a row short")
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- reference

    private void matchesReference() {
        PanelFixture panel = PanelFixture.uneven(this, 161);
        assertAgree("compute(panel) vs the reference's", reference(panel), panel.compute(kernel), tolerance);
        if (descriptor.kind() == OperatorKind.CROSS_SECTIONAL) {
            return;
        }
        for (SyntheticBars bars : List.of(SyntheticBars.generate(162, ROWS),
                SyntheticBars.generate(163, ROWS).withGaps(9))) {
            double[][] in = inputs(bars);
            assertAgree("computeSeries vs the reference's on " + bars, batch(reference, in), batch(kernel, in),
                    tolerance);
        }
    }

    private double[][] reference(PanelFixture panel) {
        return panel.compute(reference);
    }

    // ---- running kernels

    /** The input columns for the descriptor's roles. */
    double[][] inputs(SyntheticBars bars) {
        double[][] in = new double[descriptor.inputs().size()][];
        for (int i = 0; i < in.length; i++) {
            in[i] = bars.column(descriptor.inputs().get(i));
        }
        return in;
    }

    int outputCount() {
        return kernel.outputs().size();
    }

    /** The batch form over whole arrays; fails if a row is left unwritten. */
    static double[][] batch(FeatureKernel kernel, double[][] in) {
        int rows = in.length == 0 ? 0 : in[0].length;
        double[][] out = sentinels(kernel.outputs().size(), rows);
        double[][] copy = new double[in.length][];
        for (int i = 0; i < in.length; i++) {
            copy[i] = in[i].clone();
        }
        kernel.computeSeries(inputs(copy), segments(out), 0, rows);
        assertWritten(kernel, out, "computeSeries");
        for (int i = 0; i < in.length; i++) {
            if (!Arrays.equals(copy[i], in[i])) {
                throw new AssertionError("computeSeries changed input " + i + " (" + kernel.inputs().get(i) + ")");
            }
        }
        return out;
    }

    static void assertWritten(FeatureKernel kernel, double[][] out, String how) {
        for (int o = 0; o < out.length; o++) {
            for (int r = 0; r < out[o].length; r++) {
                if (Double.doubleToRawLongBits(out[o][r]) == Double.doubleToRawLongBits(SENTINEL)) {
                    throw new AssertionError(how + " left output '" + kernel.outputs().get(o) + "' row " + r
                            + " unwritten");
                }
            }
        }
    }

    /** The incremental form, bar by bar, from a fresh state. */
    static double[][] incremental(FeatureKernel kernel, double[][] in) {
        IncrementalKernel state = kernel.incremental();
        double[][] out = run(kernel, state, in);
        int rows = in.length == 0 ? 0 : in[0].length;
        assertThat(state.count()).as("count() after %d bars", rows).isEqualTo(rows);
        return out;
    }

    private static double[][] run(FeatureKernel kernel, IncrementalKernel state, double[][] in) {
        int rows = in.length == 0 ? 0 : in[0].length;
        int outputs = kernel.outputs().size();
        double[] row = new double[in.length];
        double[] bar = new double[outputs];
        double[][] out = new double[outputs][rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < in.length; i++) {
                row[i] = in[i][r];
            }
            Arrays.fill(bar, SENTINEL);
            state.update(row, bar);
            for (int o = 0; o < outputs; o++) {
                out[o][r] = bar[o];
            }
        }
        assertWritten(kernel, out, "the incremental form");
        return out;
    }

    static double[][] sentinels(int outputs, int rows) {
        double[][] out = new double[outputs][rows];
        for (double[] o : out) {
            Arrays.fill(o, SENTINEL);
        }
        return out;
    }

    /**
     * Input segments as an engine hands them over: read-only views, so a kernel that writes to its inputs fails
     * here as it would on a shared table.
     */
    static MemorySegment[] inputs(double[][] columns) {
        MemorySegment[] segs = segments(columns);
        for (int i = 0; i < segs.length; i++) {
            segs[i] = segs[i].asReadOnly();
        }
        return segs;
    }

    static MemorySegment[] segments(double[][] columns) {
        MemorySegment[] segs = new MemorySegment[columns.length];
        for (int i = 0; i < columns.length; i++) {
            segs[i] = MemorySegment.ofArray(columns[i]);
        }
        return segs;
    }

    private static double[][] slice(double[][] columns, int from, int to) {
        double[][] s = new double[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            s[i] = Arrays.copyOfRange(columns[i], from, to);
        }
        return s;
    }

    private static double[][] filled(int columns, int rows, double value) {
        double[][] x = new double[columns][rows];
        for (double[] c : x) {
            Arrays.fill(c, value);
        }
        return x;
    }

    private static double[][] alternating(double[][] columns) {
        for (double[] c : columns) {
            for (int r = 1; r < c.length; r += 2) {
                c[r] = Double.NaN;
            }
        }
        return columns;
    }

    /** Fails naming the output, row and values where {@code actual} differs from {@code expected}. */
    void assertAgree(String what, double[][] expected, double[][] actual, double relative) {
        assertThat(actual.length).as(what + ": outputs").isEqualTo(expected.length);
        for (int o = 0; o < expected.length; o++) {
            assertThat(actual[o].length).as(what + ": rows of output " + o).isEqualTo(expected[o].length);
            for (int r = 0; r < expected[o].length; r++) {
                double e = expected[o][r];
                double a = actual[o][r];
                if (!agree(e, a, relative)) {
                    throw new AssertionError(what + ": output '" + kernel.outputs().get(o) + "' row " + r
                            + ": expected " + e + " but was " + a + (relative > 0 ? " (relative tolerance "
                            + relative + ", difference " + Math.abs(e - a) + ")" : " (bit for bit)"));
                }
            }
        }
    }

    static boolean agree(double e, double a, double relative) {
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.isNaN(e) && Double.isNaN(a);
        }
        if (Double.doubleToLongBits(e) == Double.doubleToLongBits(a)) {
            return true;
        }
        return relative > 0 && Math.abs(e - a) <= relative * Math.max(Math.abs(e), Math.abs(a));
    }

    private static void runConcurrently(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> f : futures) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError ae) {
                        throw ae;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
