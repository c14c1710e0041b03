package dev.quiver.api.store;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The columns of a stored table, in order. Names are unique ignoring case (stores resolve them that way).
 *
 * <p>Thread-safety: immutable.
 *
 * @param fields the columns
 */
public record StoreSchema(List<StoreField> fields) {

    /**
     * @throws IllegalArgumentException if there are no columns or two names differ only in case
     */
    public StoreSchema {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a stored table needs at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (StoreField f : fields) {
            if (!seen.add(f.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("column '" + f.name() + "' appears twice (names ignore case)");
            }
        }
    }

    /** The stored form of a Quiver schema: every column nullable, default encodings, timestamps in milliseconds. */
    public static StoreSchema of(Schema schema) {
        List<StoreField> out = new ArrayList<>(schema.size());
        for (Field f : schema.fields()) {
            out.add(StoreField.of(f));
        }
        return new StoreSchema(out);
    }

    /** A schema of these columns. */
    public static StoreSchema of(StoreField... fields) {
        return new StoreSchema(List.of(fields));
    }

    /** The Quiver schema of what a scan of every column returns. */
    public Schema toSchema() {
        List<Field> out = new ArrayList<>(fields.size());
        for (StoreField f : fields) {
            out.add(f.field());
        }
        return Schema.of(out);
    }

    /** The column of this name, ignoring case. */
    public Optional<StoreField> field(String name) {
        for (StoreField f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The column names in order. */
    public List<String> names() {
        return fields.stream().map(StoreField::name).toList();
    }

    /**
     * This schema with one column changed.
     *
     * @throws IllegalArgumentException if there is no such column
     */
    public StoreSchema with(String name, UnaryOperator<StoreField> change) {
        List<StoreField> out = new ArrayList<>(fields);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equalsIgnoreCase(name)) {
                out.set(i, change.apply(out.get(i)));
                return new StoreSchema(out);
            }
        }
        throw new IllegalArgumentException("no column '" + name + "' in " + names());
    }

    /**
     * Checks that data of this Quiver schema can be loaded into these columns: the same names (ignoring case), in
     * order, of the same logical types.
     *
     * @throws StoreException naming the table and both column lists if not
     */
    public void requireLoadable(String table, Schema data) {
        List<Field> given = data.fields();
        boolean same = given.size() == fields.size();
        for (int i = 0; same && i < given.size(); i++) {
            same = fields.get(i).name().equalsIgnoreCase(given.get(i).name())
                    && fields.get(i).type() == given.get(i).logical();
        }
        if (!same) {
            throw new StoreException("table '" + table + "': the data's columns " + given + " are not the stored "
                    + "columns " + fields);
        }
    }

    /**
     * Checks that rows of {@code incoming} can be appended to a table of these columns: the same names (ignoring
     * case), in order, of the same logical types (nullability, units and encodings may differ).
     *
     * @throws StoreException naming the table and both column lists if not
     */
    public void requireAppendable(String table, StoreSchema incoming) {
        boolean same = incoming.fields.size() == fields.size();
        for (int i = 0; same && i < fields.size(); i++) {
            same = fields.get(i).name().equalsIgnoreCase(incoming.fields.get(i).name())
                    && fields.get(i).type() == incoming.fields.get(i).type();
        }
        if (!same) {
            throw new StoreException("table '" + table + "' has columns " + fields + "; the rows to append have "
                    + incoming.fields);
        }
    }
}
