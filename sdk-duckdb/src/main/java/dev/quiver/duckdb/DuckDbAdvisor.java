package dev.quiver.duckdb;

import dev.quiver.api.store.AdviceOptions;
import dev.quiver.api.store.ColumnProfile;
import dev.quiver.api.store.SchemaAdvice;
import dev.quiver.api.store.SchemaAdvisor;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.TableProfile;
import dev.quiver.api.table.LogicalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * DuckDB's schema advisor. The rules (documented in docs/store.md, "The schema advisor"):
 * <ul>
 *   <li>Text with at most {@value #ENUM_MAX_VALUES} distinct values, each repeated at least
 *       {@value #ENUM_MIN_REPEATS} times on average: {@code ENUM}, applied after loading by SQL the advice
 *       carries.</li>
 *   <li>{@code sort_key}: the first range column given, else the most sorted date or timestamp column, then the text
 *       columns advised as {@code ENUM}, fewest values first: zone maps skip row groups.</li>
 *   <li>Everything else: DuckDB's own compression, nothing to choose.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class DuckDbAdvisor implements SchemaAdvisor {
    static final DuckDbAdvisor INSTANCE = new DuckDbAdvisor();
    static final int ENUM_MAX_VALUES = 1_000;
    static final int ENUM_MIN_REPEATS = 10;
    static final long ROW_GROUP_ROWS = 122_880;

    static final List<String> NOTES = List.of(
            "DuckDB compresses every column itself, per column segment (constant, RLE, bitpacking, "
                    + "frame-of-reference, dictionary and FSST for text, Chimp/Patas and ALP for floating point): "
                    + "there is no per-column codec to choose, and the DICTIONARY, DAYS and FIXED hints change "
                    + "nothing in DuckDB.",
            "DuckDB needs no index for scans: each row group (122,880 rows) keeps min/max statistics per column "
                    + "(zone maps), and filters skip row groups whose range misses them, the better the more the "
                    + "rows are ordered by the filtered column. Its ART indexes serve PRIMARY KEY/UNIQUE "
                    + "constraints and point lookups, which these tables do not need.",
            "DuckDB tables have no partitions; loading in sort-key order is what makes date filters cheap.");

    private DuckDbAdvisor() {
    }

    @Override
    public SchemaAdvice advise(TableProfile profile, AdviceOptions options) {
        List<SchemaAdvice.Column> columns = new ArrayList<>();
        List<ColumnProfile> enums = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (ColumnProfile c : profile.columns()) {
            StoreField f = StoreField.of(c.name(), c.type());
            String declared = DuckDbTypes.sqlType(f);
            if (c.type() == LogicalType.STRING && enumWorthy(c)) {
                enums.add(c);
                columns.add(new SchemaAdvice.Column(f, "ENUM (" + c.distinct() + " values)", String.format(
                        Locale.ROOT, "%,d distinct values, each repeated %,.0f times on average: an ENUM compares, "
                                + "groups and joins on 1-2 byte codes; DuckDB already dictionary-compresses VARCHAR "
                                + "on disk, so the gain is in queries. It is a closed set: a later load with a new "
                                + "value fails, so only for fixed sets (symbols, strategies, sides)", c.distinct(),
                        (double) c.values() / c.distinct())));
            } else {
                String why = switch (c.type()) {
                    case STRING -> c.distinctExact() && c.distinct() <= ENUM_MAX_VALUES
                            ? String.format(Locale.ROOT, "%,d distinct values repeat too little (%,.1f times on "
                                    + "average) to be a closed set: VARCHAR, which DuckDB dictionary- or "
                                    + "FSST-compresses itself", c.distinct(),
                                    c.distinct() == 0 ? 0.0 : (double) c.values() / c.distinct())
                            : String.format(Locale.ROOT, "%s%,d distinct values: VARCHAR, which DuckDB "
                                    + "dictionary- or FSST-compresses itself", c.distinctExact() ? "" : "about ",
                                    c.distinct());
                    default -> "DuckDB picks the compression itself";
                };
                columns.add(new SchemaAdvice.Column(f, declared, why));
            }
        }
        List<SchemaAdvice.Option> opts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        sortKey(profile, options, enums, opts, notes);
        notes.addAll(NOTES);
        if (!options.joinKey().isEmpty() || options.gpus() > 1) {
            notes.add("DuckDB runs on the CPU of one machine: it has no sharding, and the GPU and join-key settings "
                    + "change nothing here.");
        }
        for (ColumnProfile c : enums) {
            String column = DuckDbSql.quote(c.name());
            String type = "\"{table}_" + c.name() + "_enum\"";
            statements.add("CREATE TYPE " + type + " AS ENUM (SELECT DISTINCT " + column + " FROM \"{table}\" WHERE "
                    + column + " IS NOT NULL ORDER BY 1)");
            statements.add("ALTER TABLE \"{table}\" ALTER " + column + " TYPE " + type);
        }
        return new SchemaAdvice("duckdb", columns, opts, notes, statements);
    }

    private static boolean enumWorthy(ColumnProfile c) {
        return c.distinctExact() && c.distinct() > 0 && c.distinct() <= ENUM_MAX_VALUES
                && c.values() >= (long) ENUM_MIN_REPEATS * c.distinct();
    }

    private static void sortKey(TableProfile profile, AdviceOptions options, List<ColumnProfile> enums,
                                List<SchemaAdvice.Option> out, List<String> notes) {
        Optional<ColumnProfile> first = profile.rangeColumn(options.rangeColumns());
        List<String> key = new ArrayList<>();
        first.ifPresent(c -> key.add(c.name()));
        enums.stream().sorted(Comparator.comparingLong(ColumnProfile::distinct))
                .filter(c -> !key.contains(c.name())).forEach(c -> key.add(c.name()));
        if (key.isEmpty()) {
            notes.add("no sort key: no date, timestamp or low-cardinality text column; name the column your range "
                    + "filters use (--range-column) to get one");
            return;
        }
        String reason = "load in this order (--sort-key): each row group then holds a narrow range of "
                + key.getFirst() + (key.size() > 1 ? ", and within a date the rows of one " + key.get(1)
                + " lie together" : "") + ", so zone maps skip the row groups a filter misses";
        if (first.isPresent() && !Double.isNaN(first.get().ascending())) {
            reason += String.format(Locale.ROOT, "; the data are %s by %s (%.1f%% of steps ascend)",
                    first.get().sorted() ? "sorted" : first.get().nearlySorted() ? "nearly sorted" : "not sorted",
                    first.get().name(), 100 * first.get().ascending());
        }
        if (profile.rows() <= ROW_GROUP_ROWS) {
            reason += String.format(Locale.ROOT, "; at %,d rows the table is one row group, so nothing is skipped "
                    + "until it grows past %,d rows", profile.rows(), ROW_GROUP_ROWS);
        }
        out.add(new SchemaAdvice.Option("sort_key", String.join(",", key), reason));
    }
}
