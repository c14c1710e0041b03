package dev.quiver.cli;

import dev.quiver.api.cache.CacheStats;
import dev.quiver.cache.TieredCache;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code quiver cache}: inspect and empty a cache directory ({@code stats}, {@code clear}).
 *
 * <p>Thread-safety: a command object serves one invocation.
 */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Inspect or empty a cache directory.",
        subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class})
final class CacheCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The directory of {@code --dir}, else of {@code --cache-dir}, else the default. */
    private static Path directory(Path dir, CacheOptions options) {
        return dir != null ? dir : options.settings().directory();
    }

    /**
     * {@code quiver cache stats}: the counters summed over every process that used the directory, and what it holds.
     *
     * <p>Thread-safety: a command object serves one invocation.
     */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = {"Print the counters of every cache that used the directory (summed when each closed) and "
                    + "the entries it holds now."})
    static final class Stats implements Runnable {
        @Spec
        private CommandSpec spec;

        @CommandLine.Option(names = "--dir", paramLabel = "DIR", description = "The cache directory (as --cache-dir).")
        private Path dir;

        @Mixin
        private CacheOptions options;

        @Override
        public void run() {
            Path d = directory(dir, options);
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isDirectory(d)) {
                out.printf("cache %s: no such directory, nothing cached%n", d);
                return;
            }
            CacheStats s = TieredCache.directoryStats(d);
            out.printf("cache %s%n", d);
            out.printf(Locale.ROOT, "  entries on disk   %,d (%s)%n", s.diskEntries(), human(s.diskBytes()));
            out.printf(Locale.ROOT, "  requests          %,d (hit rate %.1f %%)%n", s.requests(), 100 * s.hitRate());
            out.printf(Locale.ROOT, "  memory hits       %,d%n", s.memoryHits());
            out.printf(Locale.ROOT, "  disk hits         %,d%n", s.diskHits());
            out.printf(Locale.ROOT, "  misses (loads)    %,d (%,d failed, %.1f ms loading on average)%n", s.misses(),
                    s.loadFailures(), s.averageLoadNanos() / 1e6);
            out.printf(Locale.ROOT, "  evictions         %,d from memory, %,d from disk%n", s.memoryEvictions(),
                    s.diskEvictions());
            out.printf(Locale.ROOT, "  damaged entries   %,d (removed and recomputed)%n", s.corruptEntries());
        }
    }

    /**
     * {@code quiver cache clear}: deletes every entry, safely while other processes use the directory.
     *
     * <p>Thread-safety: a command object serves one invocation.
     */
    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = {"Delete every entry and reset the counters. Safe while other processes use the cache: "
                    + "their open tables stay readable and their writes complete."})
    static final class Clear implements Runnable {
        @Spec
        private CommandSpec spec;

        @CommandLine.Option(names = "--dir", paramLabel = "DIR", description = "The cache directory (as --cache-dir).")
        private Path dir;

        @Mixin
        private CacheOptions options;

        @Override
        public void run() {
            Path d = directory(dir, options);
            int deleted = TieredCache.clear(d);
            spec.commandLine().getOut().printf("cache %s: deleted %d %s%n", d, deleted,
                    deleted == 1 ? "entry" : "entries");
        }
    }

    private static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
