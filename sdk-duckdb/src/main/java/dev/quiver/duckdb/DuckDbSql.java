package dev.quiver.duckdb;

import dev.quiver.api.store.Identifiers;
import dev.quiver.api.store.Order;
import dev.quiver.api.store.Predicate;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The SQL text DuckDbStore writes: quoted identifiers, predicates with {@code ?} placeholders, and the binding of
 * values to them. Nothing a user gives is spliced into SQL: names are checked by {@link Identifiers} and quoted,
 * values are bound.
 *
 * <p>Thread-safety: stateless.
 */
final class DuckDbSql {
    private DuckDbSql() {
    }

    /** A checked identifier in double quotes. */
    static String quote(String identifier) {
        return '"' + Identifiers.require(identifier, "column or table") + '"';
    }

    /** Appends the predicate's SQL to {@code sql}, adding the values its placeholders take to {@code params}. */
    static void where(Predicate p, StringBuilder sql, List<Object> params) {
        switch (p) {
            case Predicate.Compare c -> {
                sql.append(quote(c.column())).append(' ').append(c.op().sql()).append(' ');
                value(c.value(), sql, params);
            }
            case Predicate.Between b -> {
                sql.append(quote(b.column())).append(" BETWEEN ");
                value(b.low(), sql, params);
                sql.append(" AND ");
                value(b.high(), sql, params);
            }
            case Predicate.In in -> {
                sql.append(quote(in.column())).append(" IN (");
                for (int i = 0; i < in.values().size(); i++) {
                    sql.append(i == 0 ? "" : ", ");
                    value(in.values().get(i), sql, params);
                }
                sql.append(')');
            }
            case Predicate.IsNull n -> sql.append(quote(n.column())).append(n.negated() ? " IS NOT NULL" : " IS NULL");
            case Predicate.And a -> join(a.terms(), " AND ", sql, params);
            case Predicate.Or o -> join(o.terms(), " OR ", sql, params);
            case Predicate.Not n -> {
                sql.append("NOT (");
                where(n.term(), sql, params);
                sql.append(')');
            }
        }
    }

    private static void join(List<Predicate> terms, String op, StringBuilder sql, List<Object> params) {
        sql.append('(');
        for (int i = 0; i < terms.size(); i++) {
            sql.append(i == 0 ? "" : op);
            where(terms.get(i), sql, params);
        }
        sql.append(')');
    }

    /** A placeholder for one value, typed so that DuckDB compares it with the column by value, not by text. */
    private static void value(Object v, StringBuilder sql, List<Object> params) {
        switch (v) {
            // microseconds since the epoch: no JVM or session time zone is involved
            case Instant i -> {
                sql.append("make_timestamp(?)");
                params.add(Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000));
            }
            case LocalDate d -> {
                sql.append("CAST(? AS DATE)");
                params.add(d.toString());
            }
            default -> {
                sql.append('?');
                params.add(v);
            }
        }
    }

    /** The ORDER BY clause, or nothing. */
    static String orderBy(List<Order> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            Order o = keys.get(i);
            sb.append(i == 0 ? "" : ", ").append(quote(o.column())).append(o.ascending() ? " ASC" : " DESC")
                    .append(" NULLS LAST");
        }
        return sb.toString();
    }

    /** Binds the values of {@link #where} (and of a user's query) to a statement's placeholders, in order. */
    static void bind(PreparedStatement st, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            int at = i + 1;
            switch (params.get(i)) {
                case null -> st.setNull(at, Types.NULL);
                case Long l -> st.setLong(at, l);
                case Integer n -> st.setInt(at, n);
                case Double d -> st.setDouble(at, d);
                case String s -> st.setString(at, s);
                case Boolean b -> st.setBoolean(at, b);
                case LocalDate d -> st.setObject(at, d);
                // a TIMESTAMP (no time zone) holding the UTC wall time: the instant, whatever the JVM's zone
                case Instant t -> st.setObject(at, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
                default -> throw new IllegalArgumentException("parameter " + at + ": a "
                        + params.get(i).getClass().getSimpleName() + " cannot be bound (use Long, Integer, Double, "
                        + "String, Boolean, LocalDate, Instant or null)");
            }
        }
    }
}
