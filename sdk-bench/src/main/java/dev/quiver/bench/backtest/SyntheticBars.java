package dev.quiver.bench.backtest;

import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.bench.SyntheticPrices;
import java.time.Duration;
import java.time.Instant;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.NumFactory;

/**
 * Daily bars of one symbol for the backtest benchmarks: closes from {@link SyntheticPrices} (seed 42), each open the
 * previous close, high and low 0.5 % beyond them, volume 1,000,000; dates from 2000-01-01, one a day.
 *
 * <p>Thread-safety: immutable.
 */
public final class SyntheticBars {
    static final long DAY = 86_400_000L;
    static final long START = 946_684_800_000L; // 2000-01-01

    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    final long[] time;

    /** {@code bars} bars. */
    public SyntheticBars(int bars) {
        this(0, bars);
    }

    /** {@code bars} bars of the {@code symbol}-th series (its own random walk). */
    public SyntheticBars(int symbol, int bars) {
        close = SyntheticPrices.walk(SyntheticPrices.SEED, symbol, bars);
        open = new double[bars];
        high = new double[bars];
        low = new double[bars];
        volume = new double[bars];
        time = new long[bars];
        for (int i = 0; i < bars; i++) {
            open[i] = i == 0 ? close[0] : close[i - 1];
            high[i] = Math.max(open[i], close[i]) * 1.005;
            low[i] = Math.min(open[i], close[i]) * 0.995;
            volume[i] = 1_000_000;
            time[i] = START + i * DAY;
        }
    }

    /** A heap table of the bars (columns time, open, high, low, close, volume). */
    public Table table() {
        return TableBuilder.onHeap().int64("time", time).float64("open", open).float64("high", high)
                .float64("low", low).float64("close", close).float64("volume", volume).build();
    }

    /**
     * A heap panel of {@code symbols} series of {@code bars} bars each (symbols {@code S00000}, {@code S00001}, ...,
     * series {@code s} the bars of {@code new SyntheticBars(s, bars)}), all on the same dates.
     */
    public static Panel panel(int symbols, int bars) {
        int n = symbols * bars;
        String[] symbol = new String[n];
        long[] time = new long[n];
        double[][] columns = new double[5][n];
        for (int s = 0; s < symbols; s++) {
            SyntheticBars series = new SyntheticBars(s, bars);
            double[][] from = {series.open, series.high, series.low, series.close, series.volume};
            for (int c = 0; c < from.length; c++) {
                System.arraycopy(from[c], 0, columns[c], s * bars, bars);
            }
            System.arraycopy(series.time, 0, time, s * bars, bars);
            java.util.Arrays.fill(symbol, s * bars, (s + 1) * bars, String.format("S%05d", s));
        }
        Table table = TableBuilder.onHeap().string("symbol", symbol).int64("time", time).float64("open", columns[0])
                .float64("high", columns[1]).float64("low", columns[2]).float64("close", columns[3])
                .float64("volume", columns[4]).build();
        return Panel.of(table, "symbol", "time");
    }

    /** A one-symbol panel of the bars. */
    public Panel panel() {
        return Panel.ofSeries(table(), "SYN", "time");
    }

    /** The bars as a ta4j series with these numbers. */
    public BarSeries ta4j(NumFactory nums) {
        BarSeries series = new BaseBarSeriesBuilder().withName("SYN").withNumFactory(nums).build();
        for (int i = 0; i < close.length; i++) {
            series.barBuilder().timePeriod(Duration.ofDays(1)).endTime(Instant.ofEpochMilli(time[i] + DAY))
                    .openPrice(open[i]).highPrice(high[i]).lowPrice(low[i]).closePrice(close[i]).volume(volume[i])
                    .add();
        }
        return series;
    }
}
