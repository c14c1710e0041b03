package dev.quiver.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.testing.NativeMemoryLeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The accounting that provider modules use for their own off-heap regions. */
@ExtendWith(NativeMemoryLeakCheck.class)
class NativeMemoryTest {

    @Test
    void aTrackedRegionCountsUntilReleasedOnce() {
        long bytes = NativeMemory.bytesInUse();
        long regions = NativeMemory.regionsInUse();

        NativeMemory.Handle h = NativeMemory.track(100);
        h.grow(28);
        assertThat(NativeMemory.bytesInUse() - bytes).isEqualTo(128);
        assertThat(NativeMemory.regionsInUse() - regions).isEqualTo(1);

        h.release();
        h.release();

        assertThat(NativeMemory.bytesInUse()).isEqualTo(bytes);
        assertThat(NativeMemory.regionsInUse()).isEqualTo(regions);
    }

    @Test
    void aReleasedRegionCannotGrow() {
        NativeMemory.Handle h = NativeMemory.track(8);
        h.release();

        assertThatThrownBy(() -> h.grow(8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("region already released");
    }
}
