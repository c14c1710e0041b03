package dev.quiver.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.NativeMemory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves more off-heap bytes or regions in use ({@link NativeMemory}) than there were before it
 * ran. Register it on a class ({@code @ExtendWith(NativeMemoryLeakCheck.class)}) or on an instance field
 * ({@code @RegisterExtension final NativeMemoryLeakCheck memory = new NativeMemoryLeakCheck();}), where a test may
 * read {@link #bytesBefore()} to check what it holds while it runs. The counters are global, so the tests of a module
 * that uses it run one at a time (the build's default). Published in sdk-api's test jar, for every module's tests.
 *
 * <p>Thread-safety: one instance per test class or instance, used on the test's thread.
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
