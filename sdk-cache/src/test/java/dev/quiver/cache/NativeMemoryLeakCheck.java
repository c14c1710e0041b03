package dev.quiver.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.table.NativeMemory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves more off-heap bytes or regions in use than there were before it ran. Tests in this module
 * run one at a time, so the global {@link NativeMemory} counters are this test's alone.
 */
final class NativeMemoryLeakCheck implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NativeMemoryLeakCheck.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("bytes", NativeMemory.bytesInUse());
        context.getStore(NS).put("regions", NativeMemory.regionsInUse());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        long bytes = context.getStore(NS).get("bytes", Long.class);
        long regions = context.getStore(NS).get("regions", Long.class);
        assertThat(NativeMemory.bytesInUse()).as("off-heap bytes still in use after the test").isEqualTo(bytes);
        assertThat(NativeMemory.regionsInUse()).as("off-heap regions still open after the test").isEqualTo(regions);
    }
}
