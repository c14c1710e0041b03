package dev.quiver.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.knowm.xchart.XYChart;

/**
 * A time axis whose ticks fall on calendar boundaries: times are plotted as decimal years (2004.5 is the start of
 * July 2004), so the chart's round tick values are year starts (or halves, quarters of them), labelled
 * {@code 2004} at a year's start and {@code 2004-07} elsewhere; a span shorter than a year gets month labels.
 * A plain {@code Date} axis places its ticks at arbitrary instants and repeats labels such as {@code 2004-06}.
 *
 * <p>Thread-safety: stateless; safe from any thread (a chart itself is not).
 */
public final class TimeAxis {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private TimeAxis() {
    }

    /** Milliseconds since the epoch (UTC) as a decimal year: the year plus the elapsed share of it. */
    public static double year(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
        int y = t.getYear();
        long start = LocalDate.of(y, 1, 1).toEpochDay() * MILLIS_PER_DAY;
        long next = LocalDate.of(y + 1, 1, 1).toEpochDay() * MILLIS_PER_DAY;
        return y + (double) (millis - start) / (next - start);
    }

    /** {@link #year} of each time. */
    public static double[] years(long[] millis) {
        double[] out = new double[millis.length];
        for (int i = 0; i < millis.length; i++) {
            out[i] = year(millis[i]);
        }
        return out;
    }

    /** The label of a decimal year: {@code yyyy} at a year's start, else {@code yyyy-MM} of the month it falls in. */
    public static String label(double year) {
        long whole = Math.round(year);
        if (Math.abs(year - whole) < 1e-6) {
            return Long.toString(whole);
        }
        int y = (int) Math.floor(year);
        long start = LocalDate.of(y, 1, 1).toEpochDay();
        long days = LocalDate.of(y + 1, 1, 1).toEpochDay() - start;
        LocalDate d = LocalDate.ofEpochDay(start + (long) Math.floor((year - y) * days + 1e-6));
        return String.format(java.util.Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
    }

    /** Labels the chart's x axis as {@link #label} does; its series' x values must be {@link #years}. */
    public static XYChart apply(XYChart chart) {
        chart.getStyler().setXAxisTickLabelsFormattingFunction(TimeAxis::label);
        chart.getStyler().setXAxisDecimalPattern("0.####");
        return chart;
    }
}
