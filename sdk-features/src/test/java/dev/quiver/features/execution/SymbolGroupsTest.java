package dev.quiver.features.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolGroupsTest {

    @ParameterizedTest
    @CsvSource({"0,1", "0,8", "1,1", "7,4", "16,2", "17,2", "100,1", "100,2", "4000,1", "4000,2", "4000,16",
            "53,3", "1000000,64"})
    void groupsCoverTheSymbolsInOrderAlignedAndBounded(int symbols, int parallelism) {
        int[] bounds = SymbolGroups.bounds(symbols, parallelism);
        assertThat(bounds[0]).isZero();
        assertThat(bounds[bounds.length - 1]).isEqualTo(symbols);
        for (int g = 0; g + 1 < bounds.length; g++) {
            int size = bounds[g + 1] - bounds[g];
            assertThat(size).as("group %d", g).isBetween(1, SymbolGroups.MAX_SIZE);
            if (g + 2 < bounds.length) {
                assertThat(size % SymbolGroups.ALIGN).as("group %d is lane-aligned", g).isZero();
            }
        }
        if (symbols >= SymbolGroups.ALIGN * SymbolGroups.GROUPS_PER_THREAD * parallelism) {
            // rounding the size up to the alignment may cost up to half the groups
            assertThat(bounds.length - 1).as("groups enough to keep every thread busy")
                    .isGreaterThanOrEqualTo(SymbolGroups.GROUPS_PER_THREAD * parallelism / 2);
        }
    }
}
