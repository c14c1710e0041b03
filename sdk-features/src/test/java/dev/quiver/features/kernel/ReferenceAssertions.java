package dev.quiver.features.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

/** Comparisons of a kernel's output column with a reference's (TA-Lib's Java port, R TTR's CSV columns). */
public final class ReferenceAssertions {
    private ReferenceAssertions() {
    }

    /**
     * TA-Lib's output: its first row must be the row after our warm-up, and every later row must equal ours within
     * {@code tolerance} (relative to {@code max(|TA-Lib|, 1)}); 0 asks for bit-for-bit equality. A {@code NaN} in
     * {@code ta} (put there by the test for a documented difference) asks for {@code NaN}.
     */
    public static void assertTaLib(String what, double[] ours, int warmUp, RetCode rc, MInteger begin,
                                   MInteger count, double[] ta, double tolerance) {
        assertThat(rc).as(what).isEqualTo(RetCode.Success);
        assertThat(begin.value).as("%s: TA-Lib's first output row", what).isEqualTo(warmUp);
        assertThat(count.value).as(what).isEqualTo(ours.length - warmUp);
        for (int i = 0; i < warmUp; i++) {
            assertThat(ours[i]).as("%s: warm-up row %d", what, i).isNaN();
        }
        for (int j = 0; j < count.value; j++) {
            int row = begin.value + j;
            if (Double.isNaN(ta[j])) { // a test marks a documented difference (ours NaN) by a NaN expectation
                assertThat(ours[row]).as("%s: row %d: expected NaN", what, row).isNaN();
            } else if (tolerance == 0) {
                assertThat(ours[row]).as("%s: row %d: ours %s, TA-Lib %s", what, row, ours[row], ta[j])
                        .isEqualTo(ta[j]);
            } else {
                double scale = Math.max(Math.abs(ta[j]), 1.0);
                assertThat(Math.abs(ours[row] - ta[j]) / scale)
                        .as("%s: row %d: ours %s, TA-Lib %s", what, row, ours[row], ta[j])
                        .isLessThanOrEqualTo(tolerance);
            }
        }
    }

    /**
     * A TTR column: {@code NaN} exactly where TTR's field is empty, and elsewhere within {@code relative} of
     * {@code max(|TTR|, floor)}: the floor keeps values that pass near zero (a running total, a return) from
     * asking for more relative precision than their terms had.
     *
     * @return the number of rows compared
     */
    public static int assertTtr(String what, double[] ours, double[] ttr, double relative, double floor) {
        assertThat(ours).as(what).hasSameSizeAs(ttr);
        int compared = 0;
        for (int i = 0; i < ttr.length; i++) {
            if (Double.isNaN(ttr[i])) {
                assertThat(ours[i]).as("%s: row %d: TTR's field is empty", what, i).isNaN();
            } else {
                double scale = Math.max(Math.abs(ttr[i]), floor);
                assertThat(Math.abs(ours[i] - ttr[i]) / scale)
                        .as("%s: row %d: ours %s, TTR %s", what, i, ours[i], ttr[i])
                        .isLessThanOrEqualTo(relative);
                compared++;
            }
        }
        return compared;
    }
}
