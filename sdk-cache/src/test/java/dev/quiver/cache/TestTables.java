package dev.quiver.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.cache.CacheKey;
import dev.quiver.api.cache.Fingerprint;
import dev.quiver.api.table.Column;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Tables, keys and assertions shared by the cache tests. */
final class TestTables {
    /** A NaN with a payload other than the canonical one: must round-trip bit for bit. */
    static final double ODD_NAN = Double.longBitsToDouble(0x7ff8_0000_0000_0001L);

    private TestTables() {
    }

    static CacheKey key(String name, String spec) {
        return CacheKey.of(name, Fingerprint.builder().spec(spec).build());
    }

    /**
     * An off-heap table of all four column types, {@code rows} long, with missing values of each kind; {@code seed}
     * varies the values.
     */
    static Table sample(int rows, int seed) {
        double[] close = new double[rows];
        long[] time = new long[rows];
        int[] volume = new int[rows];
        String[] symbol = new String[rows];
        String[] symbols = {"AAPL", "MSFT", "ÅSEA", "", "GOOG"};
        for (int i = 0; i < rows; i++) {
            close[i] = switch (i % 7) {
                case 3 -> Double.NaN;
                case 5 -> ODD_NAN;
                default -> seed + i * 0.25;
            };
            time[i] = i % 6 == 4 ? Long.MIN_VALUE : 1_700_000_000_000L + seed + i;
            volume[i] = i % 5 == 2 ? Integer.MIN_VALUE : seed * 31 + i;
            symbol[i] = i % 4 == 1 ? null : symbols[(i + seed) % symbols.length];
        }
        try (TableBuilder b = TableBuilder.offHeap()) {
            return b.float64("close", close).int64("time", time).int32("volume", volume).string("symbol", symbol)
                    .build();
        }
    }

    /** An off-heap table of one FLOAT64 column of {@code rows} values. */
    static Table doubles(int rows, double start) {
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = start + i;
        }
        try (TableBuilder b = TableBuilder.offHeap()) {
            return b.float64("x", v).build();
        }
    }

    /** Asserts the same schema and, byte for byte, the same data and dictionaries. */
    static void assertSameContent(Table actual, Table expected) {
        assertThat(actual.schema()).isEqualTo(expected.schema());
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column a = actual.column(c);
            Column e = expected.column(c);
            assertThat(a.data().mismatch(e.data())).as("first differing byte of column '%s'", e.name())
                    .isEqualTo(-1L);
            if (e instanceof StringColumn es) {
                assertThat(((StringColumn) a).dictionary()).isEqualTo(es.dictionary());
            }
        }
    }

    /**
     * Captures the records of a java.util.logging logger and keeps them off the console while open, so expected
     * warnings are asserted instead of printed.
     */
    static final class LogCapture extends Handler implements AutoCloseable {
        private final Logger logger;
        private final boolean parentHandlers;
        private final Level level;
        final List<LogRecord> records = new ArrayList<>();

        LogCapture(Class<?> source) {
            this.logger = Logger.getLogger(source.getName());
            this.parentHandlers = logger.getUseParentHandlers();
            this.level = logger.getLevel();
            logger.setLevel(Level.ALL);
            logger.setUseParentHandlers(false);
            logger.addHandler(this);
            setLevel(Level.ALL);
        }

        synchronized List<String> messages() {
            List<String> m = new ArrayList<>();
            for (LogRecord r : records) {
                m.add(r.getLevel() + " " + r.getMessage());
            }
            return m;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(level);
            logger.setUseParentHandlers(parentHandlers);
        }
    }
}
