package dev.quiver.api.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link SchemaAdvisor} recommends for one table, and why.
 *
 * <p>Thread-safety: immutable.
 *
 * @param store the store the advice is for, e.g. {@code heavydb}
 * @param columns per column: the stored field with the recommended hint, the store's declaration, the reason
 * @param options recommended table options (e.g. {@code fragment_size}), each with its reason
 * @param notes plain statements about the store: what it does not have and what stands in for it
 * @param statements SQL that applies advice a Quiver load cannot express (run it after loading), possibly none;
 *     {@code {table}} stands for the table's name ({@link #statements(String)} fills it in)
 */
public record SchemaAdvice(String store, List<Column> columns, List<Option> options, List<String> notes,
                           List<String> statements) {

    /** @throws NullPointerException if an argument is null */
    public SchemaAdvice {
        Objects.requireNonNull(store, "store");
        columns = List.copyOf(columns);
        options = List.copyOf(options);
        notes = List.copyOf(notes);
        statements = List.copyOf(statements);
    }

    /**
     * The advice for one column.
     *
     * <p>Thread-safety: immutable.
     *
     * @param field the column with the recommended {@link ColumnEncoding} (and, for timestamps, unit); the default
     *     encoding where the advice is not a Quiver hint
     * @param declaration the column's type as the store would declare it, e.g. {@code TEXT ENCODING DICT(8)}
     * @param reason why, with the figures and the rule
     */
    public record Column(StoreField field, String declaration, String reason) {
        /** @throws NullPointerException if an argument is null */
        public Column {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(declaration, "declaration");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * One recommended table option.
     *
     * <p>Thread-safety: immutable.
     *
     * @param key the option, as {@code --option KEY=VALUE} or {@code --sort-key} would give it
     * @param value its value
     * @param reason why, with the figures and the rule
     */
    public record Option(String key, String value, String reason) {
        /** @throws NullPointerException if an argument is null */
        public Option {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The stored schema with the recommended hints. */
    public StoreSchema schema() {
        return new StoreSchema(columns.stream().map(Column::field).toList());
    }

    /**
     * The {@link #statements()} for the table of this name.
     *
     * @throws StoreException if the name is not a valid identifier
     */
    public List<String> statements(String table) {
        Identifiers.require(table, "table");
        return statements.stream().map(s -> s.replace("{table}", table)).toList();
    }

    /** The advice for a column, ignoring case. */
    public java.util.Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.field().name().equalsIgnoreCase(name)).findFirst();
    }

    /** The advice as text: columns, options, notes and statements, one item per line, reasons indented below. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("advice for " + store + " (heuristics from the data; reasons below each line)");
        out.add("columns");
        for (Column c : columns) {
            out.add(String.format(Locale.ROOT, "  %-28s %s", c.field().name(), c.declaration()));
            out.add("      " + c.reason());
        }
        if (!options.isEmpty()) {
            out.add("table options");
            for (Option o : options) {
                out.add(String.format(Locale.ROOT, "  %-28s %s", o.key(), o.value()));
                out.add("      " + o.reason());
            }
        }
        if (!notes.isEmpty()) {
            out.add("notes");
            notes.forEach(n -> out.add("  - " + n));
        }
        if (!statements.isEmpty()) {
            out.add("to apply after loading");
            statements.forEach(s -> out.add("  " + s + ";"));
        }
        return out;
    }
}
