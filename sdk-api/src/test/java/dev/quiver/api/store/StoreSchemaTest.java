package dev.quiver.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.table.Field;
import dev.quiver.api.table.LogicalType;
import dev.quiver.api.table.Schema;
import org.junit.jupiter.api.Test;

class StoreSchemaTest {
    @Test
    void aQuiverSchemaBecomesNullableColumnsWithDefaultEncodings() {
        StoreSchema s = StoreSchema.of(Schema.of(Field.date("date"), Field.string("symbol"), Field.float64("close")));
        assertThat(s.fields()).allMatch(StoreField::nullable)
                .allMatch(f -> f.encoding().equals(ColumnEncoding.DEFAULT));
        assertThat(s.toSchema()).isEqualTo(Schema.of(Field.date("date"), Field.string("symbol"),
                Field.float64("close")));
        StoreSchema hinted = s.with("symbol", f -> f.withEncoding(ColumnEncoding.dictionary(16)))
                .with("DATE", f -> f.withEncoding(ColumnEncoding.days(16)).withNullable(false));
        assertThat(hinted.field("symbol").orElseThrow().toString()).isEqualTo("symbol string encoding dictionary(16)");
        assertThat(hinted.field("date").orElseThrow().toString()).isEqualTo("date date not null encoding days(16)");
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        assertThatThrownBy(() -> StoreSchema.of(StoreField.of("close", LogicalType.FLOAT64),
                StoreField.of("Close", LogicalType.FLOAT64))).hasMessageContaining("'Close' appears twice");
    }

    @Test
    void encodingsMustSuitTheirColumns() {
        assertThatThrownBy(() -> ColumnEncoding.dictionary(12)).hasMessageContaining("8, 16 or 32");
        assertThatThrownBy(() -> ColumnEncoding.days(8)).hasMessageContaining("16 or 32");
        assertThatThrownBy(() -> StoreField.of("close", LogicalType.FLOAT64).withEncoding(ColumnEncoding.dictionary(8)))
                .hasMessageContaining("'close'").hasMessageContaining("does not apply to float64");
        assertThatThrownBy(() -> StoreField.of("n", LogicalType.INT16).withEncoding(ColumnEncoding.fixed(16)))
                .hasMessageContaining("does not apply");
        assertThat(StoreField.of("n", LogicalType.INT64).withEncoding(ColumnEncoding.fixed(32)).encoding().bits())
                .isEqualTo(32);
        assertThatThrownBy(() -> StoreField.of("x", LogicalType.INT64).withUnit(TimeUnit.SECOND))
                .hasMessageContaining("timestamps");
        assertThat(StoreField.of("t", LogicalType.TIMESTAMP).withUnit(TimeUnit.NANOSECOND).unit())
                .isEqualTo(TimeUnit.NANOSECOND);
    }

    @Test
    void identifiersAreLettersDigitsAndUnderscores() {
        assertThat(Identifiers.isValid("close_2")).isTrue();
        assertThat(Identifiers.isValid("_x")).isTrue();
        for (String bad : new String[] {"2x", "a b", "t; drop table x", "a\"b", "", "é", "x".repeat(121)}) {
            assertThat(Identifiers.isValid(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> Identifiers.require("t; drop table x", "table"))
                .isInstanceOf(StoreException.class).hasMessageContaining("invalid table name 't; drop table x'");
    }
}
