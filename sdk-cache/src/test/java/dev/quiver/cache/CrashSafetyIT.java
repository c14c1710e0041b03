package dev.quiver.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.table.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process killed with SIGKILL ({@link Process#destroyForcibly()}) in the middle of writing an entry leaves
 * the cache usable, with every entry either absent or whole; and processes sharing a directory, while another clears
 * it, never see a damaged or wrong entry.
 */
class CrashSafetyIT {
    /** 4 M doubles: a 32 MB file, long enough to write that a kill right after the load lands inside the write. */
    private static final int BIG = 4_000_000;

    @TempDir
    Path dir;

    @Test
    void aWriterKilledMidWriteLeavesEveryEntryAbsentOrWhole() throws Exception {
        boolean killedMidWrite = false;
        int kills = 0;
        int killsInsideAWrite = 0;
        int entriesChecked = 0;
        for (int trial = 0; trial < 6 && !(killedMidWrite && trial >= 2); trial++) {
            Process child = new ProcessBuilder(CacheWorker.command("write", dir.toString(), Integer.toString(BIG)))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int loaded;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                loaded = awaitLoaded(out, 1 + trial % 2);
                // the child is now writing entry `loaded`: kill it somewhere inside that write
                Thread.sleep(5L * trial);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            kills++;
            try (Stream<Path> files = Files.list(dir)) {
                if (files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"))) {
                    killedMidWrite = true;
                    killsInsideAWrite++;
                }
            }
            try (TestTables.LogCapture log = new TestTables.LogCapture(ArrowIpcDiskTier.class);
                 ArrowTieredCache cache = (ArrowTieredCache) TieredCache.builder().directory(dir).memoryBytes(0)
                         .diskBytes(1L << 40).build()) {
                for (int n = 0; n <= loaded + 1; n++) {
                    CacheKey key = CacheWorker.key("crash/k", n);
                    Optional<Table> present = cache.getIfPresent(key);
                    entriesChecked++;
                    if (present.isPresent()) {
                        try (Table t = present.get()) {
                            assertThat(CacheWorker.firstWrongRow(t, n, BIG)).as("entry %d after kill %d", n, trial)
                                    .isEqualTo(-1);
                        }
                    } else {
                        assertThat(n).as("only the entry being written may be missing").isGreaterThanOrEqualTo(
                                loaded);
                    }
                }
                // the cache is usable: the interrupted entry is computed and stored
                int k = loaded;
                try (Table t = cache.getOrLoad(CacheWorker.key("crash/k", k), () -> CacheWorker.table(k, BIG))) {
                    assertThat(CacheWorker.firstWrongRow(t, k, BIG)).isEqualTo(-1);
                }
                assertThat(cache.stats().corruptEntries()).isZero();
                assertThat(log.messages()).as("nothing damaged was found").isEmpty();
                cache.invalidateAll();
            }
        }
        assertThat(killedMidWrite).as("at least one kill landed inside a write (it left a temporary file)").isTrue();
        // the figures docs/cache.md quotes
        System.out.printf("crash safety: %d SIGKILLs, %d inside a write; %d entries read back, none wrong or damaged%n",
                kills, killsInsideAWrite, entriesChecked);
    }

    @Test
    void processesSharingADirectoryWhileItIsClearedNeverSeeADamagedEntry() throws Exception {
        int rows = 200_000;
        List<Process> children = List.of(
                new ProcessBuilder(CacheWorker.command("churn", dir.toString(), Integer.toString(rows), "1", "300"))
                        .redirectErrorStream(true).start(),
                new ProcessBuilder(CacheWorker.command("churn", dir.toString(), Integer.toString(rows), "2", "300"))
                        .redirectErrorStream(true).start());
        int clears = 0;
        while (children.stream().anyMatch(Process::isAlive)) {
            TieredCache.clear(dir);
            clears++;
            Thread.sleep(40);
        }
        for (Process child : children) {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor()).as(output).isZero();
            String result = output.lines().filter(l -> l.startsWith("ok") || l.startsWith("WRONG")).findFirst()
                    .orElse(output);
            assertThat(result).as(output).startsWith("ok").contains("corrupt=0");
            System.out.println("sharing: a process read every entry right: " + result);
        }
        assertThat(clears).isPositive();
        System.out.println("sharing: the directory was cleared " + clears + " times meanwhile");
    }

    private static int awaitLoaded(BufferedReader out, int target) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("loaded ")) {
                int n = Integer.parseInt(line.substring(7));
                if (n >= target) {
                    return n;
                }
            }
        }
        throw new AssertionError("the child process ended before loading entry " + target);
    }
}
