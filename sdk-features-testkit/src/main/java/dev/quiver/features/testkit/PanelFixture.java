package dev.quiver.features.testkit;

import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A panel of synthetic series for the checks: on-heap symbol and time columns, and the kernel's input columns as
 * arrays, each series ending on the same date (symbols listed later start later).
 *
 * <p>Thread-safety: immutable after construction; {@link #compute} may run concurrently.
 */
final class PanelFixture {
    private static final long DAY = 86_400_000L;

    private final Checks checks;
    private final Panel panel;
    private final double[][] columns;

    private PanelFixture(Checks checks, Panel panel, double[][] columns) {
        this.checks = checks;
        this.panel = panel;
        this.columns = columns;
    }

    /**
     * 21 series (not a multiple of any vector lane count) of uneven lengths, from 1 row to about 2,000, every other
     * one with gaps.
     */
    static PanelFixture uneven(Checks checks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] lengths = {1_260, 900, 5, 1, 37, 2_003, 130, 64, 63, 8, 9, 7, 300, 2, 0, 0, 0, 0, 0, 0, 0};
        List<SyntheticBars> series = new ArrayList<>();
        for (int s = 0; s < lengths.length; s++) {
            int length = lengths[s] > 0 ? lengths[s] : 1 + random.nextInt(400);
            SyntheticBars bars = SyntheticBars.generate(seed * 1_000 + s, length);
            series.add(s % 2 == 1 ? bars.withGaps(seed + s) : bars);
        }
        return of(checks, series);
    }

    /** Five series of 30 rows whose every input value is {@code value}. */
    static PanelFixture filled(Checks checks, long seed, double value) {
        PanelFixture p = of(checks, List.of(SyntheticBars.generate(seed, 30), SyntheticBars.generate(seed + 1, 30),
                SyntheticBars.generate(seed + 2, 30), SyntheticBars.generate(seed + 3, 30),
                SyntheticBars.generate(seed + 4, 30)));
        for (double[] c : p.columns) {
            Arrays.fill(c, value);
        }
        return p;
    }

    /** A panel of these series, symbols {@code s000, s001, ...} in order. */
    static PanelFixture of(Checks checks, List<SyntheticBars> series) {
        int rows = 0;
        int longest = 0;
        for (SyntheticBars b : series) {
            rows += b.rows();
            longest = Math.max(longest, b.rows());
        }
        int inputs = checks.inputs(SyntheticBars.generate(0, 0)).length;
        String[] symbols = new String[rows];
        long[] times = new long[rows];
        double[][] columns = new double[inputs][rows];
        int r = 0;
        for (int s = 0; s < series.size(); s++) {
            SyntheticBars bars = series.get(s);
            double[][] in = checks.inputs(bars);
            int offset = longest - bars.rows();
            for (int i = 0; i < bars.rows(); i++) {
                symbols[r + i] = String.format("s%03d", s);
                times[r + i] = DAY * (16_000 + offset + i);
            }
            for (int c = 0; c < inputs; c++) {
                System.arraycopy(in[c], 0, columns[c], r, bars.rows());
            }
            r += bars.rows();
        }
        Table table = TableBuilder.onHeap().string("symbol", symbols).int64("time", times).build();
        return new PanelFixture(checks, Panel.of(table, "symbol", "time"), columns);
    }

    Panel panel() {
        return panel;
    }

    int rows() {
        return panel.rowCount();
    }

    int symbols() {
        return panel.symbolCount();
    }

    int length(int s) {
        return panel.seriesEnd(s) - panel.seriesStart(s);
    }

    /** The input columns (the caller must not change them). */
    double[][] columns() {
        return columns;
    }

    /** Symbol {@code s}'s rows of the input columns. */
    double[][] series(int s) {
        return rowsOf(s, columns);
    }

    /** Symbol {@code s}'s rows of panel-long columns. */
    double[][] rowsOf(int s, double[][] whole) {
        double[][] part = new double[whole.length][];
        for (int c = 0; c < whole.length; c++) {
            part[c] = Arrays.copyOfRange(whole[c], panel.seriesStart(s), panel.seriesEnd(s));
        }
        return part;
    }

    /** The kernel's {@code compute(panel)} over a copy of the inputs; fails if a row is left unwritten. */
    double[][] compute(FeatureKernel kernel) {
        double[][] in = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            in[c] = columns[c].clone();
        }
        double[][] out = Checks.sentinels(kernel.outputs().size(), rows());
        kernel.compute(panel, Checks.segments(in), Checks.segments(out));
        Checks.assertWritten(kernel, out, "compute(panel)");
        return out;
    }

    /**
     * The kernel's {@code computeSymbols} over consecutive groups of symbols, {@code [bounds[g], bounds[g + 1])},
     * over a copy of the inputs; fails if a row is left unwritten.
     */
    double[][] computeInGroups(FeatureKernel kernel, int... bounds) {
        double[][] in = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            in[c] = columns[c].clone();
        }
        double[][] out = Checks.sentinels(kernel.outputs().size(), rows());
        for (int g = 0; g + 1 < bounds.length; g++) {
            kernel.computeSymbols(panel, bounds[g], bounds[g + 1], Checks.segments(in), Checks.segments(out));
        }
        Checks.assertWritten(kernel, out, "computeSymbols");
        return out;
    }

    @Override
    public String toString() {
        return "PanelFixture[" + panel + "]";
    }
}
