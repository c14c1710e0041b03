package dev.quiver.cache;

import dev.quiver.api.cache.Cache;
import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.CacheStats;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.table.Float64Column;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of the crash and sharing tests: a cache over a directory doing one kind of work, reporting on
 * standard output. Tables are a pure function of their key number, so any process can check any entry.
 */
final class CacheWorker {
    private CacheWorker() {
    }

    /** The fingerprint every worker uses for key number {@code n}. */
    static CacheKey key(String prefix, int n) {
        return CacheKey.of(prefix + n, Fingerprint.builder().spec("worker").build());
    }

    /** A table of one column: {@code n * 1e7 + row}. */
    static Table table(int n, int rows) {
        try (TableBuilder b = TableBuilder.offHeap()) {
            MemorySegment x = b.allocateFloat64("x", rows);
            for (int row = 0; row < rows; row++) {
                x.setAtIndex(ValueLayout.JAVA_DOUBLE, row, n * 1e7 + row);
            }
            return b.build();
        }
    }

    /** The first row whose value is not {@code n * 1e7 + row}, or -1. */
    static int firstWrongRow(Table t, int n, int rows) {
        if (t.rowCount() != rows) {
            return 0;
        }
        Float64Column x = t.float64("x");
        for (int row = 0; row < rows; row++) {
            if (x.get(row) != n * 1e7 + row) {
                return row;
            }
        }
        return -1;
    }

    /**
     * {@code write DIR ROWS}: stores key 0, 1, 2, ... forever, printing {@code loaded N} when a table is handed to the
     * cache (which then writes it) and {@code stored N} when it is on disk. {@code churn DIR ROWS SEED COUNT}: random
     * requests over 10 keys under a disk bound of 5 tables, checking every value; prints {@code ok} and the counters.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        int rows = Integer.parseInt(args[2]);
        switch (args[0]) {
            case "write" -> {
                try (Cache cache = TieredCache.builder().directory(dir).memoryBytes(0).diskBytes(1L << 40).build()) {
                    for (int n = 0; ; n++) {
                        int k = n;
                        cache.getOrLoad(key("crash/k", k), () -> {
                            Table t = table(k, rows);
                            System.out.println("loaded " + k);
                            System.out.flush();
                            return t;
                        }).close();
                        System.out.println("stored " + k);
                        System.out.flush();
                    }
                }
            }
            case "churn" -> {
                Random random = new Random(Long.parseLong(args[3]));
                int count = Integer.parseInt(args[4]);
                long bound = 5L * rows * Double.BYTES + 4096;
                List<String> wrong = new ArrayList<>();
                CacheStats stats;
                try (Cache cache = TieredCache.builder().directory(dir).memoryBytes(0).diskBytes(bound).build()) {
                    for (int i = 0; i < count; i++) {
                        int k = random.nextInt(10);
                        try (Table t = cache.getOrLoad(key("shared/k", k), () -> table(k, rows))) {
                            int row = firstWrongRow(t, k, rows);
                            if (row >= 0) {
                                wrong.add("key " + k + " row " + row);
                            }
                        }
                    }
                    stats = cache.stats();
                }
                System.out.println((wrong.isEmpty() ? "ok" : "WRONG " + wrong) + " diskHits=" + stats.diskHits()
                        + " misses=" + stats.misses() + " corrupt=" + stats.corruptEntries());
                System.exit(wrong.isEmpty() ? 0 : 1);
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** A command line starting this class in a new JVM with the test's class path and the project's JVM flags. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("quiver.jvm.flags", "");
        for (String f : flags.trim().split("\\s+")) {
            if (!f.isEmpty()) {
                cmd.add(f);
            }
        }
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CacheWorker.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
