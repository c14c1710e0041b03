package dev.quiver.api.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered list of {@link Field fields} of a {@link Table}. Column names are unique and compared exactly
 * (case-sensitive).
 *
 * <p>Thread-safety: immutable.
 */
public final class Schema {
    private final List<Field> fields;
    private final Map<String, Integer> index;

    private Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            Field f = this.fields.get(i);
            if (byName.putIfAbsent(f.name(), i) != null) {
                throw new IllegalArgumentException("duplicate column name '" + f.name() + "' in schema " + this.fields);
            }
        }
        this.index = Collections.unmodifiableMap(byName);
    }

    /**
     * A schema of these fields, in order.
     *
     * @throws IllegalArgumentException if two fields share a name
     */
    public static Schema of(List<Field> fields) {
        return new Schema(fields);
    }

    /**
     * A schema of these fields, in order.
     *
     * @throws IllegalArgumentException if two fields share a name
     */
    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    /** The fields in column order. */
    public List<Field> fields() {
        return fields;
    }

    /** The number of fields. */
    public int size() {
        return fields.size();
    }

    /** The field at a position. */
    public Field field(int position) {
        return fields.get(position);
    }

    /** The position of the named column, if present. */
    public Optional<Integer> positionOf(String name) {
        return Optional.ofNullable(index.get(name));
    }

    /**
     * The position of the named column.
     *
     * @throws IllegalArgumentException naming the missing column and the columns that exist
     */
    public int requirePosition(String name) {
        Integer position = index.get(name);
        if (position == null) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are " + names());
        }
        return position;
    }

    /** The column names in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        for (Field f : fields) {
            names.add(f.name());
        }
        return names;
    }

    /** Whether a column of this name exists. */
    public boolean contains(String name) {
        return index.containsKey(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
