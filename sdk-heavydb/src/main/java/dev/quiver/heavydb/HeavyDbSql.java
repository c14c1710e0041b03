package dev.quiver.heavydb;

import dev.quiver.api.store.Order;
import dev.quiver.api.store.Predicate;
import dev.quiver.api.store.StoreException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The SQL text HeavyDbStore sends. HeavyDB's Thrift API has no bound parameters, so values are rendered as typed
 * literals by this class, never spliced as given: integers and finite doubles in their canonical form, text in single
 * quotes with each quote doubled, booleans as {@code TRUE}/{@code FALSE}, dates as {@code DATE '2020-01-31'},
 * instants as {@code TIMESTAMP(3) '2020-01-31 12:00:00.000'}, {@code null} as {@code NULL}. A user's {@code ?}
 * placeholders are found outside quoted text, quoted identifiers and comments.
 *
 * <p>Thread-safety: stateless.
 */
final class HeavyDbSql {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private HeavyDbSql() {
    }

    /** A value as a HeavyDB literal. */
    static String literal(Object v) {
        return switch (v) {
            case null -> "NULL";
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case Double d when Double.isFinite(d) -> Double.toString(d);
            case Double d -> throw new IllegalArgumentException("the value " + d + " has no SQL literal");
            case String s -> "'" + s.replace("'", "''") + "'";
            case Boolean b -> b ? "TRUE" : "FALSE";
            case LocalDate d -> "DATE '" + d + "'";
            case Instant t -> "TIMESTAMP(3) '" + TIMESTAMP.format(t) + "'";
            default -> throw new IllegalArgumentException("a " + v.getClass().getSimpleName() + " cannot be bound "
                    + "(use Long, Integer, Double, String, Boolean, LocalDate, Instant or null)");
        };
    }

    /**
     * The statement with each {@code ?} placeholder replaced by the next value's literal.
     *
     * @throws StoreException if the counts of placeholders and values differ
     */
    static String bind(String sql, List<?> params) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * params.size());
        int next = 0;
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2; // a doubled quote inside
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                out.append(sql, i, Math.min(end + 1, n));
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end - 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end - 1;
            } else if (c == '?') {
                if (next >= params.size()) {
                    throw new StoreException("the statement has more ? placeholders than the " + params.size()
                            + " values given");
                }
                out.append(literal(params.get(next++)));
            } else {
                out.append(c);
            }
        }
        if (next != params.size()) {
            throw new StoreException("the statement has " + next + " ? placeholders but " + params.size()
                    + " values were given");
        }
        return out.toString();
    }

    /** A predicate as HeavyDB SQL, its values as literals. */
    static void where(Predicate p, StringBuilder sql) {
        switch (p) {
            case Predicate.Compare c -> sql.append(quote(c.column())).append(' ').append(c.op().sql()).append(' ')
                    .append(literal(c.value()));
            case Predicate.Between b -> sql.append(quote(b.column())).append(" BETWEEN ").append(literal(b.low()))
                    .append(" AND ").append(literal(b.high()));
            case Predicate.In in -> {
                sql.append(quote(in.column())).append(" IN (");
                for (int i = 0; i < in.values().size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append(literal(in.values().get(i)));
                }
                sql.append(')');
            }
            case Predicate.IsNull n -> sql.append(quote(n.column())).append(n.negated() ? " IS NOT NULL" : " IS NULL");
            case Predicate.And a -> join(a.terms(), " AND ", sql);
            case Predicate.Or o -> join(o.terms(), " OR ", sql);
            case Predicate.Not n -> {
                sql.append("NOT (");
                where(n.term(), sql);
                sql.append(')');
            }
        }
    }

    private static void join(List<Predicate> terms, String op, StringBuilder sql) {
        sql.append('(');
        for (int i = 0; i < terms.size(); i++) {
            sql.append(i == 0 ? "" : op);
            where(terms.get(i), sql);
        }
        sql.append(')');
    }

    /** The ORDER BY clause, or nothing. */
    static String orderBy(List<Order> keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            Order o = keys.get(i);
            sb.append(i == 0 ? " ORDER BY " : ", ").append(quote(o.column())).append(o.ascending() ? " ASC" : " DESC")
                    .append(" NULLS LAST");
        }
        return sb.toString();
    }

    /** A column or table name, checked and quoted by the dialect. */
    static String quote(String name) {
        return HeavyDbDialect.quote(name, "column or table");
    }

    /** Whether a statement returns rows (so runs through {@code sql_execute_df}). */
    static boolean returnsRows(String sql) {
        String s = sql.stripLeading();
        while (s.startsWith("--") || s.startsWith("/*")) {
            int end = s.startsWith("--") ? s.indexOf('\n') : s.indexOf("*/");
            s = end < 0 ? "" : s.substring(end + (s.startsWith("--") ? 1 : 2)).stripLeading();
        }
        String word = s.split("[\\s(]", 2)[0].toUpperCase(java.util.Locale.ROOT);
        return word.equals("SELECT") || word.equals("WITH") || word.equals("VALUES");
    }
}
