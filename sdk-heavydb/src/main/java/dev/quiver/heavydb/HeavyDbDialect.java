package dev.quiver.heavydb;

import dev.quiver.api.store.ColumnEncoding;
import dev.quiver.api.store.StorageOptions;
import dev.quiver.api.store.StoreException;
import dev.quiver.api.store.StoreField;
import dev.quiver.api.store.StoreSchema;
import dev.quiver.api.table.ColumnType;
import dev.quiver.api.table.Field;
import dev.quiver.api.table.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HeavyDB's SQL dialect as Quiver uses it: table DDL from a {@link Schema} and {@link StorageOptions}, identifier
 * checks and quoting, and the mapping of HeavyDB column types back to {@link ColumnType}s.
 *
 * <h2>Types</h2>
 * <table>
 *   <caption>Quiver to HeavyDB</caption>
 *   <tr><th>Quiver</th><th>HeavyDB</th></tr>
 *   <tr><td>{@code FLOAT64}</td><td>{@code DOUBLE}</td></tr>
 *   <tr><td>{@code INT64}</td><td>{@code BIGINT}</td></tr>
 *   <tr><td>{@code INT32}</td><td>{@code INTEGER}</td></tr>
 *   <tr><td>{@code STRING}</td><td>{@code TEXT ENCODING DICT(32)}</td></tr>
 * </table>
 * {@code INT64} is always {@code BIGINT}, timestamps included. Quiver's timestamps are {@code INT64} milliseconds
 * since the epoch, and a {@link Schema} does not say which {@code INT64} column is a time: a {@code BIGINT} keeps
 * every value exact and the round trip lossless, where {@code TIMESTAMP(3)} would need that knowledge and would change
 * the type on the way back. SQL over such a column can still convert it ({@code TO_TIMESTAMP(time / 1000)}).
 * {@code STRING} maps to a 32-bit dictionary, the same encoding Quiver's string columns use in memory.
 *
 * <h2>Identifiers</h2>
 * Table and column names must match {@code [A-Za-z_][A-Za-z0-9_]*} (the Store contract) and must not be one of
 * {@link #RESERVED}, compared case-insensitively. Generated SQL always double-quotes them, keeping their case; HeavyDB
 * itself resolves names case-insensitively, so two columns whose names differ only in case are rejected. Quoting is
 * what lets market-data names that HeavyDB lists as keywords ({@code open}, {@code close}, {@code time},
 * {@code date}, {@code value} ...) be used; {@link #RESERVED} keeps out the words that would make hand-written SQL
 * against the table unreadable or ambiguous (statement and clause keywords, operators, literals, type names) and
 * HeavyDB's own hidden column {@code rowid}.
 *
 * <h2>Storage options</h2>
 * <ul>
 *   <li>{@link StorageOptions#sortKey()}: its first column becomes {@code sort_column} (HeavyDB sorts by one column
 *       on import); later columns are ignored, as the Store contract allows.</li>
 *   <li>{@link StorageOptions#shardKey()}: {@code SHARD KEY ("col")} in the column list; the column must be an
 *       integer or a string, and the property {@code shard_count} is required with it (HeavyDB has no default).</li>
 *   <li>{@link StorageOptions#properties()}: HeavyDB's table options, keys case-insensitive, written in this order:
 *       {@code fragment_size}, {@code max_chunk_size}, {@code page_size}, {@code max_rows} (positive integers),
 *       {@code max_rollback_epochs} (integer {@code >= 0}), {@code partitions} ({@code SHARDED} or
 *       {@code REPLICATED}), {@code vacuum} ({@code IMMEDIATE} or {@code DELAYED}), {@code sort_column} (a column;
 *       only where it agrees with the sort key), {@code shard_count} (a positive integer; only with a shard key).
 *       Any other key is an error, so a typo does not silently become a default.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class HeavyDbDialect {

    /** The identifier syntax of the Store contract. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Names rejected for tables and columns, upper case. Taken from HeavyDB's reserved keywords (its
     * {@code Parser/ReservedKeywords.h}, which follows Calcite's list): the statement, clause and join keywords,
     * operators and literals, and the type names, plus HeavyDB's hidden {@code ROWID} column. HeavyDB keywords that are
     * ordinary column names in market data ({@code OPEN}, {@code CLOSE}, {@code TIME}, {@code TIMESTAMP},
     * {@code DATE}, {@code YEAR} ... {@code VALUE}, {@code MIN}, {@code MAX}, {@code COUNT}) are left out on purpose:
     * quoting makes them safe, and rejecting them would make OHLCV tables impossible.
     */
    static final Set<String> RESERVED = Set.of(
            // statements and DDL
            "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE", "RENAME",
            "COPY", "GRANT", "REVOKE", "COMMIT", "ROLLBACK", "EXPLAIN", "DESCRIBE", "SHOW", "TABLE", "VIEW",
            "DATABASE", "SCHEMA", "COLUMN", "CONSTRAINT", "PRIMARY", "FOREIGN", "REFERENCES", "UNIQUE", "CHECK",
            "DEFAULT", "TEMPORARY", "SET", "VALUES", "INTO",
            // clauses, joins, set operations
            "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC", "LIMIT", "OFFSET", "FETCH", "WITH",
            "AS", "ON", "USING", "JOIN", "INNER", "OUTER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "LATERAL",
            "UNION", "INTERSECT", "EXCEPT", "DISTINCT", "ALL", "ANY", "SOME", "WINDOW", "OVER", "PARTITION",
            "ROWS", "RANGE",
            // expressions, operators and literals
            "AND", "OR", "NOT", "IS", "IN", "LIKE", "ILIKE", "SIMILAR", "BETWEEN", "EXISTS", "CASE", "WHEN", "THEN",
            "ELSE", "END", "CAST", "NULL", "TRUE", "FALSE", "UNKNOWN", "IF",
            // type names (DATE, TIME, TIMESTAMP stay allowed: see above)
            "BIGINT", "INTEGER", "INT", "SMALLINT", "TINYINT", "DOUBLE", "FLOAT", "REAL", "DECIMAL", "NUMERIC",
            "DEC", "TEXT", "VARCHAR", "CHAR", "CHARACTER", "BOOLEAN", "BINARY", "VARBINARY", "ARRAY", "INTERVAL",
            // HeavyDB internals
            "ROWID");

    /** HeavyDB's table options that Quiver passes through, in the order they are written. */
    private static final List<String> OPTION_ORDER = List.of("fragment_size", "max_chunk_size", "page_size",
            "max_rows", "max_rollback_epochs", "partitions", "vacuum", "sort_column", "shard_count");

    private static final Set<String> POSITIVE_INTEGER_OPTIONS = Set.of("fragment_size", "max_chunk_size",
            "page_size", "max_rows", "shard_count");

    /**
     * A type's first word, then an optional parameter list and anything (encoding, nullability, {@code PRECISION})
     * that does not change which Quiver type holds it. Array types ({@code INTEGER[]}) do not match.
     */
    private static final Pattern TYPE_NAME = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(\\([^)\\[]*\\))?"
            + "(\\s+[^\\[]*)?");

    private HeavyDbDialect() {
    }

    /**
     * The {@code CREATE TABLE} statement for a table of these Quiver columns (each nullable, with HeavyDB's default
     * encodings): {@link #createTable(String, StoreSchema, StorageOptions)} of {@link StoreSchema#of(Schema)}.
     *
     * @throws StoreException as the other form, and if the schema is empty or two names differ only in case
     */
    static String createTable(String table, Schema schema, StorageOptions options) {
        String quotedTable = quote(table, "table");
        if (schema.size() == 0) {
            throw new StoreException("cannot create HeavyDB table " + quotedTable + ": the schema has no columns");
        }
        Map<String, String> seen = new HashMap<>();
        for (Field field : schema.fields()) {
            quote(field.name(), "column of table " + quotedTable);
            String clash = seen.putIfAbsent(field.name().toUpperCase(Locale.ROOT), field.name());
            if (clash != null) {
                throw new StoreException("cannot create HeavyDB table " + quotedTable + ": columns '" + clash
                        + "' and '" + field.name() + "' differ only in case, and HeavyDB compares names "
                        + "case-insensitively");
            }
        }
        return createTable(table, StoreSchema.of(schema), options);
    }

    /**
     * The {@code CREATE TABLE} statement for a table of these stored columns laid out by these options, on one line
     * and without a trailing semicolon, e.g.
     * {@code CREATE TABLE "bars" ("symbol" TEXT ENCODING DICT(16), "time" TIMESTAMP(3) NOT NULL, "close" DOUBLE,
     * SHARD KEY ("symbol")) WITH (fragment_size = 32000000, sort_column = 'time', shard_count = 4)}.
     *
     * @throws StoreException naming the table and the offending name, option or value if a name is invalid or
     *     reserved, an encoding has no HeavyDB form, a sort or shard column is missing or of the wrong type, or an
     *     option is unknown, malformed or inconsistent
     */
    static String createTable(String table, StoreSchema schema, StorageOptions options) {
        String quotedTable = quote(table, "table");
        List<String> elements = new ArrayList<>();
        for (StoreField field : schema.fields()) {
            String quoted = quote(field.name(), "column of table " + quotedTable);
            elements.add(quoted + " " + sqlType(quotedTable, field) + (field.nullable() ? "" : " NOT NULL"));
        }
        Map<String, String> with = tableOptions(quotedTable, schema, options);
        if (!options.shardKey().isEmpty()) {
            elements.add("SHARD KEY (" + quote(options.shardKey(), "shard key") + ")");
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quotedTable).append(" (")
                .append(String.join(", ", elements)).append(')');
        if (!with.isEmpty()) {
            List<String> assignments = new ArrayList<>();
            with.forEach((key, value) -> assignments.add(key + " = " + value));
            sql.append(" WITH (").append(String.join(", ", assignments)).append(')');
        }
        return sql.toString();
    }

    /**
     * The HeavyDB column type of a stored column, encoding included:
     * <table>
     *   <caption>Quiver to HeavyDB</caption>
     *   <tr><th>Quiver</th><th>HeavyDB (default encoding; hints)</th></tr>
     *   <tr><td>BOOLEAN</td><td>BOOLEAN</td></tr>
     *   <tr><td>INT8, INT16</td><td>TINYINT, SMALLINT</td></tr>
     *   <tr><td>INT32, INT64</td><td>INTEGER, BIGINT; FIXED(8|16) or FIXED(8|16|32): {@code ENCODING FIXED(n)}</td></tr>
     *   <tr><td>FLOAT32, FLOAT64</td><td>FLOAT, DOUBLE</td></tr>
     *   <tr><td>STRING</td><td>TEXT ENCODING DICT(32); DICTIONARY(8|16|32): DICT(n); NONE: ENCODING NONE</td></tr>
     *   <tr><td>DATE</td><td>DATE (HeavyDB's DAYS(32)); DAYS(16): {@code DATE ENCODING DAYS(16)}</td></tr>
     *   <tr><td>TIMESTAMP</td><td>TIMESTAMP(0|3|6|9) by unit; FIXED(32) (seconds only):
     *       {@code TIMESTAMP(0) ENCODING FIXED(32)}</td></tr>
     * </table>
     *
     * @throws StoreException if the hint has no HeavyDB form for this column
     */
    static String sqlType(String table, StoreField f) {
        ColumnEncoding e = f.encoding();
        int bits = e.bits();
        return switch (f.type()) {
            case BOOLEAN -> "BOOLEAN";
            case INT8 -> "TINYINT";
            case INT16 -> "SMALLINT";
            case INT32 -> "INTEGER" + (e.kind() == ColumnEncoding.Kind.FIXED ? " ENCODING FIXED(" + bits + ")" : "");
            case INT64 -> "BIGINT" + (e.kind() == ColumnEncoding.Kind.FIXED ? " ENCODING FIXED(" + bits + ")" : "");
            case FLOAT32 -> "FLOAT";
            case FLOAT64 -> "DOUBLE";
            case STRING -> switch (e.kind()) {
                case NONE -> "TEXT ENCODING NONE";
                case DICTIONARY -> "TEXT ENCODING DICT(" + bits + ")";
                default -> "TEXT ENCODING DICT(32)";
            };
            case DATE -> e.kind() == ColumnEncoding.Kind.DAYS && bits == 16 ? "DATE ENCODING DAYS(16)" : "DATE";
            case TIMESTAMP -> {
                int precision = switch (f.unit()) {
                    case SECOND -> 0;
                    case MILLISECOND -> 3;
                    case MICROSECOND -> 6;
                    case NANOSECOND -> 9;
                };
                if (e.kind() == ColumnEncoding.Kind.FIXED) {
                    if (precision != 0) {
                        throw new StoreException("cannot create HeavyDB table " + table + ": column '" + f.name()
                                + "' asks for FIXED(32) timestamps, which HeavyDB has only in seconds (TimeUnit.SECOND)");
                    }
                    yield "TIMESTAMP(0) ENCODING FIXED(32)";
                }
                yield "TIMESTAMP(" + precision + ")";
            }
        };
    }

    /**
     * {@code DROP TABLE IF EXISTS "table"}: dropping a missing table does nothing, as the Store contract requires.
     *
     * @throws StoreException if the name is invalid or reserved
     */
    static String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + quote(table, "table");
    }

    /**
     * The HeavyDB column type for a Quiver type, as written in DDL.
     */
    static String sqlType(ColumnType type) {
        return switch (type) {
            case FLOAT64 -> "DOUBLE";
            case INT64 -> "BIGINT";
            case INT32 -> "INTEGER";
            case STRING -> "TEXT ENCODING DICT(32)";
        };
    }

    /**
     * The Quiver type that holds a HeavyDB column of this type, for reading result sets. Accepts DDL spellings and
     * the names of HeavyDB's Thrift {@code TDatumType}, case-insensitively, with or without a parameter list,
     * encoding or nullability ({@code TEXT ENCODING DICT(32)}, {@code TIMESTAMP(3)}, {@code BIGINT NOT NULL}):
     * <ul>
     *   <li>{@code DOUBLE}, {@code DOUBLE PRECISION}, {@code FLOAT}, {@code REAL} to {@code FLOAT64} (a 32-bit
     *       {@code FLOAT} widens exactly);</li>
     *   <li>{@code BIGINT}, {@code TIMESTAMP} (any precision) to {@code INT64}; the reader converts a
     *       {@code TIMESTAMP}'s unit (seconds for {@code TIMESTAMP(0)}) to milliseconds;</li>
     *   <li>{@code INTEGER}, {@code INT}, {@code SMALLINT}, {@code TINYINT} to {@code INT32};</li>
     *   <li>{@code TEXT}, {@code VARCHAR}, {@code STR} to {@code STRING}.</li>
     * </ul>
     *
     * @param column the column's name, for the error message
     * @param heavyDbType the type as HeavyDB reports it
     * @throws StoreException naming the column and the type if the type is not one of these (e.g. {@code DECIMAL},
     *     {@code BOOLEAN}, {@code DATE}, arrays, geo types)
     */
    static ColumnType columnType(String column, String heavyDbType) {
        Matcher m = TYPE_NAME.matcher(heavyDbType == null ? "" : heavyDbType);
        String name = m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : "";
        ColumnType type = switch (name) {
            case "DOUBLE", "FLOAT", "REAL" -> ColumnType.FLOAT64;
            case "BIGINT", "TIMESTAMP" -> ColumnType.INT64;
            case "INTEGER", "INT", "SMALLINT", "TINYINT" -> ColumnType.INT32;
            case "TEXT", "VARCHAR", "STR" -> ColumnType.STRING;
            default -> null;
        };
        if (type == null) {
            throw new StoreException("column '" + column + "' has the HeavyDB type '" + heavyDbType
                    + "', which Quiver cannot read; supported are DOUBLE, FLOAT, BIGINT, TIMESTAMP, INTEGER, "
                    + "SMALLINT, TINYINT, TEXT and VARCHAR (cast the column in the query, e.g. CAST(x AS DOUBLE))");
        }
        return type;
    }

    /**
     * The identifier, checked and double-quoted.
     *
     * @param what what the name is, for the error message ("table", "column of table ...")
     * @throws StoreException if the name does not match {@link #IDENTIFIER} or is reserved
     */
    static String quote(String identifier, String what) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw new StoreException("invalid HeavyDB " + what + " name '" + identifier
                    + "': a name must match [A-Za-z_][A-Za-z0-9_]*");
        }
        if (RESERVED.contains(identifier.toUpperCase(Locale.ROOT))) {
            throw new StoreException("invalid HeavyDB " + what + " name '" + identifier
                    + "': it is a reserved SQL word; choose another name (e.g. '" + identifier + "_')");
        }
        return '"' + identifier + '"';
    }

    private static Map<String, String> tableOptions(String table, StoreSchema schema, StorageOptions options) {
        Map<String, String> given = new HashMap<>();
        for (Map.Entry<String, String> e : options.properties().entrySet()) {
            String key = e.getKey().trim().toLowerCase(Locale.ROOT);
            if (!OPTION_ORDER.contains(key)) {
                throw new StoreException("cannot create HeavyDB table " + table + ": unknown storage option '"
                        + e.getKey() + "'; HeavyDB table options are " + OPTION_ORDER);
            }
            if (given.put(key, e.getValue().trim()) != null) {
                throw new StoreException("cannot create HeavyDB table " + table + ": storage option '" + key
                        + "' is given twice (keys are case-insensitive)");
            }
        }
        Map<String, String> with = new LinkedHashMap<>();
        for (String key : OPTION_ORDER) {
            String value = given.get(key);
            if (value == null) {
                continue;
            }
            if (POSITIVE_INTEGER_OPTIONS.contains(key)) {
                with.put(key, Long.toString(integer(table, key, value, 1)));
            } else if (key.equals("max_rollback_epochs")) {
                with.put(key, Long.toString(integer(table, key, value, 0)));
            } else if (key.equals("partitions")) {
                with.put(key, literal(oneOf(table, key, value, "SHARDED", "REPLICATED")));
            } else if (key.equals("vacuum")) {
                with.put(key, literal(oneOf(table, key, value, "IMMEDIATE", "DELAYED")));
            }
        }

        String sortColumn = options.sortKey().isEmpty() ? null : options.sortKey().getFirst();
        String sortProperty = given.get("sort_column");
        if (sortColumn != null && sortProperty != null && !sortProperty.equals(sortColumn)) {
            throw new StoreException("cannot create HeavyDB table " + table + ": the sort key starts with '"
                    + sortColumn + "' but the option sort_column is '" + sortProperty + "'");
        }
        String sort = sortColumn != null ? sortColumn : sortProperty;
        if (sort != null) {
            // names compare ignoring case (the Store contract, and HeavyDB's); the DDL spells the column's own name
            String spelled = requireColumn(table, schema, sort, "sort column").name();
            putBefore(with, "shard_count", "sort_column", literal(spelled));
        }

        String shardKey = options.shardKey();
        if (!shardKey.isEmpty()) {
            StoreField key = requireColumn(table, schema, shardKey, "shard key");
            boolean shardable = switch (key.type()) {
                case INT8, INT16, INT32, INT64 -> true;
                case STRING -> key.encoding().kind() != ColumnEncoding.Kind.NONE;
                default -> false;
            };
            if (!shardable) {
                throw new StoreException("cannot create HeavyDB table " + table + ": shard key '" + shardKey
                        + "' is " + key.type().name() + "; HeavyDB shards on integer or dictionary-encoded text "
                        + "columns only");
            }
            if (!with.containsKey("shard_count")) {
                throw new StoreException("cannot create HeavyDB table " + table + ": shard key '" + shardKey
                        + "' needs the storage option shard_count (the number of shards, e.g. one per GPU)");
            }
            if ("'REPLICATED'".equals(with.get("partitions"))) {
                throw new StoreException("cannot create HeavyDB table " + table + ": a table with shard key '"
                        + shardKey + "' cannot also be partitions = 'REPLICATED'");
            }
        } else if (with.containsKey("shard_count")) {
            throw new StoreException("cannot create HeavyDB table " + table + ": storage option shard_count needs "
                    + "a shard key (StorageOptions.shardKey)");
        }
        return with;
    }

    private static StoreField requireColumn(String table, StoreSchema schema, String column, String role) {
        return schema.field(column).orElseThrow(() -> new StoreException("cannot create HeavyDB table "
                + table + ": " + role + " '" + column + "' is not a column; the columns are " + schema.names()));
    }

    private static long integer(String table, String key, String value, long min) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new StoreException("cannot create HeavyDB table " + table + ": storage option " + key
                    + " must be an integer, not '" + value + "'", e);
        }
        if (parsed < min) {
            throw new StoreException("cannot create HeavyDB table " + table + ": storage option " + key
                    + " must be >= " + min + ", not " + parsed);
        }
        return parsed;
    }

    private static String oneOf(String table, String key, String value, String... allowed) {
        String upper = value.toUpperCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(upper)) {
                return a;
            }
        }
        throw new StoreException("cannot create HeavyDB table " + table + ": storage option " + key + " must be one of "
                + new TreeSet<>(List.of(allowed)) + ", not '" + value + "'");
    }

    /** A SQL string literal; the values here are checked identifiers or keywords, so no quote needs escaping. */
    private static String literal(String text) {
        return "'" + text + "'";
    }

    /** Puts an entry so that the map keeps {@link #OPTION_ORDER}: before {@code next} if that is present. */
    private static void putBefore(Map<String, String> map, String next, String key, String value) {
        String nextValue = map.remove(next);
        map.put(key, value);
        if (nextValue != null) {
            map.put(next, nextValue);
        }
    }
}
