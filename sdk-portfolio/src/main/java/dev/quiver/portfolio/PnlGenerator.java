package dev.quiver.portfolio;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates realistic daily P&amp;L matrices of intraday strategies, for demos, tests and benchmarks
 * ({@code quiver generate strategies}). The model, per strategy {@code s} on day {@code d}:
 * <pre>
 *   pnl[s][d] = active[s][d] × scale[s] × (edge[s] + β[s] × f[c(s)][d] + √(1 − β[s]²) × ε[s][d])
 * </pre>
 * <ul>
 *   <li><b>Names</b> in the form {@code SENSEX 1426-1456 SL73%TP32%}: an index (NIFTY, BANKNIFTY, SENSEX, FINNIFTY,
 *       MIDCPNIFTY), a trading window of 15 to 60 minutes between 09:15 and 15:30, a stop loss and a take profit in
 *       percent; distinct, drawn without replacement.
 *   <li><b>Clustered correlation from shared factors</b>: {@code f[c][d]} is the factor of the strategy's cluster,
 *       its index and the hour its window starts in, itself half the index's own factor; loadings {@code β} are
 *       uniform in [0.3, 0.9] with a random sign (a short strategy loads negatively), so strategies of one index and
 *       hour correlate strongly and others weakly.
 *   <li><b>Fat tails</b>: factors and the idiosyncratic noise {@code ε} are Student-t with 3 degrees of freedom,
 *       scaled to unit variance.
 *   <li><b>Zero days</b>: {@code active} is 0 on days the strategy does not trade (each strategy trades on 40–95 % of
 *       the days), so its P&amp;L is exactly 0.
 *   <li><b>A minority of winners</b>: about 20 % of the strategies have an edge of +0.02 to +0.12 (in units of their
 *       daily volatility), the others −0.12 to +0.02 (costs eat them).
 *   <li><b>Scale</b>: a daily volatility between 200 and 5,000 (log-uniform), values rounded to 2 decimals like
 *       currency (or as asked).
 * </ul>
 * Days are business days (Monday to Friday) from {@code start}. The same arguments give the same matrix.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class PnlGenerator {
    private static final String[] INDICES = {"NIFTY", "BANKNIFTY", "SENSEX", "FINNIFTY", "MIDCPNIFTY"};
    /** Window starts every minute from 09:15 to 15:15; lengths 15 to 60 minutes, within the session. */
    private static final int FIRST_START = 9 * 60 + 15;
    private static final int LAST_END = 15 * 60 + 30;
    private static final int STARTS = LAST_END - 15 - FIRST_START + 1;
    private static final int LENGTHS = 46;
    private static final int STOPS = 90;
    private static final int TARGETS = 90;

    private PnlGenerator() {
    }

    /**
     * A matrix of {@code strategies × days}.
     *
     * @param start the first day (moved to the next Monday if it falls on a weekend)
     * @throws IllegalArgumentException if a count is not positive or too large
     */
    public static PnlMatrix generate(int strategies, int days, long seed, LocalDate start) {
        return generate(strategies, days, seed, start, 2);
    }

    /**
     * A matrix of {@code strategies × days} with values rounded to {@code decimals} places, or not rounded at all
     * when {@code decimals} is negative (full doubles: a CSV of them is more than twice as large, 29 MB at
     * 25,544 × 82, nearer the 39.2 MB file of the workload behind this module).
     */
    public static PnlMatrix generate(int strategies, int days, long seed, LocalDate start, int decimals) {
        if (strategies < 1 || days < 1) {
            throw new IllegalArgumentException("strategies and days must be positive, not " + strategies + " and "
                    + days);
        }
        long combinations = (long) INDICES.length * STARTS * LENGTHS * STOPS * TARGETS;
        if (strategies > combinations / 4) {
            throw new IllegalArgumentException("at most " + combinations / 4 + " distinct strategies, not "
                    + strategies);
        }
        if ((long) strategies * days > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(strategies + " × " + days + " values do not fit one array");
        }
        Objects.requireNonNull(start, "start");
        if (decimals > 8) {
            throw new IllegalArgumentException("at most 8 decimals, not " + decimals);
        }
        double scaleOf10 = Math.pow(10, Math.max(0, decimals));
        SplittableRandom random = new SplittableRandom(seed);
        long[] dates = businessDays(start, days);

        // factors: one per index, and one per (index, start hour) cluster made half of its index's
        int hours = 7;
        double[][] indexFactor = new double[INDICES.length][days];
        for (double[] f : indexFactor) {
            for (int d = 0; d < days; d++) {
                f[d] = studentT(random);
            }
        }
        double[][] cluster = new double[INDICES.length * hours][days];
        for (int c = 0; c < cluster.length; c++) {
            for (int d = 0; d < days; d++) {
                cluster[c][d] = Math.sqrt(0.5) * indexFactor[c / hours][d] + Math.sqrt(0.5) * studentT(random);
            }
        }

        List<String> names = new ArrayList<>(strategies);
        Set<String> used = new HashSet<>();
        double[] values = new double[strategies * days];
        for (int s = 0; s < strategies; s++) {
            String name;
            int index;
            int from;
            do {
                long code = random.nextLong(combinations);
                int target = (int) (code % TARGETS);
                long rest = code / TARGETS;
                int stop = (int) (rest % STOPS);
                rest /= STOPS;
                int length = (int) (rest % LENGTHS) + 15;
                rest /= LENGTHS;
                from = (int) (rest % STARTS) + FIRST_START;
                index = (int) (rest / STARTS);
                int to = Math.min(LAST_END, from + length);
                name = String.format(Locale.ROOT, "%s %02d%02d-%02d%02d SL%d%%TP%d%%", INDICES[index], from / 60,
                        from % 60, to / 60, to % 60, stop + 10, target + 10);
            } while (!used.add(name)); // windows cut at the close can repeat a name
            names.add(name);
            double[] factor = cluster[index * hours + Math.min(hours - 1, (from - FIRST_START) / 60)];

            double beta = (0.3 + 0.6 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            double idio = Math.sqrt(1 - beta * beta);
            boolean winner = random.nextDouble() < 0.2;
            double edge = winner ? 0.02 + 0.1 * random.nextDouble() : -0.12 + 0.14 * random.nextDouble();
            double scale = 200 * Math.exp(random.nextDouble() * Math.log(5000.0 / 200));
            double activity = 0.4 + 0.55 * random.nextDouble();
            int base = s * days;
            for (int d = 0; d < days; d++) {
                double noise = studentT(random);
                if (random.nextDouble() < activity) {
                    double v = scale * (edge + beta * factor[d] + idio * noise);
                    values[base + d] = decimals < 0 ? v : Math.round(v * scaleOf10) / scaleOf10;
                }
            }
        }
        return PnlMatrix.of(names, dates, values);
    }

    /** Student-t with 3 degrees of freedom, scaled to variance 1 (its variance is 3). */
    private static double studentT(SplittableRandom random) {
        double z = random.nextGaussian();
        double chi2 = 0;
        for (int i = 0; i < 3; i++) {
            double g = random.nextGaussian();
            chi2 += g * g;
        }
        return z / Math.sqrt(chi2 / 3) / Math.sqrt(3);
    }

    private static long[] businessDays(LocalDate start, int days) {
        long[] out = new long[days];
        LocalDate d = start;
        for (int i = 0; i < days; i++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            out[i] = d.toEpochDay();
            d = d.plusDays(1);
        }
        return out;
    }
}
