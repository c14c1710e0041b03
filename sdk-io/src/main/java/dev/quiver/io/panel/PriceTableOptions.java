package dev.quiver.io.panel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How to turn a table into a {@link PriceTable}: its shape (detected unless given), which columns hold the date and
 * the symbol, the symbol of a single series, the field a wide table holds, the columns a command needs, and whether
 * prices are checked.
 *
 * <p>Thread-safety: immutable.
 */
public final class PriceTableOptions {
    private static final PriceTableOptions DEFAULTS = builder().build();

    private final TableShape shape;
    private final String dateColumn;
    private final String symbolColumn;
    private final String seriesSymbol;
    private final String wideField;
    private final Set<String> required;
    private final boolean validate;

    private PriceTableOptions(Builder b) {
        this.shape = b.shape;
        this.dateColumn = b.dateColumn;
        this.symbolColumn = b.symbolColumn;
        this.seriesSymbol = b.seriesSymbol;
        this.wideField = b.wideField;
        this.required = Set.copyOf(b.required);
        this.validate = b.validate;
    }

    /** Everything detected; prices checked; nothing required. */
    public static PriceTableOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The shape given, if any; otherwise it is detected. */
    public Optional<TableShape> shape() {
        return Optional.ofNullable(shape);
    }

    /** The date column given, if any. */
    public Optional<String> dateColumn() {
        return Optional.ofNullable(dateColumn);
    }

    /** The symbol column given, if any. */
    public Optional<String> symbolColumn() {
        return Optional.ofNullable(symbolColumn);
    }

    /** The symbol of a single series given, if any (otherwise the file name without its extension). */
    public Optional<String> seriesSymbol() {
        return Optional.ofNullable(seriesSymbol);
    }

    /** The field the columns of a wide table hold ({@code close} by default). */
    public String wideField() {
        return wideField;
    }

    /** The columns (or roles: {@code open}, {@code close}, ...) that must be present, in any case. */
    public Set<String> required() {
        return required;
    }

    /** Whether prices are checked (positive, high above low, close between them, volume not negative). */
    public boolean validate() {
        return validate;
    }

    /**
     * Builds {@link PriceTableOptions}.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private TableShape shape;
        private String dateColumn;
        private String symbolColumn;
        private String seriesSymbol;
        private String wideField = "close";
        private Set<String> required = new LinkedHashSet<>();
        private boolean validate = true;

        private Builder() {
        }

        /** The shape; {@code null} to detect it. */
        public Builder shape(TableShape shape) {
            this.shape = shape;
            return this;
        }

        /** The date column, in any case; {@code null} for the first of Date, Time, Timestamp, Datetime. */
        public Builder dateColumn(String name) {
            this.dateColumn = name;
            return this;
        }

        /** The symbol column, in any case; {@code null} for Symbol or Ticker if there is one. */
        public Builder symbolColumn(String name) {
            this.symbolColumn = name;
            return this;
        }

        /** The symbol of a single series; {@code null} for the file name without its extension. */
        public Builder seriesSymbol(String symbol) {
            this.seriesSymbol = symbol;
            return this;
        }

        /** The field the columns of a wide table hold (default {@code close}). */
        public Builder wideField(String field) {
            this.wideField = java.util.Objects.requireNonNull(field, "field").strip();
            return this;
        }

        /** The columns or roles a command reads; any other may be absent. */
        public Builder required(List<String> columns) {
            this.required = new LinkedHashSet<>(columns);
            return this;
        }

        /** Whether to check prices (default true); off for data that are not prices. */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        /** The options. */
        public PriceTableOptions build() {
            return new PriceTableOptions(this);
        }
    }
}
