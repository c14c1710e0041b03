package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.NativeMemory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves more off-heap bytes or regions in use than there were before it ran. Register it on an
 * instance field ({@code @RegisterExtension final NativeMemoryLeakCheck memory = new NativeMemoryLeakCheck();}); a
 * test may read {@link #bytesBefore()} to check what it holds while it runs.
 *
 * <p>Thread-safety: one instance per test instance, used on the test's thread.
 */
public final class NativeMemoryLeakCheck implements BeforeEachCallback, AfterEachCallback {
    private long bytesBefore;
    private long regionsBefore;

    @Override
    public void beforeEach(ExtensionContext context) {
        bytesBefore = NativeMemory.bytesInUse();
        regionsBefore = NativeMemory.regionsInUse();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(NativeMemory.bytesInUse()).as("off-heap bytes after the test").isEqualTo(bytesBefore);
        assertThat(NativeMemory.regionsInUse()).as("off-heap regions after the test").isEqualTo(regionsBefore);
    }

    /** The off-heap bytes in use when the test started. */
    public long bytesBefore() {
        return bytesBefore;
    }
}
