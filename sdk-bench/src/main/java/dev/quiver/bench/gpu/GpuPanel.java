package dev.quiver.bench.gpu;

import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.bench.SyntheticPrices;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

/**
 * The GPU benchmarks' panel: {@code symbols} × {@code rows} synthetic closes ({@link SyntheticPrices}, seed 42),
 * high and low around them, a sector code per symbol, and {@code extra} feature columns {@code f0, f1, ...} of
 * random values.
 *
 * <p>Thread-safety: stateless.
 */
final class GpuPanel {
    private GpuPanel() {
    }

    static Table build(int symbols, int rows, int extra) {
        double[][] closes = SyntheticPrices.walks(SyntheticPrices.SEED, symbols, rows);
        SplittableRandom random = new SplittableRandom(7);
        int n = symbols * rows;
        String[] sym = new String[n];
        long[] time = new long[n];
        try (TableBuilder b = TableBuilder.offHeap()) {
            MemorySegment close = b.allocateFloat64("close", n);
            MemorySegment high = b.allocateFloat64("high", n);
            MemorySegment low = b.allocateFloat64("low", n);
            MemorySegment sector = b.allocateFloat64("sector", n);
            MemorySegment[] f = new MemorySegment[extra];
            for (int c = 0; c < extra; c++) {
                f[c] = b.allocateFloat64("f" + c, n);
            }
            for (int s = 0; s < symbols; s++) {
                String name = String.format("S%05d", s);
                for (int r = 0; r < rows; r++) {
                    int row = s * rows + r;
                    double c = closes[s][r];
                    double range = c * 0.01 * random.nextDouble();
                    sym[row] = name;
                    time[row] = 86_400_000L * (10_000 + r);
                    close.setAtIndex(ValueLayout.JAVA_DOUBLE, row, c);
                    high.setAtIndex(ValueLayout.JAVA_DOUBLE, row, c + range);
                    low.setAtIndex(ValueLayout.JAVA_DOUBLE, row, c - range);
                    sector.setAtIndex(ValueLayout.JAVA_DOUBLE, row, s % 11);
                    for (int k = 0; k < extra; k++) {
                        f[k].setAtIndex(ValueLayout.JAVA_DOUBLE, row, random.nextGaussian());
                    }
                }
            }
            return b.string("symbol", sym).int64("time", time).build();
        }
    }

    static Panel panel(Table table) {
        Panel p = Panel.of(table, "symbol", "time");
        p.dateCount(); // the date index is built once per panel, not per run
        return p;
    }
}
