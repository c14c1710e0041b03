package dev.quiver.features.crosssection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.features.FeatureEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link RadixOrder} on adversarial inputs against a stable comparison sort, and {@code xs_rank} built on it against
 * the rank definitions, through the feature plan: all ties, missing values, {@code -0.0} and {@code 0.0},
 * infinities, one symbol, dates without values, many dates of a few symbols (many blocks), and kernels of one
 * date sharing a gathered column and its sort.
 */
class RadixOrderTest {
    private static final double NaN = Double.NaN;
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    /** Named inputs, each one date's values (finite, {@code -0.0} included: the test normalizes as gather does). */
    private static List<double[]> adversarial() {
        SplittableRandom random = new SplittableRandom(7);
        List<double[]> cases = new ArrayList<>();
        for (int n : new int[] {0, 1, 2, 31, 32, 33, 64, 100, 4_000, 10_000}) {
            double[] equal = new double[n];
            Arrays.fill(equal, 3.25);
            cases.add(equal);
            double[] twoValues = new double[n];
            double[] ulps = new double[n];
            double[] clusters = new double[n];
            double[] extremes = new double[n];
            double[] gaussian = new double[n];
            double[] reversed = new double[n];
            double[] zeros = new double[n];
            double[] subnormal = new double[n];
            for (int i = 0; i < n; i++) {
                twoValues[i] = random.nextBoolean() ? -1 : 1;
                // neighbours one ulp apart: only the lowest bits differ
                ulps[i] = Math.scalb(1.0 + random.nextInt(Math.max(1, n / 3)) * Math.ulp(1.0), 0);
                // two far-apart clusters, each differing only in its lowest bits: the window sort cannot tell a
                // cluster apart, so its run is sorted again on the bits below
                clusters[i] = random.nextBoolean() ? 1e300 + random.nextInt(50) * Math.ulp(1e300)
                        : -(1.0 + random.nextInt(1_000) * Math.ulp(1.0));
                extremes[i] = switch (random.nextInt(6)) {
                    case 0 -> Double.MAX_VALUE;
                    case 1 -> -Double.MAX_VALUE;
                    case 2 -> Double.MIN_VALUE;
                    case 3 -> -Double.MIN_VALUE;
                    case 4 -> 0.0;
                    default -> random.nextGaussian() * 1e-300;
                };
                gaussian[i] = random.nextGaussian() * 100;
                reversed[i] = n - i;
                zeros[i] = random.nextBoolean() ? -0.0 : 0.0;
                subnormal[i] = random.nextInt(5) * Double.MIN_VALUE * (random.nextBoolean() ? 1 : -1);
            }
            cases.addAll(List.of(twoValues, ulps, clusters, extremes, gaussian, reversed, zeros, subnormal));
        }
        return cases;
    }

