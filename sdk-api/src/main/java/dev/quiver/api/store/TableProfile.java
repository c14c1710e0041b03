package dev.quiver.api.store;

import dev.quiver.api.table.Column;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import dev.quiver.api.table.StringColumn;
import dev.quiver.api.table.Table;
import dev.quiver.api.table.TableStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile of a table's data, made in one pass over its batches in bounded memory (per column about 1 MiB for exact
 * distinct counts, 16 KiB for the estimate, whatever the row count): what a {@link SchemaAdvisor} needs to choose
 * encodings and table options.
 *
 * <pre>{@code
 * try (TableStream rows = store.scan(ScanRequest.of("prices"))) {
 *     SchemaAdvice advice = store.advisor().advise(TableProfile.of(rows), AdviceOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable; a {@link Builder} is not thread-safe.
 *
 * @param rows the rows profiled
 * @param columns one profile per column, in the table's order
 */
public record TableProfile(long rows, List<ColumnProfile> columns) {

    /** @throws NullPointerException if the columns are null */
    public TableProfile {
        columns = List.copyOf(columns);
    }

    /** The profile of one table. */
    public static TableProfile of(Table table) {
        Builder b = builder(table.schema());
        b.add(table);
        return b.build();
    }

    /**
     * The profile of every remaining batch of a stream; each batch is closed once read, the stream is not.
     *
     * @throws IllegalArgumentException if a batch's schema differs from the stream's
     */
    public static TableProfile of(TableStream stream) {
        Builder b = builder(stream.schema());
        for (Table next; (next = stream.next()) != null; ) {
            try (Table batch = next) {
                b.add(batch);
            }
        }
        return b.build();
    }

    /** A builder that profiles batches of this schema as they are added. */
    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    /** The profile of the column of this name, ignoring case. */
    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The column range filters most likely use, which a store's sort order should follow: the first of
     * {@code rangeColumns} the table has, else its most sorted date or timestamp column with values, else none.
     */
    public Optional<ColumnProfile> rangeColumn(List<String> rangeColumns) {
        Optional<ColumnProfile> given = rangeColumns.stream().flatMap(name -> column(name).stream()).findFirst();
        if (given.isPresent()) {
            return given;
        }
        return columns.stream().filter(c -> c.type().isTemporal() && c.values() > 0)
                .max(Comparator.comparingDouble(c -> Double.isNaN(c.ascending()) ? 0 : c.ascending()));
    }

    /**
     * Profiles batches one at a time; {@link #build()} may be called at any point.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private final Schema schema;
        private final List<Accumulator> columns = new ArrayList<>();
        private long rows;

        private Builder(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            for (Field f : schema.fields()) {
                columns.add(new Accumulator(f));
            }
        }

        /**
         * Adds a batch (the caller keeps and closes it).
         *
         * @throws IllegalArgumentException if its schema is not the builder's
         */
        public Builder add(Table batch) {
            if (!batch.schema().equals(schema)) {
                throw new IllegalArgumentException("batch schema " + batch.schema() + " differs from " + schema);
            }
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c).add(batch.column(c));
            }
            rows += batch.rowCount();
            return this;
        }

        /** The profile of the batches added so far. */
        public TableProfile build() {
            return new TableProfile(rows, columns.stream().map(a -> a.profile(rows)).toList());
        }
    }

    /** One column's running figures. */
    private static final class Accumulator {
        private final Field field;
        private final DistinctCounter distinct = new DistinctCounter();
        private long nulls;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private double minDouble = Double.POSITIVE_INFINITY;
        private double maxDouble = Double.NEGATIVE_INFINITY;
        private long steps;
        private long ascendingSteps;
        private boolean wholeSeconds = true;
        private int maxLength;
        private long totalLength;
        private boolean hasPrevious;
        private long previous;
        private double previousDouble;
        private String previousText;

        Accumulator(Field field) {
            this.field = field;
        }

        void add(Column column) {
            MemorySegment data = column.data();
            int n = column.size();
            switch (field.type()) {
                case INT32 -> {
                    for (int r = 0; r < n; r++) {
                        int v = data.getAtIndex(ValueLayout.JAVA_INT, r);
                        if (v == Integer.MIN_VALUE) {
                            nulls++;
                        } else {
                            integer(v);
                        }
                    }
                }
                case INT64 -> {
                    boolean timestamp = field.logical() == LogicalType.TIMESTAMP;
                    for (int r = 0; r < n; r++) {
                        long v = data.getAtIndex(ValueLayout.JAVA_LONG, r);
                        if (v == Long.MIN_VALUE) {
                            nulls++;
                        } else {
                            integer(v);
                            if (timestamp && v % 1000 != 0) {
                                wholeSeconds = false;
                            }
                        }
                    }
                }
                case FLOAT64 -> {
                    for (int r = 0; r < n; r++) {
                        double v = data.getAtIndex(ValueLayout.JAVA_DOUBLE, r);
                        if (Double.isNaN(v)) {
                            nulls++;
                            continue;
                        }
                        distinct.add(DistinctCounter.mix(Double.doubleToLongBits(v + 0.0)));
                        minDouble = Math.min(minDouble, v);
                        maxDouble = Math.max(maxDouble, v);
                        if (hasPrevious) {
                            steps++;
                            if (v >= previousDouble) {
                                ascendingSteps++;
                            }
                        }
                        hasPrevious = true;
                        previousDouble = v;
                    }
                }
                case STRING -> strings((StringColumn) column);
            }
        }

        private void integer(long v) {
            distinct.add(DistinctCounter.mix(v));
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (hasPrevious) {
                steps++;
                if (v >= previous) {
                    ascendingSteps++;
                }
            }
            hasPrevious = true;
            previous = v;
        }

        private void strings(StringColumn column) {
            List<String> dictionary = column.dictionary();
            // each batch hashes and measures its dictionary entries once, and only those its rows use
            boolean[] seen = new boolean[dictionary.size()];
            int previousCode = StringColumn.MISSING_CODE;
            for (int r = 0; r < column.size(); r++) {
                int code = column.code(r);
                if (code == StringColumn.MISSING_CODE) {
                    nulls++;
                    continue;
                }
                String value = dictionary.get(code);
                seen[code] = true;
                totalLength += value.length();
                if (previousText != null) {
                    steps++;
                    if (code == previousCode || value.compareTo(previousText) >= 0) {
                        ascendingSteps++;
                    }
                }
                previousText = value;
                previousCode = code;
            }
            for (int code = 0; code < seen.length; code++) {
                if (seen[code]) {
                    String value = dictionary.get(code);
                    distinct.add(DistinctCounter.hash(value));
                    maxLength = Math.max(maxLength, value.length());
                }
            }
        }

        ColumnProfile profile(long rows) {
            long values = rows - nulls;
            boolean integral = field.type() == dev.quiver.api.table.ColumnType.INT32
                    || field.type() == dev.quiver.api.table.ColumnType.INT64;
            boolean floating = field.type() == dev.quiver.api.table.ColumnType.FLOAT64;
            boolean text = field.type() == dev.quiver.api.table.ColumnType.STRING;
            return new ColumnProfile(field.name(), field.logical(), rows, nulls, distinct.count(), distinct.exact(),
                    integral && values > 0 ? min : 0, integral && values > 0 ? max : 0,
                    floating && values > 0 ? minDouble : Double.NaN, floating && values > 0 ? maxDouble : Double.NaN,
                    steps == 0 ? Double.NaN : (double) ascendingSteps / steps,
                    field.logical() == LogicalType.TIMESTAMP && values > 0 && wholeSeconds,
                    text ? maxLength : 0, text && values > 0 ? (double) totalLength / values : 0);
        }
    }
}
