package dev.quiver.api.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A row filter a store evaluates itself (pushed into its SQL as bound parameters, never spliced): comparisons,
 * ranges and IN lists on columns, null tests, and their conjunctions, disjunctions and negations.
 *
 * <p>Values are {@link Long}, {@link Integer}, {@link Double}, {@link String}, {@link Boolean}, {@link LocalDate} or
 * {@link Instant}; a store compares them with the column by SQL's rules. A comparison with a null is not a predicate
 * (SQL would select nothing): use {@link #isNull}.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface Predicate {

    /** A comparison operator. */
    enum Op {
        /** {@code =} */
        EQ("="),
        /** {@code <>} */
        NE("<>"),
        /** {@code <} */
        LT("<"),
        /** {@code <=} */
        LE("<="),
        /** {@code >} */
        GT(">"),
        /** {@code >=} */
        GE(">=");

        private final String sql;

        Op(String sql) {
            this.sql = sql;
        }

        /** The SQL operator. */
        public String sql() {
            return sql;
        }
    }

    /**
     * {@code column op value}.
     *
     * @param column the column
     * @param op the operator
     * @param value the value
     */
    record Compare(String column, Op op, Object value) implements Predicate {
        /** @throws IllegalArgumentException if the value is null or of an unsupported type */
        public Compare {
            Identifiers.require(column, "column");
            Objects.requireNonNull(op, "op");
            checkValue(column, value);
        }
    }

    /**
     * {@code column BETWEEN low AND high}, both ends included.
     *
     * @param column the column
     * @param low the smallest value selected
     * @param high the largest value selected
     */
    record Between(String column, Object low, Object high) implements Predicate {
        /** @throws IllegalArgumentException if a bound is null or of an unsupported type */
        public Between {
            Identifiers.require(column, "column");
            checkValue(column, low);
            checkValue(column, high);
        }
    }

    /**
     * {@code column IN (values)}.
     *
     * @param column the column
     * @param values at least one value
     */
    record In(String column, List<?> values) implements Predicate {
        /** @throws IllegalArgumentException if the list is empty or holds a null or an unsupported value */
        public In {
            Identifiers.require(column, "column");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("column '" + column + "': IN needs at least one value");
            }
            for (Object v : values) {
                checkValue(column, v);
            }
        }
    }

    /**
     * {@code column IS NULL}, or {@code IS NOT NULL}.
     *
     * @param column the column
     * @param negated whether the test is {@code IS NOT NULL}
     */
    record IsNull(String column, boolean negated) implements Predicate {
        /** @throws StoreException if the column name is invalid */
        public IsNull {
            Identifiers.require(column, "column");
        }
    }

    /**
     * Every one of the terms.
     *
     * @param terms at least one term
     */
    record And(List<Predicate> terms) implements Predicate {
        /** @throws IllegalArgumentException if there are no terms */
        public And {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("AND needs at least one term");
            }
        }
    }

    /**
     * Any one of the terms.
     *
     * @param terms at least one term
     */
    record Or(List<Predicate> terms) implements Predicate {
        /** @throws IllegalArgumentException if there are no terms */
        public Or {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("OR needs at least one term");
            }
        }
    }

    /**
     * The opposite of a term.
     *
     * @param term the term
     */
    record Not(Predicate term) implements Predicate {
        /** @throws NullPointerException if the term is null */
        public Not {
            Objects.requireNonNull(term, "term");
        }
    }

    /** {@code column = value}. */
    static Predicate eq(String column, Object value) {
        return new Compare(column, Op.EQ, value);
    }

    /** {@code column <> value}. */
    static Predicate ne(String column, Object value) {
        return new Compare(column, Op.NE, value);
    }

    /** {@code column < value}. */
    static Predicate lt(String column, Object value) {
        return new Compare(column, Op.LT, value);
    }

    /** {@code column <= value}. */
    static Predicate le(String column, Object value) {
        return new Compare(column, Op.LE, value);
    }

    /** {@code column > value}. */
    static Predicate gt(String column, Object value) {
        return new Compare(column, Op.GT, value);
    }

    /** {@code column >= value}. */
    static Predicate ge(String column, Object value) {
        return new Compare(column, Op.GE, value);
    }

    /** {@code column BETWEEN low AND high}. */
    static Predicate between(String column, Object low, Object high) {
        return new Between(column, low, high);
    }

    /** {@code column IN (values)}. */
    static Predicate in(String column, Object... values) {
        return new In(column, List.of(values));
    }

    /** {@code column IS NULL}. */
    static Predicate isNull(String column) {
        return new IsNull(column, false);
    }

    /** {@code column IS NOT NULL}. */
    static Predicate isNotNull(String column) {
        return new IsNull(column, true);
    }

    /** Every one of the terms. */
    static Predicate and(Predicate... terms) {
        return new And(List.of(terms));
    }

    /** Any one of the terms. */
    static Predicate or(Predicate... terms) {
        return new Or(List.of(terms));
    }

    /** The opposite of a term. */
    static Predicate not(Predicate term) {
        return new Not(term);
    }

    /**
     * Checks a value a predicate or a query may bind.
     *
     * @throws IllegalArgumentException naming the column if it is null or of an unsupported type
     */
    static void checkValue(String column, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("column '" + column + "': compare with null through isNull, not a "
                    + "value (SQL selects nothing for = NULL)");
        }
        if (!(value instanceof Long || value instanceof Integer || value instanceof Double || value instanceof String
                || value instanceof Boolean || value instanceof LocalDate || value instanceof Instant)) {
            throw new IllegalArgumentException("column '" + column + "': a " + value.getClass().getSimpleName()
                    + " cannot be bound (use Long, Integer, Double, String, Boolean, LocalDate or Instant)");
        }
        if (value instanceof Double d && d.isNaN()) {
            throw new IllegalArgumentException("column '" + column + "': NaN is a missing value here; use isNull");
        }
    }
}
