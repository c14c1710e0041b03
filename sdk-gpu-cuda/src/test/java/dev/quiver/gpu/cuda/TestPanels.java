package dev.quiver.gpu.cuda;

import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated long-format panels for the CUDA tests: random-walk bars (high, low, close) and a sector code per symbol,
 * with the edge cases the kernels must treat as the CPU does when asked: missing values, prices on a coarse grid (so
 * that cross sections have ties), symbols that start late (unbalanced dates), a date on which every close is
 * missing, and series shorter than the windows.
 *
 * <p>Thread-safety: stateless.
 */
public final class TestPanels {
    /** Feature specs that between them use every operator the CUDA executor has a kernel for, and every option. */
    public static final List<String> EVERY_KERNEL = List.of("sma(20)", "ema(10)", "stddev(20)", "var(5,1)",
            "min(10)", "max(10)", "rsi(14)", "atr(14)", "natr(14)", "trange", "macd(12,26,9)",
            "xs_rank(close)", "xs_rank(close,ties=min)", "xs_rank(close,ties=max)", "xs_rank(close,ties=dense)",
            "xs_rank(close,ties=ordinal)", "xs_rank(close,pct=true)", "xs_rank(close,ties=dense,pct=true)",
            "xs_rank(rsi(14),ties=ordinal,pct=true)", "xs_zscore(rsi(14))", "xs_zscore(close,ddof=1)",
            "xs_demean(close)", "xs_mean(close)", "xs_std(close)", "xs_count(close)", "xs_winsorize(close)",
            "xs_clip(close,lower_q=0.1,upper_q=0.9)", "xs_neutralize(close,sector)",
            "xs_neutralize(sma(5),sector)");

    private TestPanels() {
    }

    /**
     * A panel table of {@code symbols} × up to {@code days} bars.
     *
     * @param edgeCases whether to add missing values, ties, late starts, short series and an all-missing date
     */
    public static Table bars(int symbols, int days, long seed, boolean edgeCases) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] first = new int[symbols];
        int[] length = new int[symbols];
        int rows = 0;
        for (int s = 0; s < symbols; s++) {
            first[s] = edgeCases && s % 7 == 3 ? random.nextInt(days / 2 + 1) : 0;
            length[s] = edgeCases && s % 11 == 5 ? Math.min(days - first[s], 1 + random.nextInt(12))
                    : days - first[s];
            rows += length[s];
        }
        String[] symbol = new String[rows];
        long[] time = new long[rows];
        double[] high = new double[rows];
        double[] low = new double[rows];
        double[] close = new double[rows];
        double[] sector = new double[rows];
        int allMissingDay = days / 3;
        int r = 0;
        for (int s = 0; s < symbols; s++) {
            double price = 20 + 80 * random.nextDouble();
            double code = s % 5 == 4 && edgeCases ? Double.NaN : s % 9;
            for (int i = 0; i < length[s]; i++, r++) {
                int day = first[s] + i;
                price *= Math.exp(0.02 * (random.nextDouble() - 0.5));
                double c = edgeCases && s % 3 == 0 ? Math.round(price * 4) / 4.0 : price; // ties on a 0.25 grid
                double range = price * 0.01 * random.nextDouble();
                symbol[r] = String.format("S%05d", s);
                time[r] = 86_400_000L * (18_000 + day);
                close[r] = c;
                high[r] = c + range;
                low[r] = c - range;
                sector[r] = code;
                if (edgeCases && (random.nextInt(50) == 0 || day == allMissingDay)) {
                    close[r] = random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
                }
                if (edgeCases && random.nextInt(80) == 0) {
                    high[r] = Double.NaN;
                }
            }
        }
        return TableBuilder.offHeap().string("symbol", symbol).int64("time", time).float64("high", high)
                .float64("low", low).float64("close", close).float64("sector", sector).build();
    }

    /** The panel over a {@link #bars} table. */
    public static Panel panel(Table table) {
        return Panel.of(table, "symbol", "time");
    }

    /** Each column's values as raw bits, so that NaN equals NaN and every bit counts. */
    public static long[][] bits(Table t) {
        long[][] v = new long[t.columnCount()][];
        for (int c = 0; c < v.length; c++) {
            double[] column = t.float64(t.column(c).name()).toArray();
            v[c] = new long[column.length];
            for (int i = 0; i < column.length; i++) {
                v[c][i] = Double.isNaN(column[i]) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(column[i]);
            }
        }
        return v;
    }
}