    @Test
    void sortsStablyAsAComparisonSortDoes() {
        for (double[] raw : adversarial()) {
            int n = raw.length;
            double[] v = new double[n];
            long[] keys = new long[n];
            int[] index = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = raw[i] + 0.0; // as gather stores -0.0
                keys[i] = RadixOrder.key(v[i]);
                index[i] = i;
            }
            RadixOrder.sort(keys, index, new long[n], new int[n], new int[2 * RadixOrder.BUCKETS], 0, n);
            Integer[] expected = new Integer[n];
            for (int i = 0; i < n; i++) {
                expected[i] = i;
            }
            Arrays.sort(expected, Comparator.comparingDouble(i -> v[i])); // stable: ties in index order
            for (int i = 0; i < n; i++) {
                assertThat(index[i]).as("position %d of %d values %s...", i, n, v.length > 0 ? v[0] : "")
                        .isEqualTo(expected[i]);
                assertThat(RadixOrder.value(keys[i])).isEqualTo(v[expected[i]]);
            }
        }
    }

    @Test
    void keysOrderEveryDoubleAsNumbersDo() {
        double[] ordered = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1, -Double.MIN_VALUE, 0.0,
            Double.MIN_VALUE, 1, Math.nextUp(1.0), Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        for (int i = 1; i < ordered.length; i++) {
            assertThat(Long.compareUnsigned(RadixOrder.key(ordered[i - 1]), RadixOrder.key(ordered[i])))
                    .as("%s < %s", ordered[i - 1], ordered[i]).isNegative();
        }
        for (double x : ordered) {
            assertThat(RadixOrder.value(RadixOrder.key(x))).isEqualTo(x);
        }
    }

    private static final String[] METHODS = {"average", "min", "max", "dense", "ordinal"};

    /** The rank of every row of one date by the definitions: missing (NaN, ±∞) rows get NaN. */
    private static double[] expectedRanks(double[] x, int from, int to, String method, boolean pct) {
        TreeSet<Double> distinct = new TreeSet<>();
        int m = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(x[i])) {
                distinct.add(x[i] + 0.0);
                m++;
            }
        }
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(x[i])) {
                out[i - from] = NaN;
                continue;
            }
            int less = 0;
            int equal = 0;
            int earlierEqual = 0;
            for (int j = from; j < to; j++) {
                if (Double.isFinite(x[j]) && x[j] < x[i]) {
                    less++;
                } else if (Double.isFinite(x[j]) && x[j] == x[i]) {
                    equal++;
                    earlierEqual += j < i ? 1 : 0;
                }
            }
            double rank = switch (method) {
                case "average" -> less + (equal + 1) / 2.0;
                case "min" -> less + 1;
                case "max" -> less + equal;
                case "dense" -> distinct.headSet(x[i] + 0.0).size() + 1;
                default -> less + earlierEqual + 1;
            };
            double top = (method.equals("dense") ? distinct.size() : m) - 1;
            out[i - from] = !pct ? rank : top == 0 ? 0.5 : (rank - 1) / top;
        }
        return out;
    }

    /** A panel of {@code symbols} × {@code dates}, symbol-major, {@code x[s * dates + d]}. */
    private static Table panel(int symbols, int dates, double[] x) {
        String[] sym = new String[symbols * dates];
        long[] time = new long[symbols * dates];
        for (int s = 0; s < symbols; s++) {
            for (int d = 0; d < dates; d++) {
                sym[s * dates + d] = String.format("s%05d", s);
                time[s * dates + d] = d;
            }
        }
        return TableBuilder.offHeap().string("symbol", sym).int64("time", time).float64("x", x).build();
    }

    /** Every tie method, with and without percentiles, on every date of the panel, against the definitions. */
    private static void ranksAsDefined(int symbols, int dates, double[] x) {
        try (Table t = panel(symbols, dates, x)) {
            Panel panel = Panel.of(t, "symbol", "time");
            double[] byDate = new double[symbols];
            for (String method : METHODS) {
                for (boolean pct : new boolean[] {false, true}) {
                    String spec = "xs_rank(x," + method + "," + pct + ")";
                    double[] got;
                    try (Table out = ENGINE.plan(spec).compute(panel)) {
                        got = out.float64(out.schema().names().get(0)).toArray();
                    }
                    for (int d = 0; d < dates; d++) {
                        for (int s = 0; s < symbols; s++) {
                            byDate[s] = x[s * dates + d];
                        }
                        double[] expected = expectedRanks(byDate, 0, symbols, method, pct);
                        for (int s = 0; s < symbols; s++) {
                            assertThat(got[s * dates + d]).as("%s, symbol %d, date %d of %d x %d", spec, s, d,
                                    symbols, dates).isEqualTo(Double.valueOf(expected[s]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void ranksAdversarialDatesAsDefined() {
        // per date: all tied; all missing (a date without values); zeros of both signs; infinities and NaN among
        // values; one value; ulp-close values; ties among many distinct values
        int symbols = 40;
        int dates = 7;
        double[] x = new double[symbols * dates];
        SplittableRandom random = new SplittableRandom(3);
        for (int s = 0; s < symbols; s++) {
            double[] row = {
                2.5,
                NaN,
                s % 2 == 0 ? -0.0 : 0.0,
                switch (s % 4) {
                    case 0 -> Double.POSITIVE_INFINITY;
                    case 1 -> Double.NEGATIVE_INFINITY;
                    case 2 -> NaN;
                    default -> s;
                },
                s == 17 ? 4.0 : NaN,
                1.0 + (s % 5) * Math.ulp(1.0),
                random.nextInt(4) - 1.5
            };
            System.arraycopy(row, 0, x, s * dates, dates);
        }
        ranksAsDefined(symbols, dates, x);
    }

    @Test
    void oneSymbolRanksOneOnEveryDate() {
        double[] x = {5, NaN, -0.0, Double.POSITIVE_INFINITY, 1e300};
        ranksAsDefined(1, x.length, x);
    }

    @Test
    void manyDatesOfAFewSymbolsSpanManyBlocks() {
        // 3 symbols x 70,000 dates: a block holds 21,845 dates, so block buffers are reused at the same offsets
        int symbols = 3;
        int dates = 70_000;
        double[] x = new double[symbols * dates];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(8) == 0 ? NaN : random.nextInt(3);
        }
        ranksAsDefined(symbols, dates, x);
    }

    @Test
    void kernelsOfADateSharingAColumnGiveWhatEachGivesAlone() {
        // rank, z-score, winsorize and neutralize of one column in one pass share its gathered values and its sort
        int symbols = 300;
        int dates = 250;
        double[] x = new double[symbols * dates];
        String[] sector = new String[symbols * dates];
        String[] sym = new String[symbols * dates];
        long[] time = new long[symbols * dates];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(30) == 0 ? NaN : Math.rint(random.nextGaussian() * 20) / 4;
            sector[i] = "g" + random.nextInt(6);
            sym[i] = String.format("s%04d", i / dates);
            time[i] = i % dates;
        }
        String[] specs = {"xs_rank(x)", "xs_zscore(x)", "xs_neutralize(x,sector)", "xs_rank(x,dense,true)",
            "xs_winsorize(x)", "xs_rank(x,ordinal)", "xs_demean(x)", "xs_clip(x,0.1,0.9)"};
        try (Table t = TableBuilder.offHeap().string("symbol", sym).int64("time", time).float64("x", x)
                .string("sector", sector).build()) {
            Panel panel = Panel.of(t, "symbol", "time");
            try (Table together = ENGINE.plan(specs).compute(panel)) {
                for (String spec : specs) {
                    try (Table alone = ENGINE.plan(spec).compute(panel)) {
                        String name = alone.schema().names().get(0);
                        assertThat(Arrays.equals(together.float64(name).toArray(), alone.float64(name).toArray()))
                                .as(spec).isTrue();
                    }
                }
            }
        }
    }
}
