package dev.quiver.features.volume;

import static dev.quiver.features.kernel.ReferenceAssertions.assertTaLib;
import static dev.quiver.features.kernel.ReferenceAssertions.assertTtr;
import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.quiver.api.feature.FeatureKernel;
import dev.quiver.features.FeatureEngine;
import dev.quiver.features.TestSeries;
import dev.quiver.features.kernel.MultiColumnSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The volume indicators against TA-Lib's Java port ({@code com.tictactec:ta-lib} 0.4.0: OBV, AD and ADOSC, bit for
 * bit) and R TTR 0.24.3 ({@code oracle/ttr_aapl_2013_2018.csv}: OBV, chaikinAD, CMF, VWAP, within 1e-9), on AAPL's
 * bars and on generated ones.
 */
class VolumeReferenceTest {
    private static final FeatureEngine ENGINE = FeatureEngine.create();

    static Stream<Arguments> bars() {
        List<Arguments> sets = new ArrayList<>();
        sets.add(Arguments.of("AAPL", MultiColumnSeries.aapl()));
        for (long seed = 1; seed <= 3; seed++) {
            sets.add(Arguments.of("generated " + seed, MultiColumnSeries.complete(seed, 5_000)));
        }
        return sets.stream();
    }

    private static double[] ours(String spec, Map<String, double[]> bars) {
        FeatureKernel k = ENGINE.kernel(spec);
        return MultiColumnSeries.batch(k, MultiColumnSeries.inputs(k, bars))[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bars")
    void obvEqualsTaLib(String name, Map<String, double[]> bars) {
        double[] c = bars.get("close");
        double[] out = new double[c.length];
        MInteger b = new MInteger();
        MInteger n = new MInteger();
        RetCode rc = new Core().obv(0, c.length - 1, c, bars.get("volume"), b, n, out);
        assertTaLib("obv " + name, ours("obv", bars), 0, rc, b, n, out, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bars")
    void adEqualsTaLib(String name, Map<String, double[]> bars) {
        double[] c = bars.get("close");
        double[] out = new double[c.length];
        MInteger b = new MInteger();
        MInteger n = new MInteger();
        RetCode rc = new Core().ad(0, c.length - 1, bars.get("high"), bars.get("low"), c, bars.get("volume"), b, n,
                out);
        assertTaLib("ad " + name, ours("ad", bars), 0, rc, b, n, out, 0);
    }

    @ParameterizedTest(name = "adosc({0},{1})")
    @CsvSource({"3,10", "2,5", "10,3", "5,20", "2,2", "12,26"})
    void adoscEqualsTaLib(int fast, int slow) {
        bars().forEach(a -> {
            String name = (String) a.get()[0];
            @SuppressWarnings("unchecked")
            Map<String, double[]> bars = (Map<String, double[]>) a.get()[1];
            double[] c = bars.get("close");
            double[] out = new double[c.length];
            MInteger b = new MInteger();
            MInteger n = new MInteger();
            RetCode rc = new Core().adOsc(0, c.length - 1, bars.get("high"), bars.get("low"), c, bars.get("volume"),
                    fast, slow, b, n, out);
            String spec = "adosc(" + fast + "," + slow + ")";
            assertTaLib(spec + " " + name, ours(spec, bars), Math.max(fast, slow) - 1, rc, b, n, out, 0);
        });
    }

    @ParameterizedTest(name = "{0} vs TTR {1}")
    @CsvSource({
        // running totals: compared relative to a floor of 1 share, i.e. essentially exactly
        "obv, obv, 1",
        // a running total whose terms are ~1e7: rounding of the CSV's 15 digits and of the sums is relative to them
        "ad, chaikin_ad, 1e7",
        "cmf(20), cmf20, 1e-3",
        "vwap(10), vwap10, 1"})
    void matchesTtr(String spec, String column, double floor) {
        FeatureKernel k = ENGINE.kernel(spec);
        double[] out = MultiColumnSeries.batch(k, MultiColumnSeries.inputs(k, MultiColumnSeries.aapl()))[0];
        double[] ttr = TestSeries.oracle(column);
        int compared = assertTtr(spec, out, ttr, 1e-9, floor);
        assertThat(compared).isEqualTo(ttr.length - k.warmUp());
    }
}
