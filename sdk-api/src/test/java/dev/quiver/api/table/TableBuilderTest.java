package dev.quiver.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.testing.NativeMemoryLeakCheck;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Off-heap tables: the memory is accounted in {@link NativeMemory}, freed exactly once by whoever owns it, and never
 * read after it is freed. Every test also runs under {@link NativeMemoryLeakCheck}.
 */
@ExtendWith(NativeMemoryLeakCheck.class)
class TableBuilderTest {
    /** 3 doubles + 3 longs + 3 ints + 3 string codes. */
    private static final long SAMPLE_BYTES = 3 * 8 + 3 * 8 + 3 * 4 + 3 * 4;

    private long bytesBefore;
    private long regionsBefore;

    @BeforeEach
    void recordMemory() {
        bytesBefore = NativeMemory.bytesInUse();
        regionsBefore = NativeMemory.regionsInUse();
    }

    private long bytesAdded() {
        return NativeMemory.bytesInUse() - bytesBefore;
    }

    private long regionsAdded() {
        return NativeMemory.regionsInUse() - regionsBefore;
    }

    private static TableBuilder sample(TableBuilder b) {
        return b.float64("close", new double[] {1, 2, 3})
                .int64("time", new long[] {10, 20, 30})
                .int32("volume", new int[] {5, 6, 7})
                .string("symbol", new String[] {"A", null, "B"});
    }

    @Test
    void offHeapTablesAccountForTheirBytesUntilClosed() {
        Table first;
        Table second;
        try (TableBuilder a = TableBuilder.offHeap(); TableBuilder b = TableBuilder.offHeap()) {
            assertThat(a.isOffHeap()).isTrue();
            first = sample(a).build();
            second = sample(b).build();
        }
        // closing the builders after build() frees nothing
        assertThat(bytesAdded()).isEqualTo(2 * SAMPLE_BYTES);
        assertThat(regionsAdded()).isEqualTo(2);
        assertThat(first.float64("close").get(2)).isEqualTo(3);

        first.close();
        assertThat(bytesAdded()).isEqualTo(SAMPLE_BYTES);
        assertThat(regionsAdded()).isEqualTo(1);

        second.close();
        assertThat(bytesAdded()).isZero();
        assertThat(regionsAdded()).isZero();
    }

