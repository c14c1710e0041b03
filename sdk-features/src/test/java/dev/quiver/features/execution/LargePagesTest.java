package dev.quiver.features.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Large pages for big blocks, where Linux offers them. */
class LargePagesTest {

    @Test
    void smallBlocksAreOrdinaryAndEveryBlockIsUsableMemoryOfTheSizeAsked() {
        try (Arena arena = Arena.ofConfined()) {
            for (long bytes : new long[] {0, 8, 4096, LargePages.SIZE - 8, LargePages.SIZE, 5 * LargePages.SIZE + 24}) {
                MemorySegment m = LargePages.allocate(arena, bytes);
                assertThat(m.byteSize()).isEqualTo(bytes);
                if (bytes >= 8) {
                    m.setAtIndex(ValueLayout.JAVA_DOUBLE, bytes / 8 - 1, 1.5);
                    assertThat(m.getAtIndex(ValueLayout.JAVA_DOUBLE, bytes / 8 - 1)).isEqualTo(1.5);
                }
                assertThat(LargePages.applies(bytes)).isEqualTo(LargePages.offered() && bytes >= LargePages.SIZE);
            }
        }
    }

    @Test
    void whereTheKernelOffersThemBigBlocksAreAlignedToALargePageAndBackedByOne() throws IOException {
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        assumeTrue(Files.isReadable(mode) && (Files.readString(mode).contains("[madvise]")
                || Files.readString(mode).contains("[always]")), "this OS offers no transparent huge pages");
        assumeTrue(LargePagesTest.class.getModule().isNativeAccessEnabled(), "native access is not enabled");
        assertThat(LargePages.offered()).isTrue();
        long address;
        try (Arena arena = Arena.ofConfined()) {
            long bytes = 8 * LargePages.SIZE;
            MemorySegment m = LargePages.allocate(arena, bytes);
            assertThat(m.address() % LargePages.SIZE).isZero();
            address = m.address();
            m.fill((byte) 1); // touch every page
            long huge = anonHugeKib(m.address());
            // the kernel may decline some (fragmented memory), but not all of a freshly advised 16 MiB
            assertThat(huge).isPositive();
            assertThat(huge % 2048).isZero();
            System.out.println("LargePagesTest: " + huge + " KiB of the 16 MiB block on large pages");
        }
        String start = Long.toHexString(address) + "-" + Long.toHexString(address + 8 * LargePages.SIZE) + " ";
        assertThat(Files.readAllLines(Path.of("/proc/self/maps"))).as("unmapped when its arena closed")
                .noneMatch(line -> line.startsWith(start));
    }

    /** AnonHugePages of the mapping that holds this address, in KiB (from /proc/self/smaps). */
    private static long anonHugeKib(long address) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        boolean inside = false;
        for (String line : lines) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] range = line.substring(0, line.indexOf(' ')).split("-");
                inside = Long.parseUnsignedLong(range[0], 16) <= address && address < Long.parseUnsignedLong(range[1], 16);
            } else if (inside && line.startsWith("AnonHugePages:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
