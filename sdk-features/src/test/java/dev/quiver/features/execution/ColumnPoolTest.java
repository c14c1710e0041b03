package dev.quiver.features.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.feature.ScratchMemory;
import dev.quiver.api.table.NativeMemory;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ColumnPoolTest {

    @Test
    void givesBackMemoryToTheNextLoanOfTheSameSize() {
        ColumnPool pool = ColumnPool.create(1 << 20, Duration.ofMinutes(1));
        long address;
        try (ScratchMemory.Lease a = pool.lend(8_000)) {
            assertThat(a.segment().byteSize()).isEqualTo(8_000);
            a.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, 7, 42.0);
            address = a.segment().address();
        }
        assertThat(pool.retainedBytes()).isEqualTo(8_000);
        try (ScratchMemory.Lease b = pool.lend(8_000); ScratchMemory.Lease c = pool.lend(8_000)) {
            assertThat(b.segment().address()).isEqualTo(address);
            // undefined contents: here, the last borrower's
            assertThat(b.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, 7)).isEqualTo(42.0);
            assertThat(c.segment().address()).isNotEqualTo(address);
            assertThat(pool.lentBytes()).isEqualTo(16_000);
            assertThat(pool.retainedBytes()).isZero();
        }
        assertThat(pool.reusedLoans()).isEqualTo(1);
        assertThat(pool.freshLoans()).isEqualTo(2);
        pool.trim();
        assertThat(pool.retainedBytes()).isZero();
    }

    @Test
    void keepsNoMoreThanItsLimitAndOtherSizesAreFresh() {
        ColumnPool pool = ColumnPool.create(10_000, Duration.ofMinutes(1));
        ScratchMemory.Lease a = pool.lend(6_000);
        ScratchMemory.Lease b = pool.lend(6_000);
        a.close();
        b.close(); // 12,000 would exceed the limit: freed
        assertThat(pool.retainedBytes()).isEqualTo(6_000);
        try (ScratchMemory.Lease c = pool.lend(4_000)) {
            assertThat(c.segment().byteSize()).isEqualTo(4_000);
        }
        assertThat(pool.reusedLoans()).isZero();
        assertThat(pool.retainedBytes()).isEqualTo(10_000);
        pool.trim();
    }

    @Test
    void freesBlocksIdleForLongerThanTheTimeout() throws InterruptedException {
        ColumnPool pool = ColumnPool.create(1 << 20, Duration.ofMillis(20));
        pool.lend(1_000).close();
        assertThat(pool.retainedBytes()).isEqualTo(1_000);
        Thread.sleep(60);
        try (ScratchMemory.Lease fresh = pool.lend(2_000)) {
            assertThat(pool.retainedBytes()).as("expired when the pool was next used").isZero();
            assertThat(fresh.segment().byteSize()).isEqualTo(2_000);
        }
        pool.trim();
    }

    @Test
    void countsLentMemoryAsInUseAndIdleMemoryNot() {
        ColumnPool pool = ColumnPool.create(1 << 20, Duration.ofMinutes(1));
        long before = NativeMemory.bytesInUse();
        long regions = NativeMemory.regionsInUse();
        ScratchMemory.Lease lease = pool.lend(4_096);
        assertThat(NativeMemory.bytesInUse() - before).isEqualTo(4_096);
        lease.close();
        lease.close(); // a second close does nothing
        assertThat(NativeMemory.bytesInUse()).isEqualTo(before);
        assertThat(NativeMemory.regionsInUse()).isEqualTo(regions);
        assertThat(pool.lentBytes()).isZero();
        pool.trim();
    }

    @Test
    void anUnpooledPoolKeepsNothing() {
        ColumnPool pool = ColumnPool.unpooled();
        pool.lend(800).close();
        assertThat(pool.retainedBytes()).isZero();
        try (ScratchMemory.Lease fresh = pool.lend(800)) {
            // fresh memory is zeroed by the JDK
            assertThat(fresh.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, 0)).isZero();
        }
        assertThat(pool.reusedLoans()).isZero();
    }

    @Test
    void rejectsNegativeSizes() {
        assertThatThrownBy(() -> ColumnPool.shared().lend(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> ColumnPool.create(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