    @Test
    void readingAColumnAfterCloseThrowsInsteadOfReturningGarbage() {
        Table t;
        Float64Column close;
        Table slice;
        try (TableBuilder b = TableBuilder.offHeap()) {
            t = sample(b).build();
        }
        close = t.float64("close");
        slice = t.slice(1, 2);

        t.close();

        assertThat(t.isClosed()).isTrue();
        assertThatThrownBy(() -> close.get(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> t.int64("time").toArray()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> t.string("symbol").get(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slice.int32("volume").get(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTwiceIsHarmless() {
        Table t;
        try (TableBuilder b = TableBuilder.offHeap()) {
            t = sample(b).build();
        }

        t.close();
        t.close();

        assertThat(bytesAdded()).isZero();
        assertThat(regionsAdded()).isZero();
    }

    @Test
    void aBuilderClosedWithoutBuildingFreesItsMemory() {
        TableBuilder b = TableBuilder.offHeap();
        sample(b);
        assertThat(bytesAdded()).isEqualTo(SAMPLE_BYTES);
        assertThat(regionsAdded()).isEqualTo(1);

        b.close();
        b.close();

        assertThat(bytesAdded()).isZero();
        assertThat(regionsAdded()).isZero();
        assertThatThrownBy(() -> b.int32("more", new int[1]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this builder has already been closed");
    }

    @Test
    void aFailedBuildFreesTheMemory() {
        try (TableBuilder b = TableBuilder.offHeap()) {
            b.float64("close", new double[] {1, 2, 3}).int64("time", new long[] {1, 2});
            assertThat(bytesAdded()).isEqualTo(5 * 8);

            assertThatThrownBy(b::build)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("mismatched column lengths: column 'time' has 2 rows but column 'close' has 3");

            assertThat(bytesAdded()).isZero();
            assertThat(regionsAdded()).isZero();
        }
    }

    @Test
    void aBuilderBuildsOnce() {
        try (TableBuilder b = TableBuilder.offHeap(); Table t = sample(b).build()) {
            assertThatThrownBy(b::build)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("this builder has already built its table");
            assertThatThrownBy(() -> b.allocateFloat64("late", 3)).isInstanceOf(IllegalStateException.class);
            assertThat(t.rowCount()).isEqualTo(3);
        }
    }

    @Test
    void allocateFloat64HandsOutAZeroedSegmentToFillInPlace() {
        try (TableBuilder b = TableBuilder.offHeap()) {
            MemorySegment seg = b.allocateFloat64("signal", 4);
            assertThat(seg.isNative()).isTrue();
            assertThat(seg.byteSize()).isEqualTo(4 * 8);
            assertThat(bytesAdded()).isEqualTo(4 * 8);
            seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 1, 0.5);

            try (Table t = b.build()) {
                assertThat(t.float64("signal").toArray()).containsExactly(0, 0.5, 0, 0);
            }
        }
    }

    @Test
    void onHeapTablesUseNoNativeMemory() {
        try (TableBuilder b = TableBuilder.onHeap()) {
            assertThat(b.isOffHeap()).isFalse();
            MemorySegment seg = b.allocateFloat64("signal", 3);
            seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, 7);
            Table t = sample(b).build();

            assertThat(bytesAdded()).isZero();
            assertThat(regionsAdded()).isZero();
            assertThat(seg.isNative()).isFalse();
            assertThat(t.float64("signal").get(0)).isEqualTo(7);
            t.close();
            // heap tables stay readable: there is nothing to free
            assertThat(t.float64("close").get(0)).isEqualTo(1);
        }
    }

    @Test
    void addedColumnsAreNotOwnedByTheBuiltTable() {
        try (TableBuilder source = TableBuilder.offHeap(); Table owner = sample(source).build()) {
            Table borrower;
            try (TableBuilder b = TableBuilder.offHeap()) {
                borrower = b.add(owner.float64("close")).int32("n", new int[] {1, 2, 3}).build();
            }
            borrower.close();

            assertThat(owner.float64("close").get(1)).isEqualTo(2);
            assertThat(bytesAdded()).isEqualTo(SAMPLE_BYTES);
        }
    }

    @Test
    void aViewRunsItsReleaseOnceAndDoesNotFreeTheTable() {
        AtomicInteger releases = new AtomicInteger();
        try (TableBuilder b = TableBuilder.offHeap(); Table t = sample(b).build()) {
            Table view = t.view(releases::incrementAndGet);
            assertThat(view.columns()).isEqualTo(t.columns());

            view.close();
            view.close();

            assertThat(releases).hasValue(1);
            assertThat(view.isClosed()).isTrue();
            assertThat(t.isClosed()).isFalse();
            assertThat(bytesAdded()).isEqualTo(SAMPLE_BYTES);
            assertThat(t.float64("close").get(0)).isEqualTo(1);
        }
        assertThat(releases).hasValue(1);
    }

    @Test
    void sliceAndSelectOfAnOffHeapTableReadTheSameMemoryAndOwnNothing() {
        try (TableBuilder b = TableBuilder.offHeap(); Table t = sample(b).build()) {
            Table slice = t.slice(1, 3);
            Table selected = t.select("time");

            assertThat(slice.int64("time").toArray()).containsExactly(20, 30);
            assertThat(slice.string("symbol").get(1)).isEqualTo("B");
            assertThat(slice.int64("time").data().address()).isEqualTo(t.int64("time").data().address() + 8);
            assertThat(selected.int64("time").data().address()).isEqualTo(t.int64("time").data().address());

            slice.close();
            selected.close();

            assertThat(bytesAdded()).isEqualTo(SAMPLE_BYTES);
            assertThat(t.int64("time").get(0)).isEqualTo(10);
        }
    }
}
