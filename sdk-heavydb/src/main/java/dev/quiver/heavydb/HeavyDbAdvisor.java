package dev.quiver.heavydb;

import dev.quiver.api.store.AdviceOptions;
import dev.quiver.api.store.ColumnEncoding;
import dev.quiver.api.store.ColumnProfile;
import dev.quiver.api.store.SchemaAdvice;
import dev.quiver.api.store.SchemaAdvisor;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.TableProfile;
import dev.quiver.api.store.TimeUnit;
import dev.quiver.api.table.LogicalType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HeavyDB's schema advisor. The rules (documented in docs/store.md, "The schema advisor"):
 * <ul>
 *   <li>Text: {@code DICT(8)} for at most 255 distinct values, {@code DICT(16)} for at most 65,535, else
 *       {@code DICT(32)}; {@code NONE} for near-unique long text (more than 65,535 distinct values, at least 90% of
 *       the values distinct, mean length at least 16).</li>
 *   <li>Dates: {@code DAYS(16)} when every date is within -32,768..32,767 days of the epoch, else {@code DAYS(32)}.</li>
 *   <li>Timestamps: {@code TIMESTAMP(0) ENCODING FIXED(32)} when every value is a whole second within 32-bit seconds
 *       (1901-12-13..2038-01-19).</li>
 *   <li>Integers: {@code ENCODING FIXED(8|16|32)} for the narrowest width whose range (the most negative code kept
 *       for null) holds every value.</li>
 *   <li>{@code fragment_size}: HeavyDB's 32,000,000 rows unless several GPUs would otherwise not all get a fragment,
 *       or one fragment of every column would exceed an eighth of one GPU's memory.</li>
 *   <li>{@code sort_column}: the first range column given, else the most sorted date or timestamp column.</li>
 *   <li>{@code shard_key}/{@code shard_count}: only with a join key and more than one GPU.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class HeavyDbAdvisor implements SchemaAdvisor {
    static final HeavyDbAdvisor INSTANCE = new HeavyDbAdvisor();

    static final long DEFAULT_FRAGMENT_SIZE = 32_000_000L;
    static final long MIN_SPLIT_FRAGMENT = 1_000_000L;
    static final int DICT8_VALUES = 255;
    static final int DICT16_VALUES = 65_535;

    static final List<String> NOTES = List.of(
            "HeavyDB has no secondary indexes (no CREATE INDEX): queries scan columns on the GPU. What stands in "
                    + "for a range index is sort_column: loaded sorted, each fragment covers a narrow range of the "
                    + "column and HeavyDB skips fragments whose min/max metadata misses a filter.",
            "HeavyDB has no bloom filters. Equality filters and joins on text compare dictionary codes (integers); "
                    + "joins of large tables on one key can be made shard-local with SHARD KEY and shard_count.",
            "HeavyDB has no date partitions: fragments are runs of rows in load order, not partitions to attach "
                    + "or drop. sort_column on the date makes fragments behave like date ranges for skipping.",
            "HeavyDB has no per-column LZ4 or other codec to choose: the per-column storage choices are the "
                    + "encodings (TEXT ENCODING DICT(8|16|32) or NONE, DATE ENCODING DAYS(16|32), ENCODING "
                    + "FIXED(8|16|32)); this advice picks them.");

    private HeavyDbAdvisor() {
    }

    @Override
    public SchemaAdvice advise(TableProfile profile, AdviceOptions options) {
        List<SchemaAdvice.Column> columns = new ArrayList<>();
        double rowBytes = 0;
        for (ColumnProfile c : profile.columns()) {
            SchemaAdvice.Column a = column(c);
            columns.add(a);
            rowBytes += bytes(a.field(), c);
        }
        List<SchemaAdvice.Option> opts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long fragment = fragmentSize(profile.rows(), rowBytes, options, opts);
        sortColumn(profile, options, fragment, opts, notes);
        shard(profile, options, opts, notes);
        notes.addAll(NOTES);
        return new SchemaAdvice("heavydb", columns, opts, notes, List.of());
    }

    static SchemaAdvice.Column column(ColumnProfile c) {
        StoreField base = StoreField.of(c.name(), c.type());
        String counted = c.distinctExact() ? String.format(Locale.ROOT, "%,d distinct values", c.distinct())
                : String.format(Locale.ROOT, "about %,d distinct values (estimated)", c.distinct());
        if (c.values() == 0) {
            return new SchemaAdvice.Column(base, HeavyDbDialect.sqlType("t", base),
                    "no values to judge by: HeavyDB's default");
        }
        return switch (c.type()) {
            case STRING -> text(base, c, counted);
            case DATE -> date(base, c);
            case TIMESTAMP -> timestamp(base, c);
            case INT32, INT64 -> integer(base, c);
            default -> new SchemaAdvice.Column(base, HeavyDbDialect.sqlType("t", base),
                    "HeavyDB has no narrower encoding for " + c.type() + ": kept as is");
        };
    }

    private static SchemaAdvice.Column text(StoreField base, ColumnProfile c, String counted) {
        long d = c.distinct();
        // an estimate near a width's limit takes the wider width: the estimate may be a few percent low
        long safe = c.distinctExact() ? d : Math.round(d * 1.05);
        if (safe > DICT16_VALUES && d >= 0.9 * c.values() && c.meanLength() >= 16) {
            StoreField f = base.withEncoding(ColumnEncoding.NONE);
            return new SchemaAdvice.Column(f, HeavyDbDialect.sqlType("t", f), String.format(Locale.ROOT,
                    "%s in %,d values (%.0f%% distinct), mean length %.0f: near-unique long text gains nothing from "
                            + "a dictionary, which would hold every value; NONE keeps the strings as they are, but "
                            + "a NONE column cannot be grouped by", counted, c.values(), 100.0 * d / c.values(),
                    c.meanLength()));
        }
        int bits = safe <= DICT8_VALUES ? 8 : safe <= DICT16_VALUES ? 16 : 32;
        int capacity = bits == 8 ? DICT8_VALUES : DICT16_VALUES;
        StoreField f = base.withEncoding(ColumnEncoding.dictionary(bits));
        String reason = bits == 32 ? counted + ": more than DICT(16) holds (65,535), so DICT(32), HeavyDB's "
                + "default (up to about 2 billion values)"
                : String.format(Locale.ROOT, "%s: fit DICT(%d) (%,d values at most, one code per row of %d bytes "
                        + "instead of 4)", counted, bits, capacity, bits / 8);
        if (bits < 32 && safe > 0.8 * capacity) {
            reason += String.format(Locale.ROOT, "; %.0f%% of its codes are used already: if the table will get "
                    + "new values, take DICT(%d)", 100.0 * safe / capacity, bits * 2);
        }
        return new SchemaAdvice.Column(f, HeavyDbDialect.sqlType("t", f), reason);
    }

    private static SchemaAdvice.Column date(StoreField base, ColumnProfile c) {
        String range = LocalDate.ofEpochDay(c.minDays()) + " .. " + LocalDate.ofEpochDay(c.maxDays());
        if (c.minDays() >= -32_768 && c.maxDays() <= 32_767) {
            StoreField f = base.withEncoding(ColumnEncoding.days(16));
            return new SchemaAdvice.Column(f, HeavyDbDialect.sqlType("t", f), "dates " + range + " lie within "
                    + "DAYS(16)'s -32,768..32,767 days of 1970-01-01 (1880-04-14 .. 2059-09-09): 2 bytes a value "
                    + "instead of 4; dates after 2059 would not fit");
        }
        return new SchemaAdvice.Column(base, HeavyDbDialect.sqlType("t", base), "dates " + range + " reach beyond "
                + "DAYS(16)'s 1880-04-14 .. 2059-09-09: DAYS(32), HeavyDB's default");
    }

    private static SchemaAdvice.Column timestamp(StoreField base, ColumnProfile c) {
        long minSeconds = Math.floorDiv(c.min(), 1000L);
        long maxSeconds = Math.floorDiv(c.max(), 1000L);
        if (c.wholeSeconds() && minSeconds > Integer.MIN_VALUE && maxSeconds <= Integer.MAX_VALUE) {
            StoreField f = base.withUnit(TimeUnit.SECOND).withEncoding(ColumnEncoding.fixed(32));
            return new SchemaAdvice.Column(f, HeavyDbDialect.sqlType("t", f), "every timestamp is a whole second "
                    + "within 32-bit seconds (1901-12-13 .. 2038-01-19): 4 bytes a value instead of 8; times after "
                    + "2038-01-19 or with fractions of a second would not fit");
        }
        return new SchemaAdvice.Column(base, HeavyDbDialect.sqlType("t", base), c.wholeSeconds()
                ? "whole seconds, but outside 1901-12-13 .. 2038-01-19: kept at 8 bytes"
                : "fractions of a second: kept at 8 bytes, milliseconds");
    }

    private static SchemaAdvice.Column integer(StoreField base, ColumnProfile c) {
        int width = c.type() == LogicalType.INT64 ? 64 : 32;
        for (int bits : new int[] {8, 16, 32}) {
            long limit = (1L << (bits - 1)) - 1;   // the most negative code is HeavyDB's null
            if (bits < width && c.min() >= -limit && c.max() <= limit) {
                StoreField f = base.withEncoding(ColumnEncoding.fixed(bits));
                return new SchemaAdvice.Column(f, HeavyDbDialect.sqlType("t", f), String.format(Locale.ROOT,
                        "values %,d .. %,d fit FIXED(%d) (±%,d): %d bytes a value instead of %d", c.min(), c.max(),
                        bits, limit, bits / 8, width / 8));
            }
        }
        return new SchemaAdvice.Column(base, HeavyDbDialect.sqlType("t", base), String.format(Locale.ROOT,
                "values %,d .. %,d need all %d bits", c.min(), c.max(), width));
    }

    /** The bytes one row of this column takes as advised: what a fragment of it costs in GPU memory. */
    static double bytes(StoreField f, ColumnProfile c) {
        int bits = f.encoding().bits();
        return switch (f.type()) {
            case BOOLEAN, INT8 -> 1;
            case INT16 -> 2;
            case INT32 -> bits > 0 ? bits / 8.0 : 4;
            case INT64, FLOAT64 -> bits > 0 ? bits / 8.0 : 8;
            case FLOAT32 -> 4;
            case DATE -> bits > 0 ? bits / 8.0 : 4;
            case TIMESTAMP -> bits > 0 ? 4 : 8;
            case STRING -> f.encoding().kind() == ColumnEncoding.Kind.NONE ? c.meanLength() + 8
                    : bits > 0 ? bits / 8.0 : 4;
        };
    }

    private static long fragmentSize(long rows, double rowBytes, AdviceOptions options,
                                     List<SchemaAdvice.Option> out) {
        int gpus = Math.max(1, options.gpus());
        long fragment = DEFAULT_FRAGMENT_SIZE;
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "a heuristic: %,d rows on %d GPU%s%s",
                rows, gpus, gpus == 1 ? "" : "s", options.gpus() == 0 ? " (assumed: give --gpus)" : ""));
        if (gpus > 1 && rows < gpus * DEFAULT_FRAGMENT_SIZE) {
            long perGpu = (rows + gpus - 1) / gpus;
            if (perGpu >= MIN_SPLIT_FRAGMENT) {
                fragment = Math.min(DEFAULT_FRAGMENT_SIZE, roundUp(perGpu, MIN_SPLIT_FRAGMENT));
                why.append(String.format(Locale.ROOT, "; HeavyDB works on a fragment per GPU at a time, and with "
                        + "the default 32,000,000 not every GPU would get one: %,d rows per GPU, rounded up to a "
                        + "million", perGpu));
            } else {
                why.append("; fewer than 1,000,000 rows per GPU: splitting finer is not worth the cost per "
                        + "fragment, so the default stays");
            }
        } else {
            why.append("; every GPU gets a full fragment: HeavyDB's default of 32,000,000 rows stays");
        }
        if (options.gpuMemoryBytes() > 0 && rowBytes > 0) {
            long fit = (long) (options.gpuMemoryBytes() / 8.0 / rowBytes);
            if (fit < fragment) {
                fragment = Math.max(MIN_SPLIT_FRAGMENT, fit / MIN_SPLIT_FRAGMENT * MIN_SPLIT_FRAGMENT);
                why.append(String.format(Locale.ROOT, "; at %.1f bytes a row (as encoded), a fragment of every "
                        + "column must stay within an eighth of one GPU's %,d MiB so several fit with the query's "
                        + "buffers: %,d rows", rowBytes, options.gpuMemoryBytes() >> 20, fragment));
            }
        }
        out.add(new SchemaAdvice.Option("fragment_size", Long.toString(fragment), why.toString()));
        return fragment;
    }

    private static long roundUp(long value, long unit) {
        return (value + unit - 1) / unit * unit;
    }

    private static void sortColumn(TableProfile profile, AdviceOptions options, long fragment,
                                   List<SchemaAdvice.Option> out, List<String> notes) {
        Optional<ColumnProfile> chosen = profile.rangeColumn(options.rangeColumns());
        boolean given = chosen.isPresent() && options.rangeColumns().stream()
                .anyMatch(name -> name.equalsIgnoreCase(chosen.get().name()));
        String how = given ? "the first range column given"
                : "the date/timestamp column (range predicates usually filter on time)";
        if (chosen.isEmpty()) {
            notes.add("no sort_column: the table has no date or timestamp column; name the column your range "
                    + "filters use (--range-column) to get one");
            return;
        }
        ColumnProfile c = chosen.get();
        String order = Double.isNaN(c.ascending()) ? "" : String.format(Locale.ROOT,
                "; the data are %s (%.1f%% of steps ascend)", c.sorted() ? "sorted by it already"
                        : c.nearlySorted() ? "nearly sorted by it" : "not in its order", 100 * c.ascending());
        String reason = how + ": with rows in this column's order, each fragment holds a narrow range of it and "
                + "filters on it can skip fragments by their min/max metadata (HeavyDB's documented sort_column "
                + "option orders loaded data by it; load in this order as well)" + order;
        if (profile.rows() <= fragment) {
            reason += String.format(Locale.ROOT, "; at %,d rows the table is one fragment, so nothing is skipped "
                    + "until it grows past %,d rows", profile.rows(), fragment);
        }
        out.add(new SchemaAdvice.Option("sort_column", c.name(), reason));
    }

    private static void shard(TableProfile profile, AdviceOptions options, List<SchemaAdvice.Option> out,
                              List<String> notes) {
        if (options.joinKey().isEmpty()) {
            notes.add("no shard key: none asked for (--join-key COLUMN with --gpus N > 1 makes joins on it "
                    + "shard-local)");
            return;
        }
        Optional<ColumnProfile> key = profile.column(options.joinKey());
        if (key.isEmpty() || !(key.get().type() == LogicalType.STRING || key.get().type() == LogicalType.INT32
                || key.get().type() == LogicalType.INT64 || key.get().type() == LogicalType.INT16
                || key.get().type() == LogicalType.INT8)) {
            notes.add("no shard key: join key '" + options.joinKey() + "' is not an integer or text column of "
                    + "the table");
        } else if (options.gpus() <= 1) {
            notes.add("no shard key: sharding by '" + options.joinKey() + "' pays with more than one GPU, and "
                    + (options.gpus() == 0 ? "none were given (--gpus)" : "there is one"));
        } else {
            out.add(new SchemaAdvice.Option("shard_key", key.get().name(), "joins on it run shard by shard, "
                    + "each GPU joining its own rows; the other table of the join needs the same shard key and "
                    + "count"));
            out.add(new SchemaAdvice.Option("shard_count", Integer.toString(options.gpus()), "one shard per GPU"));
        }
    }
}
