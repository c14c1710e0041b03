package dev.quiver.features.crosssection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.Panel;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import dev.quiver.api.table.Timestamps;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.FeaturePlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cross-sectional operators against R's outputs in {@code oracle/xs_*.csv} (see the README there): every rank
 * variant, the mean, population and sample sd, both z-scores and the count, for {@code Close} and the one-period
 * return {@code Ret1}, on a balanced panel with ties (EuStockMarkets) and an unbalanced one (five stocks, GOOG
 * listed later).
 */
class CrossSectionReferenceTest {
    private static final FeatureEngine ENGINE = FeatureEngine.create();
    private static final double TOLERANCE = 1e-12;

    /** Our spec for each oracle column suffix. */
    private static final Map<String, String> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("_n", "xs_count(%s)");
        SPECS.put("_rank_avg", "xs_rank(%s)");
        SPECS.put("_rank_min", "xs_rank(%s, ties=min)");
        SPECS.put("_rank_max", "xs_rank(%s, max)");
        SPECS.put("_rank_first", "xs_rank(%s, ties=ordinal)");
        SPECS.put("_rank_dense", "xs_rank(%s, ties = dense)");
        SPECS.put("_xs_mean", "xs_mean(%s)");
        SPECS.put("_xs_sd_pop", "xs_std(%s)");
        SPECS.put("_xs_sd_sample", "xs_std(%s, ddof=1)");
        SPECS.put("_z_pop", "xs_zscore(%s)");
        SPECS.put("_z_sample", "xs_zscore(%s,1)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xs_eustockmarkets.csv", "xs_vega_stocks_monthly.csv"})
    void everyStatisticMatchesR(String file) {
        Oracle oracle = Oracle.read("/oracle/" + file);
        List<String> specs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String input : List.of("Close", "Ret1")) {
            for (Map.Entry<String, String> e : SPECS.entrySet()) {
                specs.add(String.format(e.getValue(), input));
                expected.add(input + e.getKey());
            }
            specs.add("xs_rank(" + input + ",pct=true)");
            specs.add("xs_demean(" + input + ")");
        }
        FeaturePlan plan = ENGINE.plan(specs);
        try (Table input = oracle.panelTable(); Table out = plan.compute(Panel.of(input, "symbol", "time"))) {
            int[] order = oracle.panelOrder;
            int checked = 0;
            for (int k = 0; k < expected.size(); k++) {
                String column = plan.columns().get(specIndex(k));
                double[] ours = out.float64(column).toArray();
                double[] theirs = oracle.columns.get(expected.get(k));
                for (int r = 0; r < ours.length; r++) {
                    double want = theirs[order[r]];
                    String where = expected.get(k) + " on " + oracle.dates[order[r]] + " " + oracle.symbols[order[r]];
                    if (Double.isNaN(want)) {
                        assertThat(ours[r]).as(where).isNaN();
                    } else {
                        assertThat(ours[r]).as(where).isCloseTo(want,
                                org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1, Math.abs(want))));
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThan(expected.size() * oracle.dates.length / 2);
            for (String series : List.of("Close", "Ret1")) {
                double[] pct = out.float64("xs_rank(" + series.toLowerCase() + ",pct=true)").toArray();
                double[] demean = out.float64("xs_demean(" + series.toLowerCase() + ")").toArray();
                double[] avg = oracle.columns.get(series + "_rank_avg");
                double[] n = oracle.columns.get(series + "_n");
                double[] mean = oracle.columns.get(series + "_xs_mean");
                double[] x = oracle.columns.get(series);
                for (int r = 0; r < pct.length; r++) {
                    int o = order[r];
                    if (Double.isNaN(avg[o])) {
                        assertThat(pct[r]).isNaN();
                        assertThat(demean[r]).isNaN();
                    } else {
                        assertThat(pct[r]).isCloseTo(n[o] == 1 ? 0.5 : (avg[o] - 1) / (n[o] - 1),
                                org.assertj.core.data.Offset.offset(1e-15));
                        assertThat(demean[r]).isCloseTo(x[o] - mean[o], org.assertj.core.data.Offset.offset(
                                TOLERANCE * Math.max(1, Math.abs(x[o]))));
                    }
                }
            }
        }
    }

    private static int specIndex(int k) {
        // specs hold, per input, the SPECS entries in order then two extra specs
        int perInput = SPECS.size() + 2;
        return (k / SPECS.size()) * perInput + k % SPECS.size();
    }

    /** The oracle file: its columns by name, and the order that sorts its rows by (symbol, date). */
    private record Oracle(String[] dates, String[] symbols, Map<String, double[]> columns, int[] panelOrder) {
        static Oracle read(String resource) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    CrossSectionReferenceTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
                String[] header = in.readLine().split(",", -1);
                List<String[]> rows = new ArrayList<>();
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        rows.add(line.split(",", -1));
                    }
                }
                int n = rows.size();
                String[] dates = new String[n];
                String[] symbols = new String[n];
                Map<String, double[]> columns = new LinkedHashMap<>();
                for (int c = 2; c < header.length; c++) {
                    columns.put(header[c], new double[n]);
                }
                for (int r = 0; r < n; r++) {
                    String[] f = rows.get(r);
                    dates[r] = f[0];
                    symbols[r] = f[1];
                    for (int c = 2; c < header.length; c++) {
                        columns.get(header[c])[r] = f[c].isEmpty() ? Double.NaN : Double.parseDouble(f[c]);
                    }
                }
                Integer[] order = new Integer[n];
                Arrays.setAll(order, i -> i);
                Arrays.sort(order, Comparator.<Integer, String>comparing(i -> symbols[i]).thenComparing(i -> dates[i]));
                return new Oracle(dates, symbols, columns, Arrays.stream(order).mapToInt(Integer::intValue).toArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Symbol, time, Close and Ret1, sorted by (symbol, time). */
        Table panelTable() {
            int n = panelOrder.length;
            String[] sym = new String[n];
            long[] time = new long[n];
            double[] close = new double[n];
            double[] ret = new double[n];
            for (int r = 0; r < n; r++) {
                int o = panelOrder[r];
                sym[r] = symbols[o];
                time[r] = Timestamps.parse(dates[o]);
                close[r] = columns.get("Close")[o];
                ret[r] = columns.get("Ret1")[o];
            }
            return TableBuilder.offHeap().string("symbol", sym).int64("time", time).float64("Close", close)
                    .float64("Ret1", ret).build();
        }
    }
}
